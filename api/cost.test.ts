import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POINT_BUDGET } from '../prisma/api-key-access.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { PERSON_POINT_BUDGET } from './cost.ts';
import {
  createPerson,
  createTenant,
  type GraphQLResponse,
  sessionHeaders,
  signIn,
  startTestApi,
  type Tenant,
  type TestApi,
} from './test-support.ts';

const cost = (response: GraphQLResponse) =>
  (response.body as { extensions?: { cost?: Record<string, number> } }).extensions?.cost;

describe.each(postgresTargets)('complexity points per caller on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  let now = 1_000_000;
  beforeAll(async () => {
    t = await startTestApi(target, { pointBudget: { max: 10, windowMs: 60_000 }, now: () => now });
    tenant = await createTenant(t.prisma, 'points');
  });
  afterAll(() => t?.close());

  it('charges each request its complexity, refuses one that does not fit with 429, and restores at the reset', async () => {
    // `me { id organization { id } }`: one point per field, 4 points.
    const query = '{ me { id organization { id } } }';
    const first = await t.graphql(query, { key: tenant.adminKey });
    expect(first.body.errors).toBeUndefined();
    expect(cost(first)).toEqual({
      requested: 4,
      actual: 4,
      limit: 10,
      remaining: 6,
      restoreRate: 0.17,
      resetSeconds: 60,
    });
    expect(first.headers.get('x-ratelimit-limit')).toBe('10');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('6');
    expect(first.headers.get('x-ratelimit-reset')).toBe('60');

    const second = await t.graphql(query, { key: tenant.adminKey });
    expect(cost(second)).toMatchObject({ requested: 4, remaining: 2 });

    now += 30_000;
    const refused = await t.graphql(query, { key: tenant.adminKey });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.data).toBeUndefined();
    expect(cost(refused)).toMatchObject({ requested: 4, actual: 0, remaining: 2 });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(refused.headers.get('x-ratelimit-reset')).toBe('30');
    expect(refused.headers.get('retry-after')).toBe('30');

    // A cheaper request still fits the points left.
    const cheap = await t.graphql('{ me { id } }', { key: tenant.adminKey });
    expect(cost(cheap)).toMatchObject({ requested: 2, remaining: 0 });

    now += 30_000;
    const restored = await t.graphql(query, { key: tenant.adminKey });
    expect(restored.body.errors).toBeUndefined();
    expect(cost(restored)).toMatchObject({ requested: 4, remaining: 6 });
  });

  it('keeps a budget per caller: another key starts whole', async () => {
    const other = await createTenant(t.prisma, 'points-other');
    const response = await t.graphql('{ me { id } }', { key: other.adminKey });
    expect(cost(response)).toMatchObject({ requested: 2, remaining: 8 });
  });

  it('gives a signed-in user one budget across their sessions, and anonymous requests none', async () => {
    await createPerson(t.prisma, tenant.organizationId, 'pat@points.test', 'correct horse battery');
    const first = sessionHeaders(await signIn(t, 'pat@points.test', 'correct horse battery'));
    const second = sessionHeaders(await signIn(t, 'pat@points.test', 'correct horse battery'));
    const query = '{ organization { id } }';
    expect(cost(await t.graphql(query, { headers: first }))).toMatchObject({ requested: 2, remaining: 8 });
    expect(cost(await t.graphql(query, { headers: second }))).toMatchObject({ requested: 2, remaining: 6 });
    const anonymous = await t.graphql('{ version }');
    expect(cost(anonymous)).toBeUndefined();
    expect(anonymous.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe.each(postgresTargets)('the default budgets on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  beforeAll(async () => {
    t = await startTestApi(target);
    tenant = await createTenant(t.prisma, 'budgets');
  });
  afterAll(() => t?.close());

  it('gives an API key DEFAULT_POINT_BUDGET and a signed-in person PERSON_POINT_BUDGET a minute', async () => {
    const query = '{ organization { id } }';
    const key = await t.graphql(query, { key: tenant.adminKey });
    expect(cost(key)).toMatchObject({ limit: DEFAULT_POINT_BUDGET.max, remaining: DEFAULT_POINT_BUDGET.max - 2 });
    await createPerson(t.prisma, tenant.organizationId, 'ada@budgets.test', 'correct horse battery');
    const session = sessionHeaders(await signIn(t, 'ada@budgets.test', 'correct horse battery'));
    const person = await t.graphql(query, { headers: session });
    expect(cost(person)).toMatchObject({ limit: PERSON_POINT_BUDGET.max, remaining: PERSON_POINT_BUDGET.max - 2 });
    expect(person.headers.get('x-ratelimit-limit')).toBe(String(PERSON_POINT_BUDGET.max));
    expect(PERSON_POINT_BUDGET.windowMs).toBe(DEFAULT_POINT_BUDGET.windowMs);
  });
});

describe.each(postgresTargets)('what a CSV costs on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  beforeAll(async () => {
    t = await startTestApi(target, { pointBudget: { max: 1, windowMs: 60_000 } });
    tenant = await createTenant(t.prisma, 'csv-points');
  });
  afterAll(() => t?.close());

  it('charges a CSV 10 points a column, and a compared groups CSV twice that', async () => {
    const requested = async (field: string) => {
      const response = await t.graphql(
        `{ website(id: "${tenant.websiteId}") { analytics(range: { preset: LAST_7_DAYS }) { ${field} } } }`,
        { key: tenant.adminKey },
      );
      // Refused before it runs (a budget of 1 point), with what it would have cost.
      expect(response.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      return cost(response)?.requested as number;
    };
    // What surrounds the field: the same request with only __typename (1 point) inside.
    const base = (await requested('__typename')) - 1;
    // pages.csv has 8 columns, goals.csv 6.
    expect(await requested('csv(table: PAGES)')).toBe(base + 80);
    expect(await requested('csv(table: GOALS)')).toBe(base + 60);
    const groups = '{ dimensions: [{ field: country }, { field: device }], metrics: [visitors]';
    expect(await requested(`groupsCsv(query: ${groups} })`)).toBe(base + 30);
    expect(await requested(`groupsCsv(query: ${groups}, compare: true })`)).toBe(base + 60);
  });
});
