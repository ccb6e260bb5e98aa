/** Structured logs: one JSON object per line on stdout (stderr for warnings and errors). */
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function createLogger(service: string, minLevel: (typeof LEVELS)[number] = 'info'): Logger {
  const threshold = LEVELS.indexOf(minLevel);
  const write =
    (level: (typeof LEVELS)[number]) =>
    (message: string, fields: Fields = {}) => {
      if (LEVELS.indexOf(level) < threshold) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level, service, message, ...fields });
      (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
