import type { TestIngest } from '../../ingest/test-support.ts';
import { createLogger } from '../../runtime/log.ts';
import { createApi } from '../server.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary response shapes
export type GraphQLBody = { data?: any; errors?: { message: string; extensions: { code: string } }[] };

/** GraphQL (through yoga.fetch) over the stores of a test ingest, so data sent to ingest can be read back. */
export function graphqlOver(t: TestIngest): (query: string, key?: string | null) => Promise<GraphQLBody> {
  // These suites send hundreds of analytics queries a minute with one key, far past a caller's
  // point budget; the budget itself is tested in api/cost.test.ts.
  const api = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    pointBudget: { max: 100_000_000, windowMs: 60_000 },
  });
  return async (query, key = t.apiKey) =>
    (
      await api.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query }),
      })
    ).json();
}
