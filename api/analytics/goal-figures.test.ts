import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { createLogger } from '../../runtime/log.ts';
import { createApi } from '../server.ts';
import { GROUP_LIMITS } from './groups.ts';
import { type GraphQLBody, graphqlOver } from './test-support.ts';

/**
 * Conversion rate and revenue per goal in the goals family, the summary, breakdowns and groups,
 * exact: visits go through the real ingest, payments through the signed Stripe webhook, and every
 * figure is checked against a plain TypeScript computation over what was sent.
 */

let seed = 11;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

const PEOPLE = [
  { ip: GEO.london, ua: CHROME_DESKTOP, country: 'GB', device: 'desktop' },
  { ip: GEO.linkoping, ua: IPHONE_SAFARI, country: 'SE', device: 'mobile' },
  { ip: GEO.tokyoV6, ua: CHROME_DESKTOP, country: 'JP', device: 'desktop' },
];
const SOURCES = [
  { source: 'google.com', referrer: 'https://www.google.com/', query: '' },
  { source: 'newsletter', referrer: '', query: '?utm_source=newsletter' },
  { source: 'direct', referrer: '', query: '' },
];
const PAGES = ['/', '/pricing', '/docs'];

interface Visit {
  visitor: string;
  source: string;
  country: string;
  device: string;
  entry: string;
  /** Days after the range's start the visit started. */
  day: number;
  pages: string[];
  purchased: boolean;
}
interface Payment {
  visitor: string | null;
  currency: string;
  /** Kept after refunds, in major units. */
  amount: number;
}

const DAY = 86_400_000;
const dayStart = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const range = `{ from: "${new Date(dayStart).toISOString()}", to: "${new Date(dayStart + 3 * DAY).toISOString()}" }`;
const visits: Visit[] = [];
const payments: Payment[] = [];
const goals: Record<'purchase' | 'pricing' | 'otherSite' | 'otherOrg' | 'deleted', string> = {
  purchase: '',
  pricing: '',
  otherSite: '',
  otherOrg: '',
  deleted: '',
};
let t: TestIngest;
let graphql: (query: string) => Promise<GraphQLBody>;

const STRIPE_SECRET = 'whsec_goal_figures';
async function stripe(event: object) {
  const body = JSON.stringify(event);
  const at = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', STRIPE_SECRET).update(`${at}.${body}`).digest('hex');
  const response = await fetch(`${t.url}/v1/webhooks/stripe?websiteId=${t.siteId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=${at},v1=${signature}` },
    body,
  });
  expect(response.status).toBe(200);
}
/** A Stripe checkout of `cents` by `visitor` (none: a payment that names no visitor), `hours` into the range. */
const checkout = (id: string, visitor: string | null, cents: number, currency: string, hours: number) =>
  stripe({
    id: `evt_${id}`,
    type: 'checkout.session.completed',
    created: Math.floor((dayStart + hours * 3_600_000) / 1000),
    data: {
      object: {
        id: `cs_${id}`,
        payment_intent: `pi_${id}`,
        amount_total: cents,
        currency,
        mode: 'payment',
        metadata: visitor ? { anonymous_id: visitor } : {},
      },
    },
  });

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  for (let v = 0; v < 36; v++) {
    const visitor = `visitor-${v}`;
    const person = pick(PEOPLE);
    for (let s = 0; s < 1 + Math.floor(random() * 2); s++) {
      const from = pick(SOURCES);
      const day = Math.floor(random() * 3);
      const start = dayStart + day * DAY + Math.floor(random() * 20) * 3_600_000 + s * 60_000;
      const pages = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PAGES));
      const visit: Visit = {
        visitor,
        source: from.source,
        country: person.country,
        device: person.device,
        entry: pages[0] as string,
        day,
        pages,
        purchased: random() < 0.35,
      };
      visits.push(visit);
      const session = `${visitor}-s${s}`;
      const events = pages.map((path, p) => ({
        eventId: randomUUID(),
        type: 'screen_view',
        anonymousId: visitor,
        sessionId: session,
        timestamp: start + p * 60_000,
        url: `https://example.com${path}${p === 0 ? from.query : ''}`,
        ...(p === 0 && from.referrer ? { referrer: from.referrer } : {}),
      }));
      if (visit.purchased) {
        events.push({
          eventId: randomUUID(),
          type: 'custom',
          name: 'purchase',
          anonymousId: visitor,
          sessionId: session,
          timestamp: start + pages.length * 60_000,
          url: `https://example.com${pages.at(-1)}`,
        } as (typeof events)[number]);
      }
      const response = await fetch(`${t.url}/v1/batch`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://example.com',
          'user-agent': person.ua,
          'x-forwarded-for': person.ip,
        },
        body: JSON.stringify({ clientId: t.siteId, events }),
      });
      expect(response.status).toBe(200);
    }
  }
  await t.ingest.context.writer.flush();

  await t.prisma.website.update({
    where: { id: t.siteId },
    data: { integrations: { stripe: { webhookSecret: STRIPE_SECRET } } },
  });
  await t.ingest.context.websites.invalidateChanged();
  // Payments: by buyers (some twice, in two currencies), by a visitor who bought nothing on the
  // site, by nobody known, one refunded in part (the refund replaces the sale), one outside the range.
  const buyers = [...new Set(visits.filter((v) => v.purchased).map((v) => v.visitor))];
  const browser = visits.find((v) => !buyers.includes(v.visitor))?.visitor as string;
  let n = 0;
  const pay = async (visitor: string | null, cents: number, currency: string, hours = 50) => {
    await checkout(`p${n++}`, visitor, cents, currency, hours);
    payments.push({ visitor, currency: currency.toUpperCase(), amount: cents / 100 });
  };
  for (const [i, buyer] of buyers.entries()) await pay(buyer, 1000 + i * 250, i % 3 === 2 ? 'eur' : 'usd');
  await pay(buyers[0] as string, 4999, 'eur');
  await pay(browser, 700, 'usd');
  await pay(null, 12_345, 'usd');
  await checkout('late', buyers[1] as string, 99_999, 'usd', 80); // after the range ends
  await stripe({
    id: 'evt_refund',
    type: 'charge.refunded',
    created: Math.floor((dayStart + 60 * 3_600_000) / 1000),
    data: {
      object: {
        id: 'ch_refund',
        payment_intent: 'pi_p0',
        amount: 1000,
        amount_refunded: 400,
        currency: 'usd',
        metadata: { anonymous_id: buyers[0] },
      },
    },
  });
  (payments[0] as Payment).amount = 6;
  await t.ingest.context.writer.flush();

  const goal = async (websiteId: string, name: string, type: 'EVENT' | 'PAGE_VIEW', target: string) =>
    (await t.prisma.goal.create({ data: { websiteId, name, type, target } })).id;
  goals.purchase = await goal(t.siteId, 'Purchase', 'EVENT', 'purchase');
  goals.pricing = await goal(t.siteId, 'Pricing', 'PAGE_VIEW', '/pricing');
  goals.deleted = await goal(t.siteId, 'Gone', 'PAGE_VIEW', '/docs');
  await t.prisma.goal.update({ where: { id: goals.deleted }, data: { deletedAt: new Date() } });
  const sibling = await t.prisma.website.create({
    data: { domain: 'sibling.example.com', organizationId: t.organizationId },
  });
  goals.otherSite = await goal(sibling.id, 'Sibling', 'PAGE_VIEW', '/');
  const org = await t.prisma.organization.create({ data: { name: 'Elsewhere' } });
  const foreign = await t.prisma.website.create({ data: { domain: 'elsewhere.example', organizationId: org.id } });
  goals.otherOrg = await goal(foreign.id, 'Foreign', 'PAGE_VIEW', '/');
}, 120_000);
afterAll(() => t.close());

const analytics = async (selection: string) => {
  const body = await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${range}) { ${selection} } } }`);
  expect(body.errors).toBeUndefined();
  return body.data.website.analytics;
};
const errorOf = async (selection: string) => {
  const body = await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${range}) { ${selection} } } }`);
  return body.errors?.map((e) => e.extensions.code).join();
};

/** The expected figures of a set of visits for what converts: computed from what was sent. */
function expected(list: Visit[], converts: (v: Visit) => boolean) {
  const visitors = new Set(list.map((v) => v.visitor));
  const converting = new Set(list.filter(converts).map((v) => v.visitor));
  const revenue = new Map<string, number>();
  for (const p of payments) {
    if (p.visitor && converting.has(p.visitor)) revenue.set(p.currency, (revenue.get(p.currency) ?? 0) + p.amount);
  }
  return {
    conversions: converting.size,
    conversionRate: visitors.size ? converting.size / visitors.size : null,
    revenue: [...revenue]
      .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }))
      .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency)),
  };
}
const purchased = (v: Visit) => v.purchased;
const viewedPricing = (v: Visit) => v.pages.includes('/pricing');
const rounded = (revenue: { currency: string; amount: number }[]) =>
  revenue.map((r) => ({ ...r, amount: Math.round(r.amount * 100) / 100 }));
const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

describe('goal figures', () => {
  it('seeds what the tests need: buyers in two currencies, a refund, several sources', () => {
    expect(new Set(payments.map((p) => p.currency))).toEqual(new Set(['USD', 'EUR']));
    expect(new Set(visits.map((v) => v.source)).size).toBe(3);
    expect(visits.filter(purchased).length).toBeGreaterThan(5);
  });

  it('the goals family: visitors, conversions, rate and revenue per currency of each goal', async () => {
    const { goals: rows } = await analytics(
      'goals { goalId name visitors conversions rate revenue { currency amount } }',
    );
    const visitors = new Set(visits.map((v) => v.visitor)).size;
    expect(
      rows.map((r: { revenue: { currency: string; amount: number }[] }) => ({ ...r, revenue: rounded(r.revenue) })),
    ).toEqual(
      [
        [goals.purchase, 'Purchase', purchased],
        [goals.pricing, 'Pricing', viewedPricing],
      ].map(([goalId, name, converts]) => {
        const e = expected(visits, converts as (v: Visit) => boolean);
        return { goalId, name, visitors, conversions: e.conversions, rate: e.conversionRate, revenue: e.revenue };
      }),
    );
    // Revenue is never added across currencies; the payment naming nobody and the one after the range count nowhere.
    const purchase = rows[0].revenue as { currency: string; amount: number }[];
    expect(purchase.map((r) => r.currency).sort()).toEqual(['EUR', 'USD']);
  });

  it('goals.csv (csv(table: GOALS)): the family’s rows, revenue as `CUR amount` pairs largest first', async () => {
    const { csv } = await analytics('csv(table: GOALS)');
    const [header, ...lines] = (csv as string).trimEnd().split('\r\n');
    expect(header).toBe('goalId,name,visitors,conversions,rate,revenue');
    const byId = new Map(lines.map((line) => [line.split(',')[0], line.split(',')]));
    for (const [goalId, converts] of [
      [goals.purchase, purchased],
      [goals.pricing, viewedPricing],
    ] as const) {
      const cells = byId.get(goalId) as string[];
      const e = expected(visits, converts);
      expect(Number(cells[3])).toBe(e.conversions);
      const pairs = (cells[5] ?? '')
        .split('; ')
        .filter(Boolean)
        .map((pair) => pair.split(' '));
      expect(pairs.map(([currency, amount]) => ({ currency, amount: Math.round(Number(amount) * 100) / 100 }))).toEqual(
        e.revenue,
      );
    }
    expect((byId.get(goals.purchase) as string[])[5]).toMatch(/^[A-Z]{3} [\d.]+; [A-Z]{3} [\d.]+$/);
  });

  it('summary: a goal’s conversions, rate and revenue, and any enabled goal without `goal`', async () => {
    const one = await analytics(
      `summary(goal: "${goals.purchase}") { current { visitors conversions conversionRate revenue { currency amount } } }`,
    );
    const e = expected(visits, purchased);
    expect({ ...one.summary.current, revenue: rounded(one.summary.current.revenue) }).toEqual({
      visitors: new Set(visits.map((v) => v.visitor)).size,
      ...e,
    });
    const any = await analytics('summary { current { conversions conversionRate revenue { currency amount } } }');
    const either = expected(visits, (v) => purchased(v) || viewedPricing(v));
    expect({ ...any.summary.current, revenue: rounded(any.summary.current.revenue) }).toEqual(either);
  });

  it('breakdown by source: conversions, conversion rate and revenue per row', async () => {
    const { breakdown } = await analytics(
      `breakdown(dimension: SOURCE, goal: "${goals.purchase}", first: 10) { value visitors conversions conversionRate revenue { currency amount } }`,
    );
    const bySource = groupBy(visits, (v) => v.source);
    expect(breakdown).toHaveLength(bySource.size);
    for (const row of breakdown) {
      const list = bySource.get(row.value) as Visit[];
      expect({ ...row, revenue: rounded(row.revenue) }).toEqual({
        value: row.value,
        visitors: new Set(list.map((v) => v.visitor)).size,
        ...expected(list, purchased),
      });
    }
  });

  it('comparisons: a breakdown row’s comparison row and the summary’s previous range carry their own goal figures', async () => {
    const body = await graphql(`{ website(id: "${t.siteId}") {
      analytics(range: ${range}, compare: { period: CUSTOM, range: ${range} }) {
        breakdown(dimension: COUNTRY, goal: "${goals.purchase}") { value conversions conversionRate comparison { value conversions conversionRate } }
        summary(goal: "${goals.purchase}") { current { conversionRate } previous { conversionRate } conversionRateChange }
        before: comparison { summary(goal: "${goals.purchase}") { current { conversions } } }
      } } }`);
    expect(body.errors).toBeUndefined();
    const { breakdown, summary, before } = body.data.website.analytics;
    expect(breakdown.some((row: { conversions: number }) => row.conversions > 0)).toBe(true);
    for (const { comparison, ...row } of breakdown) expect(comparison).toEqual(row);
    expect(summary.previous.conversionRate).toBe(expected(visits, purchased).conversionRate);
    expect(summary.conversionRateChange).toBe(0);
    expect(before.summary.current.conversions).toBe(expected(visits, purchased).conversions);
  });

  it('groups under compare: each group’s comparison carries its own goal figures, and their change', async () => {
    const select = `groups(limit: 100) {
      dimensions { country }
      metrics { conversions(goal: "${goals.purchase}") usd: revenue(goal: "${goals.purchase}", currency: "USD") }
      comparison { conversions(goal: "${goals.purchase}") usd: revenue(goal: "${goals.purchase}", currency: "USD") }
      change { visitors }
    }`;
    const same = await graphql(`{ website(id: "${t.siteId}") {
      analytics(range: ${range}, compare: { period: CUSTOM, range: ${range} }) { ${select} } } }`);
    expect(same.errors).toBeUndefined();
    const byCountry = groupBy(visits, (v) => v.country);
    const groups = same.data.website.analytics.groups;
    expect(groups).toHaveLength(byCountry.size);
    for (const { dimensions, metrics, comparison, change } of groups) {
      const e = expected(byCountry.get(dimensions.country) as Visit[], purchased);
      expect(metrics.conversions).toBe(e.conversions);
      expect(comparison).toEqual(metrics);
      expect(change.visitors).toBe(0);
    }
    // Against the first day only: each group's comparison counts that day's visits.
    const firstDay = `{ from: "${new Date(dayStart).toISOString()}", to: "${new Date(dayStart + DAY).toISOString()}" }`;
    const day = await graphql(`{ website(id: "${t.siteId}") {
      analytics(range: ${range}, compare: { period: CUSTOM, range: ${firstDay} }) { ${select} } } }`);
    expect(day.errors).toBeUndefined();
    const dayOne = groupBy(
      visits.filter((v) => v.day === 0),
      (v) => v.country,
    );
    expect([...dayOne.values()].some((list) => expected(list, purchased).conversions > 0)).toBe(true);
    for (const { dimensions, comparison } of day.data.website.analytics.groups) {
      const list = dayOne.get(dimensions.country);
      expect(comparison?.conversions ?? null).toBe(list ? expected(list, purchased).conversions : null);
    }
    // The period before the seeded days had no visits: no group has a comparison.
    const before = await analytics(select);
    expect(before.groups.some((g: { metrics: { conversions: number } }) => g.metrics.conversions > 0)).toBe(true);
    for (const group of before.groups) expect(group.comparison).toBeNull();
  });

  it('breakdown by page: of the visits entering on it (as bounce rate)', async () => {
    const { breakdown } = await analytics(
      `breakdown(dimension: PATH, goal: "${goals.pricing}", first: 10) { value conversions conversionRate }`,
    );
    const byEntry = groupBy(visits, (v) => v.entry);
    expect(breakdown.length).toBeGreaterThan(1);
    for (const row of breakdown) {
      const e = expected(byEntry.get(row.value) as Visit[], viewedPricing);
      expect(row).toEqual({ value: row.value, conversions: e.conversions, conversionRate: e.conversionRate });
    }
  });

  it('groups by country × device: conversions, rate and revenue in one currency, for two goals by alias', async () => {
    const { groups } = await analytics(`groups(limit: 100) {
      dimensions { country device }
      metrics { visitors conversions(goal: "${goals.purchase}") conversionRate(goal: "${goals.purchase}")
        usd: revenue(goal: "${goals.purchase}", currency: "usd") eur: revenue(goal: "${goals.purchase}", currency: "EUR")
        pricing: conversions(goal: "${goals.pricing}") anyGoal: conversions }
    }`);
    const byPair = groupBy(visits, (v) => `${v.country}|${v.device}`);
    expect(groups).toHaveLength(byPair.size);
    for (const { dimensions, metrics } of groups) {
      const list = byPair.get(`${dimensions.country}|${dimensions.device}`) as Visit[];
      const e = expected(list, purchased);
      const amount = (currency: string) => e.revenue.find((r) => r.currency === currency)?.amount ?? 0;
      expect({
        ...metrics,
        usd: Math.round(metrics.usd * 100) / 100,
        eur: Math.round(metrics.eur * 100) / 100,
      }).toEqual({
        visitors: new Set(list.map((v) => v.visitor)).size,
        conversions: e.conversions,
        conversionRate: e.conversionRate,
        usd: amount('USD'),
        eur: amount('EUR'),
        pricing: expected(list, viewedPricing).conversions,
        anyGoal: expected(list, (v) => purchased(v) || viewedPricing(v)).conversions,
      });
    }
  });

  it('groupsCsv: its goal columns are the groups field’s figures for the same query, comparison included', async () => {
    const P = goals.purchase;
    const select = `groups(limit: 100) {
      dimensions { country device }
      metrics { visitors conversions(goal: "${P}") conversionRate(goal: "${P}") usd: revenue(goal: "${P}", currency: "USD")
        pricing: conversionRate(goal: "${goals.pricing}") anyGoal: conversions }
      comparison { conversions(goal: "${P}") }
    }
    groupsCsv(first: 100, query: {
      dimensions: [{ field: country }, { field: device }], metrics: [visitors], compare: true,
      goals: [{ goal: "${P}", metrics: [CONVERSIONS, CONVERSION_RATE, REVENUE, CONVERSIONS], currency: "usd" },
        { goal: "${goals.pricing}", metrics: [CONVERSION_RATE] }, { metrics: [CONVERSIONS] }]
    })`;
    const body = await graphql(`{ website(id: "${t.siteId}") {
      analytics(range: ${range}, compare: { period: CUSTOM, range: ${range} }) { ${select} } } }`);
    expect(body.errors).toBeUndefined();
    const { groups, groupsCsv } = body.data.website.analytics;
    const [header, ...lines] = groupsCsv.split('\r\n');
    const goalColumns = [`conversions:${P}`, `conversionRate:${P}`, `revenue:${P}:USD`];
    expect(header).toBe(
      [
        'country,device,visitors',
        ...goalColumns,
        `conversionRate:${goals.pricing}`,
        'conversions:*',
        'comparison.visitors,change.visitors',
        ...goalColumns.map((c) => `comparison.${c}`),
        `comparison.conversionRate:${goals.pricing}`,
        'comparison.conversions:*',
      ].join(','),
    );
    const byPair = groupBy(visits, (v) => `${v.country}|${v.device}`);
    expect(groups).toHaveLength(byPair.size);
    const cell = (v: number | null | undefined) => (v == null ? '' : String(v));
    // The comparison range is the range itself: every comparison column repeats its figure, change is 0.
    expect(lines).toEqual([
      ...groups.map(
        ({ dimensions, metrics }: { dimensions: Record<string, string>; metrics: Record<string, number> }) => {
          const figures = [metrics.conversions, metrics.conversionRate, metrics.usd, metrics.pricing, metrics.anyGoal];
          return [dimensions.country, dimensions.device, metrics.visitors, ...figures.map(cell)]
            .concat([metrics.visitors, 0, ...figures.map(cell)])
            .join(',');
        },
      ),
      '',
    ]);
    // And the groups field's figures are the known answers (as in the test above).
    for (const { dimensions, metrics, comparison } of groups) {
      const list = byPair.get(`${dimensions.country}|${dimensions.device}`) as Visit[];
      expect([metrics.conversions, comparison.conversions]).toEqual(
        Array(2).fill(expected(list, purchased).conversions),
      );
      expect(metrics.anyGoal).toBe(expected(list, (v) => purchased(v) || viewedPricing(v)).conversions);
    }
    expect(lines.some((line: string) => Number(line.split(',')[5]) > 0)).toBe(true);
  });

  it('groupsCsv refuses goal figures as the groups field does, with typed errors', async () => {
    const csvError = async (goalsInput: string, dimensions = '[]') =>
      errorOf(`groupsCsv(query: { dimensions: ${dimensions}, goals: ${goalsInput} })`);
    for (const id of [goals.otherSite, goals.otherOrg, goals.deleted, 'no-such-goal']) {
      expect(await csvError(`[{ goal: "${id}", metrics: [CONVERSIONS] }]`)).toBe('NOT_FOUND');
    }
    expect(await csvError(`[{ goal: "${goals.purchase}", metrics: [REVENUE] }]`)).toBe('BAD_USER_INPUT');
    expect(await csvError(`[{ goal: "${goals.purchase}", metrics: [REVENUE], currency: "US$" }]`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await csvError(`[{ goal: "${goals.purchase}", metrics: [CONVERSIONS] }]`, '[{ field: outgoingLink }]')).toBe(
      'UNSUPPORTED_GROUPING',
    );
    const tooMany = Array.from(
      { length: GROUP_LIMITS.goals + 1 },
      (_, i) => `{ goal: "goal-${i}", metrics: [CONVERSIONS] }`,
    );
    expect(await csvError(`[${tooMany.join(', ')}]`)).toBe('BAD_USER_INPUT');
    // At the limit, the goals are looked up (and these are unknown).
    expect(await csvError(`[${tooMany.slice(1).join(', ')}]`)).toBe('NOT_FOUND');
  });

  it('groups by day: each visit converts in the bucket it started in, every day answered', async () => {
    const { groups } = await analytics(`groups {
      dimensions { day }
      metrics { visitors conversions(goal: "${goals.purchase}") conversionRate(goal: "${goals.purchase}") }
    }`);
    expect(groups).toEqual(
      [0, 1, 2].map((day) => {
        const list = visits.filter((v) => v.day === day);
        const e = expected(list, purchased);
        return {
          dimensions: { day: new Date(dayStart + day * DAY).toISOString() },
          metrics: {
            visitors: new Set(list.map((v) => v.visitor)).size,
            conversions: e.conversions,
            conversionRate: e.conversionRate,
          },
        };
      }),
    );
  });

  it('refuses goal figures that cannot be computed or are malformed, with typed errors', async () => {
    expect(
      await errorOf(`groups { dimensions { outgoingLink } metrics { conversions(goal: "${goals.purchase}") } }`),
    ).toBe('UNSUPPORTED_GROUPING');
    expect(
      await errorOf(`breakdown(dimension: OUTGOING_LINK, goal: "${goals.purchase}") { value conversionRate }`),
    ).toBe('UNSUPPORTED_GROUPING');
    expect(await errorOf(`groups { metrics { revenue(goal: "${goals.purchase}", currency: "US$") } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await errorOf('summary(goal: "W\\u0000") { current { conversions } }')).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: GROUP_LIMITS.goals + 1 }, (_, i) => `g${i}: conversions(goal: "goal-${i}")`).join(
      ' ',
    );
    expect(await errorOf(`groups { metrics { ${many} } }`)).toBe('BAD_USER_INPUT');
  });

  it('a goal of another website, another organization, or deleted is NOT_FOUND everywhere, with nothing leaked', async () => {
    for (const id of [goals.otherSite, goals.otherOrg, goals.deleted, 'no-such-goal']) {
      for (const selection of [
        `summary(goal: "${id}") { current { conversions } }`,
        `summary(goal: "${id}") { current { visitors } }`,
        `breakdown(dimension: SOURCE, goal: "${id}") { value conversions }`,
        `groups { dimensions { country } metrics { conversionRate(goal: "${id}") } }`,
      ]) {
        const body = await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${range}) { ${selection} } } }`);
        expect(body.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
        expect(JSON.stringify(body)).not.toMatch(/Sibling|Foreign|Gone/);
      }
    }
  });

  it('the client operation runs with the goal and currency as variables, or without a goal', async () => {
    const api = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
      pointBudget: { max: 100_000_000, windowMs: 60_000 },
    });
    const document = readFileSync(new URL('../../client/operations/goals.graphql', import.meta.url), 'utf8');
    const run = async (variables: Record<string, unknown>) =>
      (await (
        await api.fetch('http://api.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
          body: JSON.stringify({ query: document, variables }),
        })
      ).json()) as GraphQLBody;
    const dates = { from: new Date(dayStart).toISOString(), to: new Date(dayStart + 3 * DAY).toISOString() };
    const one = await run({ id: t.siteId, range: dates, goal: goals.purchase, currency: 'EUR' });
    expect(one.errors).toBeUndefined();
    const e = expected(visits, purchased);
    expect(one.data.website.analytics.summary.current.conversions).toBe(e.conversions);
    const eur = one.data.website.analytics.byCountryDevice.reduce(
      (sum: number, g: { metrics: { revenue: number } }) => sum + g.metrics.revenue,
      0,
    );
    // Each converting visitor is in one country × device: the groups add up to the total.
    expect(Math.round(eur * 100) / 100).toBe(e.revenue.find((r) => r.currency === 'EUR')?.amount);
    const any = await run({ id: t.siteId, range: dates, currency: 'USD' });
    expect(any.errors).toBeUndefined();
    expect(any.data.website.analytics.summary.current.conversions).toBe(
      expected(visits, (v) => purchased(v) || viewedPricing(v)).conversions,
    );
  });

  it('the README example runs', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example =
      readme
        .slice(readme.indexOf('**Conversion rate and revenue per goal.**'))
        .match(/```graphql\n([\s\S]*?)```/)?.[1] ?? '';
    const query = example.replace('"…"', `"${t.siteId}"`).replaceAll('"…"', `"${goals.purchase}"`);
    const body = await graphql(query);
    expect(body.errors).toBeUndefined();
    expect(body.data.website.analytics.summary.current.conversions).toBe(expected(visits, purchased).conversions);
  });
});
