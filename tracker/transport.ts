import type { TrackerEvent } from './types.ts';

/** Events wait for a batch of this many, or this long. */
const BATCH_SIZE = 10;
const BATCH_DELAY_MS = 2000;
/** Per request; keeps keepalive/beacon bodies far below the browsers' 64 KB limit (ingest takes 100). */
const CHUNK = 25;
/** Consecutive transient failures retried, 1 s, 2 s, 4 s … apart. */
const RETRIES = 6;

/** Batches events to ingest; retries resend the same events, so ingest dedupes them by id. */
export function transport(endpoint: string, clientId: string, bot: boolean) {
  let queue: TrackerEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let failures = 0;

  const schedule = (ms: number) => {
    timer ||= setTimeout(flush, ms);
  };

  /** Sends everything queued; `hidden` (the page may be going away) prefers sendBeacon. */
  function flush(hidden?: boolean) {
    clearTimeout(timer);
    timer = 0;
    while (queue.length) {
      const events = queue.splice(0, CHUNK);
      try {
        const body = JSON.stringify({ clientId, events, bot });
        if (hidden && navigator.sendBeacon?.(endpoint, body)) continue;
        // A string body is text/plain: a simple CORS request, no preflight.
        fetch(endpoint, { method: 'POST', body, keepalive: true })
          .then((response) => {
            if (response.status > 428) throw response;
            failures = 0;
          })
          .catch(() => {
            // Network errors, 429 (rate limit) and 5xx are transient; other refusals would fail again.
            if (failures++ < RETRIES) {
              queue = events.concat(queue);
              schedule(1000 * 2 ** (failures - 1));
            }
          });
      } catch {}
    }
  }

  return {
    flush,
    push(event: TrackerEvent) {
      queue.push(event);
      if (queue.length >= BATCH_SIZE) flush();
      else schedule(BATCH_DELAY_MS);
    },
  };
}
