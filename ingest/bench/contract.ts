import { parseTrackerEvent, trackerEvent } from '../contract.ts';
import { bundledDbIpFiles, openDbIp } from '../enrich/geo.ts';
import { PageParser } from '../enrich/page.ts';
import { UserAgentParser } from '../enrich/user-agent.ts';
import { runPipeline } from '../pipeline.ts';
import { CHROME_DESKTOP } from '../test-support.ts';
import { toSite } from '../websites.ts';

// `npx tsx ingest/bench/contract.ts`: what validating tracker events costs with zod's schema
// (`trackerEvent.safeParse`) against the hand-written twin (`parseTrackerEvent`), beside the
// whole in-process pipeline (validate, bot, geo, UA, referrer, UTM, privacy, row) for the same
// events, all measured in this run. The pipeline is a lower bound of what ingest spends per
// event (HTTP and JSON parsing come on top), so zod's extra cost as a share of it is an upper
// bound of its share of the service. Rounds alternate; figures are medians.

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const EVENTS = 20_000;

const page = (i: number) => ({
  eventId: `e-${i}`,
  anonymousId: `anon-${i % 500}`,
  sessionId: `sess-${i % 900}`,
  timestamp: Date.now(),
  url: `https://example.com/docs/page-${i % 50}?utm_source=news&utm_campaign=launch`,
  path: `/docs/page-${i % 50}`,
  title: 'Getting started with the product',
  referrer: 'https://www.google.com/',
  screenResolution: '1920x1080',
  viewportSize: '1280x720',
  language: 'en-GB',
  timezone: 'Europe/London',
});
/** The tracker's mix: mostly page views and exits, some custom events, vitals and errors. */
const events = Array.from({ length: EVENTS }, (_, i) => {
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return { type: 'screen_view', ...page(i), loadTime: 812, ttfb: 120, domReadyTime: 400 };
    case 4:
    case 5:
      return { type: 'page_exit', ...page(i), timeOnPage: 42.5, scrollDepth: 80, interactionCount: 3, pageCount: 2 };
    case 6:
      return { type: 'custom', ...page(i), name: 'signup', properties: { plan: 'pro', seats: 3 } };
    case 7:
    case 8:
      return { type: 'vital', ...page(i), metric: 'LCP', value: 1830, viewId: `e-${i - 1}` };
    default:
      return {
        type: 'error',
        ...page(i),
        message: 'TypeError: x is undefined',
        filename: 'app.js',
        lineno: 10,
        colno: 5,
      };
  }
});
// What JSON.parse hands the validators: fresh objects, as each request's are.
const input = () => JSON.parse(JSON.stringify(events)) as unknown[];

const deps = {
  userAgents: new UserAgentParser(),
  pages: new PageParser(),
  geo: await openDbIp(bundledDbIpFiles()),
  recentIds: { claim: () => true, release: () => {} },
};
const site = toSite({
  id: 'bench',
  organizationId: 'org',
  domain: 'example.com',
  status: 'ACTIVE',
  settings: {},
  integrations: {},
});
const ctx = {
  site,
  ip: '81.2.69.142',
  userAgent: CHROME_DESKTOP,
  optedOut: false,
  receivedAt: new Date(),
  salt: Buffer.alloc(32, 1),
};

const SUBJECTS = {
  twin: (batch: unknown[]) => {
    for (const raw of batch) if (!parseTrackerEvent(raw).success) throw new Error('twin refused a valid event');
  },
  zod: (batch: unknown[]) => {
    for (const raw of batch) if (!trackerEvent.safeParse(raw).success) throw new Error('zod refused a valid event');
  },
  pipeline: (batch: unknown[]) => {
    // In requests of 20 events, as the tracker batches them.
    for (let i = 0; i < batch.length; i += 20) runPipeline(batch.slice(i, i + 20), ctx, deps);
  },
};
type Subject = keyof typeof SUBJECTS;

/** Nanoseconds per event of one pass over fresh input. */
function measure(subject: Subject): number {
  const batch = input();
  const started = process.hrtime.bigint();
  SUBJECTS[subject](batch);
  return Number(process.hrtime.bigint() - started) / batch.length;
}

for (const subject of Object.keys(SUBJECTS) as Subject[]) measure(subject); // warm-up
const samples: Record<Subject, number[]> = { twin: [], zod: [], pipeline: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const subject of Object.keys(SUBJECTS) as Subject[]) samples[subject].push(measure(subject));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const [twin, zod, pipeline] = [median(samples.twin), median(samples.zod), median(samples.pipeline)];
const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
console.log(`per event, medians of ${ROUNDS} rounds of ${EVENTS} events:`);
console.log(`  parseTrackerEvent (hand-written)  ${us(twin)}`);
console.log(`  trackerEvent.safeParse (zod)      ${us(zod)}  (${(zod / twin).toFixed(1)}x the twin)`);
console.log(`  whole pipeline (with the twin)    ${us(pipeline)}`);
console.log(
  `  zod instead of the twin: +${us(zod - twin)} per event, +${((100 * (zod - twin)) / pipeline).toFixed(1)} % of the pipeline`,
);
