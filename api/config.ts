import { z } from 'zod';
import {
  allowPrivateTargets,
  checkHttpEnv,
  httpEnvFields,
  httpLimits,
  metricsToken,
  parseEnv,
  port,
  processEnv,
  storeEnv,
  trustProxy,
} from '../runtime/config.ts';

export const apiEnv = z
  .object({
    PORT: port(4000),
    UPTIME_ALLOW_PRIVATE_TARGETS: allowPrivateTargets,
    METRICS_TOKEN: metricsToken,
    TRUST_PROXY: trustProxy,
    ...httpEnvFields,
  })
  .superRefine(checkHttpEnv)
  .transform((env) => ({
    port: env.PORT,
    http: httpLimits(env),
    uptimeAllowPrivateTargets: env.UPTIME_ALLOW_PRIVATE_TARGETS,
    metricsToken: env.METRICS_TOKEN,
    /** Proxies trusted for X-Forwarded-For (sign-in rate limits) and X-Forwarded-Proto (Secure cookies). */
    trustProxyHops: env.TRUST_PROXY,
  }));

export type ApiConfig = z.output<typeof apiEnv>;

/** Configuration of the API service, validated as a whole. */
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv({ stores: storeEnv, process: processEnv, api: apiEnv }, env);
