import '../runtime/env-file.ts';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiEnv } from '../api/config.ts';
import { ingestEnv } from '../ingest/config.ts';
import { createIngest } from '../ingest/service.ts';
import { generateApiKey } from '../prisma/api-keys.ts';
import { bootstrap } from '../prisma/bootstrap.ts';
import { parseEnv, storeEnv } from '../runtime/config.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen, StartupError } from '../runtime/service.ts';
import { openStores } from '../runtime/stores.ts';

// `npm run demo [-- --days 30 --visitors 120]`: a synthetic month of traffic for three demo
// websites, sent through the real ingest HTTP endpoints (tracker batches, server events, LLM
// spans, signed Stripe webhooks), so a fresh install has data to explore in GraphiQL.
// On embedded stores run it while `npm start` is stopped (one process per data directory).

/** Exits with one line when the arguments are not what the demo takes. */
function demoArgs() {
  const usage = 'Usage: npm run demo -- --days 30 --visitors 120';
  try {
    const { values, positionals } = parseArgs({
      options: { days: { type: 'string', default: '30' }, visitors: { type: 'string', default: '120' } },
      allowPositionals: true,
    });
    // `npm run demo --days 2` (no `--`): npm takes `--days` for itself and passes a bare `2`.
    if (positionals.length) throw new Error(`npm kept the option names of ${positionals.join(' ')}`);
    const days = Number(values.days);
    const visitors = Number(values.visitors);
    if (!(days >= 1 && days <= 300) || !(visitors >= 1)) throw new Error('--days is 1–300, --visitors at least 1');
    return { days: Math.round(days), visitors };
  } catch (error) {
    console.error(`${(error as Error).message}. ${usage}`);
    process.exit(1);
  }
}
const { days: DAYS, visitors: VISITORS_PER_DAY } = demoArgs();

// Deterministic randomness (mulberry32), so two runs look alike.
let seed = 20_261_127;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[0]?.[0] as T;
}
const between = (min: number, max: number) => min + random() * (max - min);
/** Log-normal-ish sample around `median`. */
const around = (median: number, spread = 0.6) => median * Math.exp((random() + random() + random() - 1.5) * spread * 2);

// Real browser user agents (the `user-agents` corpus), weighted by how common they are.
const corpus: {
  userAgent: string;
  deviceCategory: string;
  weight: number;
  screenWidth: number;
  screenHeight: number;
}[] = JSON.parse(
  readFileSync(join(dirname(createRequire(import.meta.url).resolve('user-agents')), 'user-agents.json'), 'utf8'),
);
const browsers = corpus.slice(0, 400).map((u) => [u, u.weight] as const);

// Address blocks by region; DB-IP resolves each address to its real country.
const ADDRESS_BLOCKS: readonly (readonly [readonly number[], number])[] = [
  [[24, 50, 66, 73, 98, 174], 38],
  [[2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95], 34],
  [[1, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 110, 112, 114, 116, 119, 121, 124, 125, 126], 16],
  [[177, 179, 186, 187, 189, 190, 191, 200, 201], 8],
  [[41, 102, 105, 154, 196, 197], 4],
];
const randomIp = () =>
  `${pick(weighted(ADDRESS_BLOCKS))}.${Math.floor(between(1, 254))}.${Math.floor(between(0, 255))}.${Math.floor(between(1, 254))}`;

const REFERRERS: readonly (readonly [string, number])[] = [
  ['', 35],
  ['https://www.google.com/', 25],
  ['https://x.com/', 7],
  ['https://news.ycombinator.com/item?id=41234567', 6],
  ['https://www.reddit.com/r/selfhosted/', 5],
  ['https://github.com/', 4],
  ['https://duckduckgo.com/', 3],
  ['utm_source=newsletter&utm_medium=email&utm_campaign=november', 9],
  ['utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_term=web+analytics', 6],
];

interface SiteProfile {
  domain: string;
  name: string;
  pages: string[];
  visitors: number;
  custom: (path: string) => { name: string; properties?: Record<string, unknown> } | null;
}

const PRODUCTS = [
  { id: 'prod_widget', name: 'Widget', price: 2900 },
  { id: 'prod_gadget', name: 'Gadget Pro', price: 9900 },
  { id: 'prod_bundle', name: 'Starter bundle', price: 4900 },
];

const SITES: SiteProfile[] = [
  {
    domain: 'shop.tidemark.dev',
    name: 'Demo shop',
    pages: ['/', '/products', '/products/widget', '/products/gadget-pro', '/pricing', '/cart', '/checkout', '/about'],
    visitors: 1,
    custom: (path) =>
      path.startsWith('/products/') && random() < 0.3
        ? { name: 'add_to_cart', properties: { product: path.split('/')[2], quantity: 1 + Math.floor(random() * 3) } }
        : null,
  },
  {
    domain: 'docs.tidemark.dev',
    name: 'Demo docs',
    pages: ['/', '/docs/getting-started', '/docs/install', '/docs/tracker', '/docs/graphql', '/docs/faq', '/changelog'],
    visitors: 1.6,
    custom: (path) =>
      random() < 0.2
        ? path.startsWith('/docs')
          ? { name: 'copy_code', properties: { language: pick(['bash', 'ts', 'graphql']) } }
          : { name: 'search', properties: { query: pick(['install', 'docker', 'api key', 'funnels', 'retention']) } }
        : null,
  },
  {
    domain: 'blog.tidemark.dev',
    name: 'Demo blog',
    pages: ['/', '/posts/launch', '/posts/clickhouse-rollups', '/posts/privacy-without-cookies', '/about'],
    visitors: 0.7,
    custom: () =>
      random() < 0.04 ? { name: 'newsletter_signup', properties: { form: pick(['footer', 'inline']) } } : null,
  },
];

const ERRORS = [
  ['TypeError', "Cannot read properties of undefined (reading 'price')", '/assets/app.js', 214],
  ['ReferenceError', 'gtag is not defined', '/assets/vendor.js', 12],
  ['Error', 'Network request failed', '/assets/api.js', 88],
  ['SyntaxError', 'Unexpected token < in JSON at position 0', '/assets/api.js', 41],
] as const;

type Job = { path: string; body: unknown; headers: Record<string, string> };

/** One visit: a session of page views with engagement, vitals, errors and custom events. */
function* visit(
  site: SiteProfile & { id: string },
  visitor: { id: string; ip: string; browser: (typeof corpus)[number] },
  start: number,
) {
  const { browser } = visitor;
  const mobile = browser.deviceCategory !== 'desktop';
  const referrer = weighted(REFERRERS);
  const query = referrer.startsWith('utm_') ? `?${referrer}` : '';
  const sessionId = randomUUID();
  const pageCount = Math.min(site.pages.length, 1 + Math.floor(-Math.log(1 - random()) * 1.6));
  const events: Record<string, unknown>[] = [];
  let time = start;
  let path = random() < 0.6 ? '/' : pick(site.pages);
  let purchased: (typeof PRODUCTS)[number] | null = null;
  for (let n = 1; n <= pageCount; n++) {
    const url = `https://${site.domain}${path}${n === 1 ? query : ''}`;
    const context = {
      anonymousId: visitor.id,
      sessionId,
      sessionStartTime: start,
      url,
      title: `${site.name} – ${path === '/' ? 'Home' : path.split('/').pop()}`,
      referrer: n === 1 && referrer.startsWith('http') ? referrer : undefined,
      screenResolution: `${browser.screenWidth}x${browser.screenHeight}`,
      language: pick(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'ja-JP']),
      timezone: pick(['America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Tokyo', 'America/Sao_Paulo']),
    };
    const ttfb = Math.round(around(mobile ? 420 : 180));
    events.push({
      type: 'screen_view',
      eventId: randomUUID(),
      timestamp: time,
      ...context,
      ttfb,
      domReadyTime: Math.round(ttfb + around(600)),
      loadTime: Math.round(ttfb + around(mobile ? 1800 : 1100)),
    });
    for (const [metric, value] of [
      ['TTFB', ttfb],
      ['FCP', around(mobile ? 1900 : 1100)],
      ['LCP', around(mobile ? 2900 : 1700)],
      ['CLS', around(0.06, 0.9)],
      ['INP', around(mobile ? 260 : 140)],
    ] as const) {
      events.push({
        type: 'vital',
        eventId: randomUUID(),
        timestamp: time + 3000,
        ...context,
        metric,
        value: Math.round(value * 1000) / 1000,
      });
    }
    if (random() < 0.03) {
      const [errorType, message, file, line] = pick(ERRORS);
      events.push({
        type: 'error',
        eventId: randomUUID(),
        timestamp: time + 1500,
        ...context,
        errorType,
        message: `${errorType}: ${message}`,
        filename: `https://${site.domain}${file}`,
        lineno: line,
        colno: 17,
        stack: `${errorType}: ${message}\n    at render (https://${site.domain}${file}:${line}:17)`,
      });
    }
    const custom = site.custom(path);
    if (custom) events.push({ type: 'custom', eventId: randomUUID(), timestamp: time + 5000, ...context, ...custom });
    if (random() < 0.05) {
      events.push({
        type: 'outgoing_link',
        eventId: randomUUID(),
        timestamp: time + 6000,
        ...context,
        href: pick(['https://github.com/tidemark/tidemark', 'https://discord.gg/tidemark', 'https://clickhouse.com/']),
        text: 'link',
      });
    }
    const dwell = around(45_000, 0.8);
    events.push({
      type: 'page_exit',
      eventId: randomUUID(),
      timestamp: time + dwell,
      ...context,
      timeOnPage: Math.round(dwell / 100) / 10,
      scrollDepth: Math.round(between(15, 100)),
      interactionCount: Math.floor(around(4)),
      pageCount: n,
    });
    time += dwell + between(500, 4000);
    if (site.domain.startsWith('shop') && path === '/checkout' && random() < 0.45) {
      purchased = pick(PRODUCTS);
      path = '/checkout/complete';
      continue;
    }
    path = site.domain.startsWith('shop') && path === '/cart' ? '/checkout' : pick(site.pages);
  }
  if (purchased)
    events.push({
      type: 'custom',
      eventId: randomUUID(),
      timestamp: time,
      anonymousId: visitor.id,
      sessionId,
      url: `https://${site.domain}/checkout/complete`,
      name: 'purchase',
      properties: { product: purchased.id, value: purchased.price / 100 },
    });
  const headers = { 'user-agent': browser.userAgent, 'x-forwarded-for': visitor.ip, origin: `https://${site.domain}` };
  for (let i = 0; i < events.length; i += 100)
    yield { path: '/v1/batch', body: { clientId: site.id, events: events.slice(i, i + 100) }, headers } as Job;
  if (purchased) yield { kind: 'purchase', product: purchased, anonymousId: visitor.id, sessionId, at: time } as const;
}

// --- set up stores, demo websites, a temporary key and an ingest that trusts X-Forwarded-For ---
const log = createLogger('demo', 'warn');
const config = parseEnv({ stores: storeEnv, api: apiEnv, ingest: ingestEnv });
const storeConfig = config.stores;
// On embedded stores a running `npm start` holds DATA_DIR: openStores says so in one line.
const stores = await openStores(storeConfig, log).catch((error: Error) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
const created = await bootstrap(stores.prisma);
if (created) console.log(`Bootstrap admin API key (shown once, store it now): ${created.apiKey}`);
const organization = await stores.prisma.organization.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
const stripeSecret = `whsec_demo_${randomBytes(12).toString('hex')}`;
const sites = await Promise.all(
  SITES.map(async (profile) => {
    const data = { name: profile.name, integrations: { stripe: { webhookSecret: stripeSecret } } };
    const website = await stores.prisma.website.upsert({
      where: { organizationId_domain: { organizationId: organization.id, domain: profile.domain } },
      create: { ...data, domain: profile.domain, organizationId: organization.id },
      update: data,
    });
    return { ...profile, id: website.id };
  }),
);
// Short links (clicks are sent below) and uptime monitors (checked once `npm start` runs, on
// loopback: only with UPTIME_ALLOW_PRIVATE_TARGETS=true).
const LINKS = [
  ['launch', 'https://shop.tidemark.dev/products?utm_source=short&utm_campaign=launch'],
  ['docs', 'https://docs.tidemark.dev/docs/getting-started'],
  ['changelog', 'https://docs.tidemark.dev/changelog'],
] as const;
for (const [slug, targetUrl] of LINKS) {
  await stores.prisma.link.upsert({
    where: { slug },
    create: { slug, targetUrl, organizationId: organization.id, websiteId: sites[0]?.id },
    update: {},
  });
}
const MONITORS = [
  ['Tidemark API', `http://127.0.0.1:${config.api.port}/health`],
  ['Tidemark ingest', `http://127.0.0.1:${config.ingest.port}/health`],
  ['Unreachable example', 'http://127.0.0.1:9/'],
] as const;
for (const [name, url] of MONITORS) {
  if (!(await stores.prisma.uptimeMonitor.findFirst({ where: { organizationId: organization.id, url } }))) {
    await stores.prisma.uptimeMonitor.create({
      data: { organizationId: organization.id, name, url, intervalSeconds: 30, timeoutMs: 5000 },
    });
  }
}

const { key: demoKey, ...storedKey } = generateApiKey();
const keyRow = await stores.prisma.apiKey.create({
  data: {
    ...storedKey,
    name: 'Demo loader (revoked after use)',
    organizationId: organization.id,
    scopes: ['TRACK_EVENTS', 'WRITE_LLM'],
    rateLimitEnabled: false,
  },
});
const ingest = await createIngest(
  stores,
  ingestEnv.parse({
    TRUST_PROXY: '1',
    INGEST_RATE_LIMIT_PER_IP: '1000000000',
    // Its own spool: a running product holds the default one.
    INGEST_SPOOL_DIR: join(storeConfig.dataDir, 'spool', 'demo'),
  }),
  log,
);
const port = await listen(ingest.server, 0, '127.0.0.1');
const base = `http://127.0.0.1:${port}`;

/** Sends a job as a real client would: waiting out 429 and 503 (backpressure) for as long as asked. */
async function send(job: Job): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const response =
      job.body === undefined
        ? await fetch(`${base}${job.path}`, { redirect: 'manual', headers: job.headers })
        : await fetch(`${base}${job.path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...job.headers },
            body: JSON.stringify(job.body),
          });
    if (response.status < 400) return;
    const text = await response.text();
    if ((response.status !== 429 && response.status !== 503) || attempt === 10) {
      throw new Error(`${job.path}: ${response.status} ${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
  }
}

function stripeJob(site: { id: string }, event: Record<string, unknown>): Job {
  const body = JSON.stringify(event);
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', stripeSecret).update(`${t}.${body}`).digest('hex');
  return {
    path: `/v1/webhooks/stripe?websiteId=${site.id}`,
    body: event,
    headers: { 'stripe-signature': `t=${t},v1=${v1}` },
  };
}

// --- generate the month and send it, 64 requests at a time ---
function* everything(): Generator<Job> {
  const now = Date.now();
  const returning = new Map<string, { id: string; ip: string; browser: (typeof corpus)[number] }[]>();
  for (let day = DAYS - 1; day >= 0; day--) {
    const dayStart = now - (day + 1) * 86_400_000;
    const weekday = new Date(dayStart).getUTCDay();
    const growth = 0.7 + 0.6 * ((DAYS - day) / DAYS);
    for (const site of sites) {
      const pool = returning.get(site.id) ?? [];
      returning.set(site.id, pool);
      const count = Math.round(VISITORS_PER_DAY * site.visitors * growth * (weekday === 0 || weekday === 6 ? 0.6 : 1));
      for (let v = 0; v < count; v++) {
        const visitor =
          pool.length > 10 && random() < 0.25
            ? pick(pool)
            : { id: randomUUID(), ip: randomIp(), browser: weighted(browsers) };
        if (!pool.includes(visitor) && random() < 0.5) pool.push(visitor);
        const hour =
          weighted([
            [2, 2],
            [6, 4],
            [9, 9],
            [12, 10],
            [15, 10],
            [18, 8],
            [21, 5],
          ] as const) +
          random() * 3;
        const start = Math.min(now - 60_000, dayStart + hour * 3_600_000);
        for (const item of visit(site, visitor, start)) {
          if ('path' in item) {
            yield item;
            continue;
          }
          const refunded = random() < 0.05;
          const intent = `pi_demo_${randomUUID().slice(0, 12)}`;
          yield stripeJob(site, {
            id: `evt_${randomUUID()}`,
            type: 'checkout.session.completed',
            created: Math.floor(item.at / 1000),
            data: {
              object: {
                id: `cs_${intent}`,
                payment_intent: intent,
                amount_total: item.product.price,
                currency: 'usd',
                mode: 'payment',
                metadata: {
                  anonymous_id: item.anonymousId,
                  session_id: item.sessionId,
                  product_id: item.product.id,
                  product_name: item.product.name,
                },
              },
            },
          });
          yield {
            path: '/v1/track',
            body: {
              name: 'invoice_sent',
              websiteId: site.id,
              anonymousId: item.anonymousId,
              properties: { product: item.product.id },
              timestamp: item.at + 60_000,
            },
            headers: { authorization: `Bearer ${demoKey}` },
          };
          if (refunded) {
            yield stripeJob(site, {
              id: `evt_${randomUUID()}`,
              type: 'charge.refunded',
              created: Math.floor(item.at / 1000) + 86_400,
              data: {
                object: {
                  id: `ch_${intent}`,
                  payment_intent: intent,
                  amount: item.product.price,
                  amount_refunded: item.product.price,
                  currency: 'usd',
                  metadata: { anonymous_id: item.anonymousId },
                },
              },
            });
          }
        }
      }
      // A few short-link clicks a day, from real browsers in many places.
      if (site === sites[0]) {
        for (let c = 0; c < Math.round(8 * growth); c++) {
          const browser = weighted(browsers);
          yield {
            path: `/l/${pick(LINKS)[0]}`,
            body: undefined,
            headers: {
              'user-agent': browser.userAgent,
              'x-forwarded-for': randomIp(),
              referer: pick(['https://x.com/', 'https://news.ycombinator.com/', 'https://www.linkedin.com/']),
            },
          };
        }
      }
      // The docs site's AI assistant: a few LLM calls an hour.
      if (site.domain.startsWith('docs')) {
        const calls = Array.from({ length: Math.round(40 * growth) }, () => {
          const [provider, model, inCost, outCost] = weighted([
            [['openai', 'gpt-4o-mini', 0.15, 0.6], 5],
            [['anthropic', 'claude-sonnet-4', 3, 15], 3],
            [['google', 'gemini-2.0-flash', 0.1, 0.4], 2],
          ] as const);
          const inputTokens = Math.round(around(1800));
          const outputTokens = Math.round(around(350));
          const failed = random() < 0.03;
          return {
            timestamp: dayStart + random() * 86_400_000,
            provider,
            model,
            inputTokens,
            outputTokens,
            inputTokenCostUsd: (inputTokens * inCost) / 1e6,
            outputTokenCostUsd: (outputTokens * outCost) / 1e6,
            durationMs: Math.round(around(failed ? 30_000 : 1600)),
            finishReason: failed ? 'error' : 'stop',
            httpStatus: failed ? 529 : 200,
            errorName: failed ? 'OverloadedError' : undefined,
            toolCallNames: random() < 0.3 ? ['search_docs'] : [],
          };
        });
        yield { path: '/v1/llm', body: calls, headers: { authorization: `Bearer ${demoKey}` } };
      }
    }
  }
}

const started = Date.now();
let requests = 0;
const jobs = everything();
const progress = () => {
  const share = Math.min(1, requests / (DAYS * VISITORS_PER_DAY * 3.6));
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
  process.stderr.write(
    `\r[${bar}] ${requests.toLocaleString()} requests, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
};
const timer = setInterval(progress, 250);
await Promise.all(
  Array.from({ length: 64 }, async () => {
    for (let next = jobs.next(); !next.done; next = jobs.next()) {
      await send(next.value);
      requests++;
    }
  }),
);
clearInterval(timer);
progress();
process.stderr.write('\n');

await stores.prisma.apiKey.update({ where: { id: keyRow.id }, data: { revokedAt: new Date() } });
await closeServer(ingest.server);
await ingest.close();
await stores.close();
console.log(
  `Sent ${requests.toLocaleString()} requests for ${sites.map((s) => s.domain).join(', ')} over ${DAYS} days.`,
);
console.log(
  `Start the product with \`npm start\` and explore the data in GraphiQL at http://localhost:${config.api.port}/graphql.`,
);
// The demo monitors watch the product's own loopback ports, which uptime checks refuse by default (SSRF).
console.log(
  'Its uptime monitors check loopback addresses: start with UPTIME_ALLOW_PRIVATE_TARGETS=true to see them up.',
);
