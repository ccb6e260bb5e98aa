import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForCluster } from './cluster.ts';
import { loadMigrations } from './migrator.ts';
import { runQuery } from './query.ts';
import { sql } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

// No cluster runs here, so the rendered DDL is checked with ClickHouse's own parser.
describe('cluster DDL', () => {
  let ch: TestClickHouse;
  beforeAll(async () => {
    ch = await freshClickHouse({ migrate: false });
  });
  afterAll(() => ch.close());

  const rendered = loadMigrations().flatMap((m) =>
    m.statements.flatMap((s) => renderForCluster(s, 'analytics_cluster')),
  );

  it('parses every rendered statement with formatQuery', async () => {
    for (const statement of rendered) {
      const [row] = await runQuery<{ formatted: string }>(ch.client, {
        name: 'format_cluster_ddl',
        query: sql`SELECT formatQuery(${statement}) AS formatted`,
      });
      if (!statement.startsWith('INSERT')) expect(row?.formatted).toContain('ON CLUSTER analytics_cluster');
    }
  });

  it('makes replicated local tables with Distributed tables under the original names', () => {
    const events = rendered.filter((s) => /analytics\.events(_local)? /.test(s));
    expect(events[0]).toContain(
      "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/analytics/events_local', '{replica}')",
    );
    expect(events[1]).toBe(
      'CREATE TABLE IF NOT EXISTS analytics.events ON CLUSTER analytics_cluster AS analytics.events_local ' +
        'ENGINE = Distributed(analytics_cluster, analytics, events_local, cityHash64(client_id))',
    );
    const revenue = rendered.find((s) => s.includes('analytics.revenue_local ON CLUSTER'));
    expect(revenue).toContain(
      "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/analytics/revenue_local', '{replica}', synced_at)",
    );
  });

  it('points materialized views at local tables', () => {
    const view = rendered.find((s) => s.includes('web_vitals_hourly_mv'));
    expect(view).toContain('TO analytics.web_vitals_hourly_local');
    expect(view).toContain('FROM analytics.web_vitals_spans_local');
  });

  it('renders column changes for both tables and refuses what it does not understand', () => {
    expect(renderForCluster('ALTER TABLE analytics.events ADD COLUMN IF NOT EXISTS x String', 'c')).toEqual([
      'ALTER TABLE analytics.events_local ON CLUSTER c ADD COLUMN IF NOT EXISTS x String',
      'ALTER TABLE analytics.events ON CLUSTER c ADD COLUMN IF NOT EXISTS x String',
    ]);
    expect(() => renderForCluster('DROP TABLE analytics.events', 'c')).toThrow(/Cannot render/);
    expect(renderForCluster('DROP TABLE IF EXISTS analytics.web_vitals_hourly', 'c')).toEqual([
      'DROP TABLE IF EXISTS analytics.web_vitals_hourly ON CLUSTER c',
      'DROP TABLE IF EXISTS analytics.web_vitals_hourly_local ON CLUSTER c',
    ]);
    expect(renderForCluster('DROP VIEW IF EXISTS analytics.web_vitals_hourly_mv', 'c')).toEqual([
      'DROP VIEW IF EXISTS analytics.web_vitals_hourly_mv ON CLUSTER c',
    ]);
    const copy = 'INSERT INTO analytics.b (x, y) SELECT x, y FROM analytics.a';
    expect(renderForCluster(copy, 'c')).toEqual([copy]);
    expect(() => renderForCluster('CREATE DATABASE IF NOT EXISTS x', 'c; DROP')).toThrow(/Invalid ClickHouse cluster/);
  });

  it('keeps every migration idempotent (IF NOT EXISTS), which makes reruns safe', () => {
    for (const statement of loadMigrations().flatMap((m) => m.statements)) {
      if (statement.startsWith('CREATE'))
        expect(statement).toMatch(/^CREATE (DATABASE|TABLE|MATERIALIZED VIEW) IF NOT EXISTS /);
      if (statement.startsWith('DROP')) expect(statement).toMatch(/^DROP (TABLE|VIEW) IF EXISTS /);
    }
  });
});
