import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Node's arguments for a script of the product. Processes run in the temp directory, so that a
 * developer's `.env` in the checkout does not reach them (entry points load the working directory's).
 */
const nodeArgs = (script: string, args: string[] = []) => [
  '--import',
  import.meta.resolve('tsx'),
  join(import.meta.dirname, '..', script),
  ...args,
];

/** The whole product (`npm start`) as a child process on embedded stores in `dataDir`. */
export interface RunningProduct {
  child: ChildProcess;
  output: () => string;
  apiUrl: string;
  ingestUrl: string;
  /** SIGTERM (or another signal), resolving with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const MAIN = 'main.ts';

export async function startProduct(dataDir: string, env: Record<string, string> = {}): Promise<RunningProduct> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    INGEST_PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  };
  delete childEnv.DATABASE_URL;
  delete childEnv.CLICKHOUSE_URL;
  const child = spawn(process.execPath, nodeArgs(MAIN), {
    cwd: tmpdir(),
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 90_000;
  while (!/Ingest: +http/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = (label: string) => new RegExp(`${label}: +(http://\\S+)`).exec(output)?.[1] as string;
  return {
    child,
    output: () => output,
    apiUrl: url('GraphiQL'),
    ingestUrl: url('Ingest'),
    stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a script of the product (`scripts/migrate.ts`, `main.ts`, …) to its end on embedded stores
 * in `dataDir` (none: DATA_DIR unset).
 */
export function runScript(
  script: string,
  args: string[],
  dataDir: string | undefined,
  env: Record<string, string> = {},
  options: { uid?: number; gid?: number; cwd?: string } = {},
): Promise<CommandResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', ...env };
  if (dataDir) childEnv.DATA_DIR = dataDir;
  else delete childEnv.DATA_DIR;
  delete childEnv.DATABASE_URL;
  delete childEnv.CLICKHOUSE_URL;
  const child = spawn(process.execPath, nodeArgs(script, args), {
    cwd: tmpdir(),
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The value of one series (`name{labels}` exactly as rendered) in Prometheus text, or undefined. */
export function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
