import type { ClickHouseClient } from './client.ts';
import { localName } from './cluster.ts';
import { runQuery } from './query.ts';
import { sql } from './sql.ts';

const DATABASES = ['analytics', 'uptime', 'observability'];

/** Days an interval of ClickHouse's TTL lasts at least (a year is never shorter than 365 days). */
const MIN_DAYS = { Year: 365, Quarter: 89, Month: 28, Week: 7, Day: 1 } as const;
const INTERVAL = /\+ toInterval(Year|Quarter|Month|Week|Day)\((\d+)\)/;

export interface TableRetention {
  /** database.table, as queries name it (a cluster's `<name>_local` under its Distributed name). */
  table: string;
  /** The TTL expression as ClickHouse reports it; null when rows are kept until erased. */
  ttl: string | null;
  /** Days a row is kept at least, from the TTL's interval; null without a TTL (or one that is not `+ INTERVAL`). */
  retentionDays: number | null;
}

/**
 * How long each stored table keeps its rows, read from the tables themselves (system.tables): the
 * migrations' TTLs are the rule, and ClickHouse is what enforces it, so nothing here restates it.
 */
export async function tableRetention(client: ClickHouseClient): Promise<TableRetention[]> {
  const rows = await runQuery<{ database: string; name: string; ttl: string }>(client, {
    name: 'table_retention',
    query: sql`SELECT database, name, extract(engine_full, 'TTL (.*?)(?: SETTINGS |$)') AS ttl
      FROM system.tables
      WHERE database IN ${sql.array(DATABASES, 'String')} AND engine LIKE '%MergeTree' AND name != 'schema_migrations'
      ORDER BY database, name`,
  });
  const local = localName('');
  return rows.map(({ database, name, ttl }) => {
    const interval = INTERVAL.exec(ttl);
    const unit = interval?.[1] as keyof typeof MIN_DAYS | undefined;
    return {
      table: `${database}.${name.endsWith(local) ? name.slice(0, -local.length) : name}`,
      ttl: ttl || null,
      retentionDays: unit ? MIN_DAYS[unit] * Number(interval?.[2]) : null,
    };
  });
}
