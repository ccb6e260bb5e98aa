import { z } from 'zod';
import { parseEnv, port, processEnv, storeEnv } from '../runtime/config.ts';

export const ingestEnv = z.object({ INGEST_PORT: port(4001) }).transform((env) => ({ port: env.INGEST_PORT }));

/** Configuration of the ingest service, validated as a whole. */
export const loadIngestConfig = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv({ stores: storeEnv, process: processEnv, ingest: ingestEnv }, env);
