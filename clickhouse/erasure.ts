import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from './client.ts';
import { assertClusterName, localName } from './cluster.ts';
import { runQuery } from './query.ts';
import { compile, type Sql, sql } from './sql.ts';

/**
 * Erasure from ClickHouse: everything of one website, or one visitor of a website (GDPR), by
 * lightweight DELETE (rows vanish from reads at once, and from disk as parts merge). The tables
 * are listed here, and erasure.test.ts checks the list against the live schema, so a table added
 * later cannot be forgotten. On a cluster (CLICKHOUSE_CLUSTER) a DELETE cannot go through a
 * Distributed table: it runs ON CLUSTER on the `_local` tables of every node, and rollups are
 * rebuilt by reading the Distributed tables (every shard) into the Distributed target.
 */

/** Every table holding a website's rows, with the column that names the website. */
export const WEBSITE_TABLES = {
  'analytics.events': 'client_id',
  'analytics.visits': 'client_id',
  'analytics.daily_pageviews': 'client_id',
  'analytics.error_spans': 'client_id',
  'analytics.error_hourly': 'client_id',
  'analytics.web_vitals': 'client_id',
  'analytics.custom_events': 'website_id',
  'analytics.link_clicks': 'website_id',
  'analytics.revenue': 'website_id',
  'uptime.checks': 'website_id',
} as const;
type Table = keyof typeof WEBSITE_TABLES;

/** Tables holding a visitor's rows by anonymous id (a visit's id is fixed by its first event). */
export const VISITOR_TABLES = [
  'analytics.events',
  'analytics.visits',
  'analytics.error_spans',
  'analytics.web_vitals',
  'analytics.custom_events',
  'analytics.revenue',
] as const satisfies Table[];

/**
 * Rollups that count visitors without naming them (uniq states): after a visitor's raw rows are
 * deleted, the rollup rows of the days (hours) the visitor was seen are rebuilt from the raw
 * rows that remain, through the materialized view's own SELECT (read from system.tables, so the
 * migration stays the one definition). `bucket` is the view's grouping of the source's time.
 */
export const ROLLUPS = [
  {
    view: 'daily_pageviews_mv',
    target: 'analytics.daily_pageviews',
    source: 'analytics.events',
    key: 'date',
    bucket: sql`toDate(time)`,
  },
  {
    view: 'error_hourly_mv',
    target: 'analytics.error_hourly',
    source: 'analytics.error_spans',
    key: 'hour',
    bucket: sql`toStartOfHour(timestamp)`,
  },
] as const;

const TABLES = Object.keys(WEBSITE_TABLES) as Table[];
const COLUMNS = ['client_id', 'website_id'] as const;

/** Runs a statement that returns nothing, named and time-limited like every query (see runQuery). */
async function command(client: ClickHouseClient, name: string, statement: Sql): Promise<void> {
  const { query, query_params } = compile(statement);
  await client.command({
    query: `${query}\nSETTINGS max_execution_time = 300`,
    query_params,
    query_id: `${name}_${randomUUID()}`,
  });
}

const table = (name: Table) => sql.identifier(name, TABLES);
const websiteColumn = (name: Table) => sql.identifier(WEBSITE_TABLES[name], COLUMNS);

/** `DELETE FROM <table>` where the table's rows live: itself, or ON CLUSTER its local tables. */
function deleteFrom(name: Table, cluster: string | undefined): Sql {
  if (cluster === undefined) return sql`DELETE FROM ${table(name)}`;
  assertClusterName(cluster);
  return sql`DELETE FROM ${sql.identifier(localName(name), TABLES.map(localName))} ON CLUSTER ${sql.catalog(cluster)}`;
}

/** The statements that delete every row of a website, one per table. */
export function websiteDeletes(websiteId: string, cluster?: string): Sql[] {
  return TABLES.map((name) => sql`${deleteFrom(name, cluster)} WHERE ${websiteColumn(name)} = ${websiteId}`);
}

/** The statements that delete one visitor's rows of a website. */
export function visitorDeletes(websiteId: string, anonymousId: string, cluster?: string): Sql[] {
  return VISITOR_TABLES.map(
    (name) =>
      sql`${deleteFrom(name, cluster)} WHERE ${websiteColumn(name)} = ${websiteId} AND anonymous_id = ${anonymousId}`,
  );
}

/**
 * The statements that rebuild a rollup's rows of some buckets from the raw rows that remain,
 * through the view's own SELECT (`viewSelect`, as system.tables holds it). On a cluster that
 * SELECT reads the node's local table; the rebuild reads the Distributed one, every shard.
 */
export function rollupRebuild(
  rollup: (typeof ROLLUPS)[number],
  viewSelect: string,
  websiteId: string,
  buckets: string[],
  cluster?: string,
): Sql[] {
  const source = cluster === undefined ? viewSelect : viewSelect.replaceAll(localName(rollup.source), rollup.source);
  const inBuckets = sql`client_id = ${websiteId} AND toString(${sql.identifier(rollup.key, [rollup.key])}) IN ${sql.array(buckets, 'String')}`;
  return [
    sql`${deleteFrom(rollup.target, cluster)} WHERE ${inBuckets}`,
    sql`INSERT INTO ${table(rollup.target)} SELECT * FROM (${sql.catalog(source)}) WHERE ${inBuckets}`,
  ];
}

/** Deletes every row of a website from every table that holds one. */
export async function eraseWebsite(client: ClickHouseClient, websiteId: string, cluster?: string): Promise<void> {
  for (const statement of websiteDeletes(websiteId, cluster)) await command(client, 'erase_website', statement);
}

/** Deletes one visitor's rows of a website, then rebuilds the rollup rows that counted them. */
export async function eraseVisitor(
  client: ClickHouseClient,
  websiteId: string,
  anonymousId: string,
  cluster?: string,
): Promise<void> {
  const buckets = await Promise.all(
    ROLLUPS.map(async (rollup) => {
      const rows = await runQuery<{ bucket: string }>(client, {
        name: 'erase_visitor_buckets',
        query: sql`SELECT DISTINCT toString(${rollup.bucket}) AS bucket FROM ${table(rollup.source)}
          WHERE client_id = ${websiteId} AND anonymous_id = ${anonymousId}`,
      });
      return rows.map((row) => row.bucket);
    }),
  );
  for (const statement of visitorDeletes(websiteId, anonymousId, cluster)) {
    await command(client, 'erase_visitor', statement);
  }
  for (const [i, rollup] of ROLLUPS.entries()) {
    const keys = buckets[i] ?? [];
    if (keys.length === 0) continue;
    const [view] = await runQuery<{ as_select: string }>(client, {
      name: 'erase_visitor_view',
      query: sql`SELECT as_select FROM system.tables WHERE database = 'analytics' AND name = ${rollup.view}`,
    });
    if (!view) throw new Error(`Materialized view analytics.${rollup.view} not found`);
    for (const statement of rollupRebuild(rollup, view.as_select, websiteId, keys, cluster)) {
      await command(client, 'erase_visitor_rollup', statement);
    }
  }
}
