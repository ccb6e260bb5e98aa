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
    /** How long an analytics answer is served again to the same caller (api/response-cache.ts); 0 turns the cache off. */
    RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    /** Memory for cached answers. */
    RESPONSE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(64 * 1024 * 1024),
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
    responseCache:
      env.RESPONSE_CACHE_TTL_MS > 0
        ? { ttlMs: env.RESPONSE_CACHE_TTL_MS, maxBytes: env.RESPONSE_CACHE_MAX_BYTES }
        : undefined,
  }));

export type ApiConfig = z.output<typeof apiEnv>;

/** Configuration of the API service, validated as a whole. */
export const loadApiConfig = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv({ stores: storeEnv, process: processEnv, api: apiEnv }, env);
