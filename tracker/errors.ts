import { on } from './listen.ts';
import type { Send } from './types.ts';

/** The top frames locate an error; the rest costs bytes and says little. */
const STACK_LINES = 12;

/** Uncaught errors and unhandled rejections, each distinct one once per page. */
export function errors(send: Send) {
  const seen = new Set<string>();
  const report = (
    message: string,
    errorType: string,
    error?: { stack?: unknown },
    filename?: string,
    lineno?: number,
    colno?: number,
  ) => {
    const key = [location.pathname, message, filename, lineno, colno].join();
    if (seen.has(key)) return;
    seen.add(key);
    const stack =
      typeof error?.stack === 'string' ? error.stack.split('\n').slice(0, STACK_LINES).join('\n') : undefined;
    send({ type: 'error', message: message || 'Unknown error', errorType, stack, filename, lineno, colno });
  };
  on('error', (e: ErrorEvent) => report(e.message, e.error?.name || 'Error', e.error, e.filename, e.lineno, e.colno));
  on('unhandledrejection', (e: PromiseRejectionEvent) => {
    const reason = e.reason;
    report(reason?.message ?? String(reason), reason?.name || 'UnhandledRejection', reason);
  });
}
