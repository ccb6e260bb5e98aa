import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import crawlers from 'crawler-user-agents' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from './test-support.ts';

let t: TestIngest;
beforeAll(async () => {
  t = await startTestIngest({ INGEST_RATE_LIMIT_PER_IP: '40', INGEST_MAX_BUFFERED_ROWS: '60' });
});
afterAll(() => t.close());

let ipCounter = 0;
/** Each call comes from a fresh documentation-range address unless told otherwise. */
async function send(
  body: unknown,
  options: {
    ip?: string;
    origin?: string | null;
    ua?: string | null;
    headers?: Record<string, string>;
    contentType?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-forwarded-for': options.ip ?? `198.51.100.${++ipCounter % 250}`,
    ...options.headers,
  };
  if (options.origin !== null) headers.origin = options.origin ?? 'https://example.com';
  if (options.ua !== null) headers['user-agent'] = options.ua ?? CHROME_DESKTOP;
  const response = await fetch(`${t.url}/v1/batch`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const base = () => ({
  eventId: randomUUID(),
  anonymousId: 'anon-1',
  sessionId: 'sess-1',
  url: 'https://example.com/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=launch',
  title: 'Pricing',
  referrer: 'https://news.ycombinator.com/item?id=42',
  language: 'en-GB',
  timezone: 'Europe/London',
  screenResolution: '1920x1080',
});

describe('POST /v1/batch', () => {
  it('stores a page view with parsed, geolocated and hashed fields', async () => {
    const event = { ...base(), type: 'screen_view', loadTime: 812, ttfb: 95, rtt: 50, downlink: 10 };
    const response = await send({ clientId: t.siteId, events: [event] }, { ip: GEO.london });
    expect(response).toMatchObject({ status: 200, body: { accepted: 1, dropped: {}, errors: [] } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://example.com');

    const [row] = await t.rows<Record<string, unknown>>(
      sql`SELECT * FROM analytics.events WHERE event_id = ${event.eventId}`,
    );
    expect(row).toMatchObject({
      client_id: t.siteId,
      event_name: 'screen_view',
      anonymous_id: 'anon-1',
      session_id: 'sess-1',
      path: '/pricing',
      url: event.url,
      title: 'Pricing',
      referrer: 'https://news.ycombinator.com/item',
      browser_name: 'Chrome',
      browser_version: '153',
      os_name: 'Windows',
      device_type: 'desktop',
      country: 'GB',
      region: 'England',
      city: 'London',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'launch',
      load_time: 812,
      ttfb: 95,
      rtt: 50,
      language: 'en-GB',
      screen_resolution: '1920x1080',
    });
    expect(row?.ip).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain(GEO.london);
  });

  it('routes every event kind to its table', async () => {
    const events = [
      { ...base(), type: 'page_exit', timeOnPage: 42.5, scrollDepth: 80, interactionCount: 7, pageCount: 3 },
      { ...base(), type: 'custom', name: 'signup', properties: { plan: 'pro', seats: 3 } },
      { ...base(), type: 'outgoing_link', href: 'https://github.com/x', text: 'GitHub' },
      { ...base(), type: 'vital', metric: 'LCP', value: 2310.5 },
      {
        ...base(),
        type: 'error',
        message: 'TypeError: x is undefined',
        filename: 'app.js',
        lineno: 10,
        colno: 5,
        stack: 'at f (app.js:10:5)',
        errorType: 'TypeError',
      },
    ];
    const response = await send({ clientId: t.siteId, events }, { ip: GEO.tokyoV6, ua: IPHONE_SAFARI });
    expect(response.body).toMatchObject({ accepted: 5 });

    const stored = await t.rows<{
      event_name: string;
      properties: string;
      time_on_page: number;
      scroll_depth: number;
      page_count: number;
      event_type: string;
    }>(
      sql`SELECT event_name, properties, time_on_page, scroll_depth, page_count, event_type FROM analytics.events
        WHERE event_id IN ${sql.array(
          events.map((e) => e.eventId),
          'String',
        )} ORDER BY event_name`,
    );
    expect(stored).toEqual([
      {
        event_name: 'outgoing_link',
        properties: '{"href":"https://github.com/x","text":"GitHub"}',
        time_on_page: null,
        scroll_depth: null,
        page_count: 1,
        event_type: 'outgoing_link',
      },
      {
        event_name: 'page_exit',
        properties: '{}',
        time_on_page: 42.5,
        scroll_depth: 80,
        page_count: 3,
        event_type: 'track',
      },
      {
        event_name: 'signup',
        properties: '{"plan":"pro","seats":3}',
        time_on_page: null,
        scroll_depth: null,
        page_count: 1,
        event_type: 'custom',
      },
    ]);
    expect(
      await t.rows(
        sql`SELECT metric_name, metric_value, path, browser_name, device_type, country FROM analytics.web_vitals WHERE client_id = ${t.siteId}`,
      ),
    ).toEqual([
      {
        metric_name: 'LCP',
        metric_value: 2310.5,
        path: '/pricing',
        browser_name: 'Mobile Safari',
        device_type: 'mobile',
        country: 'JP',
      },
    ]);
    expect(
      await t.rows(
        sql`SELECT message, filename, lineno, colno, stack, error_type, country FROM analytics.error_spans WHERE client_id = ${t.siteId}`,
      ),
    ).toEqual([
      {
        message: 'TypeError: x is undefined',
        filename: 'app.js',
        lineno: 10,
        colno: 5,
        stack: 'at f (app.js:10:5)',
        error_type: 'TypeError',
        country: 'JP',
      },
    ]);
  });

  it('accepts text/plain bodies (sendBeacon) and answers CORS preflights', async () => {
    const response = await send(JSON.stringify({ clientId: t.siteId, events: [{ ...base(), type: 'screen_view' }] }), {
      contentType: 'text/plain;charset=UTF-8',
    });
    expect(response.body).toMatchObject({ accepted: 1 });
    const preflight = await fetch(`${t.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('keeps good events of a batch with bad ones, clamps time, truncates long strings', async () => {
    const future = { ...base(), type: 'screen_view', timestamp: Date.now() + 86_400_000, title: 'x'.repeat(5000) };
    const ancient = { ...base(), type: 'screen_view', timestamp: Date.UTC(2001, 0, 1) };
    const response = await send({
      clientId: t.siteId,
      events: [future, { ...base(), type: 'vital', metric: 'LCP', value: -5 }, { type: 'nope' }, ancient],
    });
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(2);
    expect(response.body.dropped).toEqual({ invalid: 2 });
    expect(response.body.errors.map((e: { index: number }) => e.index)).toEqual([1, 2]);
    const rows = await t.rows<{ event_id: string; age_s: number; title_length: number }>(
      sql`SELECT event_id, dateDiff('second', time, now64(3)) AS age_s, length(title) AS title_length FROM analytics.events
        WHERE event_id IN ${sql.array([future.eventId, ancient.eventId], 'String')}`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.event_id, r]));
    expect(byId[future.eventId]?.age_s).toBeLessThan(60);
    expect(byId[future.eventId]?.title_length).toBe(512);
    expect(byId[ancient.eventId]?.age_s).toBeGreaterThan(363 * 86_400);
    expect(byId[ancient.eventId]?.age_s).toBeLessThan(365 * 86_400);
  });

  it('refuses a body nested deeper than MAX_JSON_DEPTH whole, storing none of it', async () => {
    const good = { ...base(), type: 'screen_view' };
    const nested = { ...base(), type: 'custom', name: 'deep', properties: { deep: 0 } };
    const body = JSON.stringify({ clientId: t.siteId, events: [good, nested] }).replace(
      '"deep":0',
      `"deep":${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    );
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'INVALID_JSON' } });
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.events WHERE event_id = ${good.eventId}`)).toEqual([
      { n: 0 },
    ]);
  });

  it('stores a retried event once', async () => {
    const event = { ...base(), type: 'screen_view' };
    expect((await send({ clientId: t.siteId, events: [event] })).body.accepted).toBe(1);
    expect((await send({ clientId: t.siteId, events: [event] })).body).toMatchObject({
      accepted: 0,
      dropped: { duplicate: 1 },
    });
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.events WHERE event_id = ${event.eventId}`)).toEqual([
      { n: 1 },
    ]);
  });

  it('drops bots (from a crawler corpus) and requests without a user agent, and counts them', async () => {
    const bots = (crawlers as { instances: string[] }[]).flatMap((c) => c.instances).slice(0, 25);
    for (const ua of bots) {
      const response = await send(
        { clientId: t.siteId, events: [{ ...base(), type: 'screen_view', anonymousId: 'bot' }] },
        { ua },
      );
      expect(response.body, ua).toMatchObject({ accepted: 0, dropped: { bot: 1 } });
    }
    expect(
      (await send({ clientId: t.siteId, events: [{ ...base(), type: 'screen_view' }] }, { ua: '' })).body.dropped,
    ).toEqual({ no_user_agent: 1 });
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.events WHERE anonymous_id = 'bot'`)).toEqual([{ n: 0 }]);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/tidemark_ingest_dropped_total\{step="bot",reason="bot"\} 25/);
    expect(metrics).toMatch(/tidemark_ingest_dropped_total\{step="bot",reason="no_user_agent"\} 1/);
  });

  it('honours Do-Not-Track and Global Privacy Control when the website asks to', async () => {
    const event = () => ({ ...base(), type: 'screen_view' });
    expect((await send({ clientId: t.siteId, events: [event()] }, { headers: { dnt: '1' } })).body.accepted).toBe(1);
    await t.prisma.website.update({ where: { id: t.siteId }, data: { settings: { respectDoNotTrack: true } } });
    await t.ingest.context.websites.invalidateChanged();
    expect((await send({ clientId: t.siteId, events: [event()] }, { headers: { dnt: '1' } })).body.dropped).toEqual({
      opt_out: 1,
    });
    expect(
      (await send({ clientId: t.siteId, events: [event()] }, { headers: { 'sec-gpc': '1' } })).body.dropped,
    ).toEqual({ opt_out: 1 });
    expect((await send({ clientId: t.siteId, events: [event()] })).body.accepted).toBe(1);
    await t.prisma.website.update({ where: { id: t.siteId }, data: { settings: {} } });
    await t.ingest.context.websites.invalidateChanged();
  });

  it('keeps a headless browser only when the tracker declares it (data-allow-bots) and the website allows bots', async () => {
    const headless = CHROME_DESKTOP.replace(/Chrome\//, 'HeadlessChrome/');
    const batch = (bot?: boolean) => ({
      clientId: t.siteId,
      events: [{ ...base(), type: 'screen_view' }],
      ...(bot === undefined ? {} : { bot }),
    });
    // Website settings without allowBots: declared or not, a bot is a bot.
    expect((await send(batch(true), { ua: headless })).body.dropped).toEqual({ bot: 1 });
    await t.prisma.website.update({ where: { id: t.siteId }, data: { settings: { allowBots: true } } });
    await t.ingest.context.websites.invalidateChanged();
    try {
      expect((await send(batch(), { ua: headless })).body.dropped).toEqual({ bot: 1 });
      expect((await send(batch(false), { ua: headless })).body.dropped).toEqual({ bot: 1 });
      const kept = batch(true);
      expect((await send(kept, { ua: headless })).body).toMatchObject({ accepted: 1, dropped: {} });
      const [row] = await t.rows<{ browser_name: string }>(
        sql`SELECT browser_name FROM analytics.events WHERE event_id = ${kept.events[0]?.eventId ?? ''}`,
      );
      expect(row?.browser_name).toBe('Chrome Headless');
      // A crawler's declaration is no different: only a website that allows bots keeps it.
      expect((await send(batch(true), { ua: 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).body.accepted).toBe(
        1,
      );
      // Anything but a boolean is a bad envelope.
      const refused = await send({ ...batch(), bot: 'yes' }, { ua: headless });
      expect({ status: refused.status, code: refused.body.error?.code }).toEqual({
        status: 400,
        code: 'INVALID_BATCH',
      });
    } finally {
      await t.prisma.website.update({ where: { id: t.siteId }, data: { settings: {} } });
      await t.ingest.context.websites.invalidateChanged();
    }
  });
});

describe('POST /v1/batch refuses bad requests and changes nothing', () => {
  const count = async () => (await t.rows<{ n: number }>(sql`SELECT count() AS n FROM analytics.events`))[0]?.n;
  const screenView = () => ({ ...base(), type: 'screen_view' });

  it.each([
    ['malformed JSON', () => send('{"clientId":'), 400, 'INVALID_JSON'],
    ['no events', () => send({ clientId: t.siteId, events: [] }), 400, 'INVALID_BATCH'],
    [
      'too many events',
      () => send({ clientId: t.siteId, events: Array(101).fill(screenView()) }),
      400,
      'INVALID_BATCH',
    ],
    [
      'only invalid events',
      () => send({ clientId: t.siteId, events: [{ type: 'vital', metric: 'XYZ', value: 1, eventId: 'a' }] }),
      400,
      'INVALID_EVENTS',
    ],
    ['an unknown website', () => send({ clientId: 'nope', events: [screenView()] }), 403, 'INVALID_CLIENT'],
    [
      'a foreign origin',
      () => send({ clientId: t.siteId, events: [screenView()] }, { origin: 'https://evil.example.org' }),
      403,
      'ORIGIN_NOT_ALLOWED',
    ],
    [
      'a look-alike origin',
      () => send({ clientId: t.siteId, events: [screenView()] }, { origin: 'https://notexample.com' }),
      403,
      'ORIGIN_NOT_ALLOWED',
    ],
    [
      'no origin',
      () => send({ clientId: t.siteId, events: [screenView()] }, { origin: null }),
      403,
      'ORIGIN_NOT_ALLOWED',
    ],
    [
      'a form body',
      () => send('a=1', { contentType: 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over 512 KB',
      () => send({ clientId: t.siteId, events: [{ ...screenView(), title: 'x'.repeat(600_000) }] }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'more rows than the buffer holds',
      () => send({ clientId: t.siteId, events: Array.from({ length: 80 }, screenView) }),
      503,
      'OVERLOADED',
    ],
  ])('%s', async (_, request, status, code) => {
    const before = await count();
    const response = await request();
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('refuses a chunked body past the limit while it streams, with 413', async () => {
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${t.url}/v1/batch`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 12; i++) req.write('x'.repeat(50_000));
      req.end();
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('accepts subdomains and allowlisted origins', async () => {
    expect(
      (await send({ clientId: t.siteId, events: [screenView()] }, { origin: 'https://blog.example.com' })).status,
    ).toBe(200);
    await t.prisma.website.update({
      where: { id: t.siteId },
      data: { settings: { allowedOrigins: ['example-preview.dev'] } },
    });
    await t.ingest.context.websites.invalidateChanged();
    expect(
      (await send({ clientId: t.siteId, events: [screenView()] }, { origin: 'https://pr-1.example-preview.dev' }))
        .status,
    ).toBe(200);
  });

  it('refuses archived websites', async () => {
    const archived = await t.prisma.website.create({
      data: { domain: 'old.example.com', organizationId: t.organizationId, status: 'ARCHIVED' },
    });
    const response = await send(
      { clientId: archived.id, events: [screenView()] },
      { origin: 'https://old.example.com' },
    );
    expect(response.body.error.code).toBe('INVALID_CLIENT');
  });

  it('rate-limits an address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 41; i++) {
      const response = await send({ clientId: t.siteId, events: [screenView()] }, { ip: '203.0.113.7' });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect((await send({ clientId: t.siteId, events: [screenView()] }, { ip: '203.0.113.8' })).status).toBe(200);
  });
});

it('answers a request target that is not a URL with 400 and keeps serving', async () => {
  const { port } = new URL(t.url);
  const head = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET //[ HTTP/1.1\r\nHost: x\r\n\r\n'));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  expect(head).toMatch(/^HTTP\/1\.1 400 /);
  expect(head).toContain('"code":"INVALID_URL"');
  expect((await fetch(`${t.url}/health`)).status).toBe(200);
});

describe('GET /v1/px.gif', () => {
  it('records a page view for visitors without JavaScript, with a derived daily visitor id', async () => {
    const pixel = (ip: string) =>
      fetch(`${t.url}/v1/px.gif?clientId=${t.siteId}&title=No%20JS`, {
        headers: {
          referer: 'https://example.com/docs/start?utm_source=x',
          'user-agent': CHROME_DESKTOP,
          'x-forwarded-for': ip,
        },
      });
    const response = await pixel(GEO.linkoping);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect((await response.arrayBuffer()).byteLength).toBe(42);
    await pixel(GEO.linkoping);
    await pixel(GEO.london);
    const rows = await t.rows<{ path: string; city: string; visitors: number; views: number }>(
      sql`SELECT path, any(utm_source) AS utm, uniqExact(anonymous_id) AS visitors, count() AS views, any(city) AS city
        FROM analytics.events WHERE title = 'No JS' GROUP BY path`,
    );
    expect(rows).toEqual([{ path: '/docs/start', utm: 'x', visitors: 2, views: 3, city: 'Linköping' }]);
  });

  it('refuses a pixel from another site', async () => {
    const response = await fetch(`${t.url}/v1/px.gif?clientId=${t.siteId}`, {
      headers: { referer: 'https://elsewhere.net/', 'user-agent': CHROME_DESKTOP },
    });
    expect(response.status).toBe(403);
  });
});
