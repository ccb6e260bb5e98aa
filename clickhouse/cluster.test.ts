import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForCluster } from './cluster.ts';
import { ROLLUPS, rollupRebuild, visitorDeletes, websiteDeletes } from './erasure.ts';
import { loadMigrations } from './migrator.ts';
import { runQuery } from './query.ts';
import { compile, sql } from './sql.ts';
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

  it('erases on a cluster through the local tables ON CLUSTER, rebuilding rollups from every shard', async () => {
    const parses = async (statement: string) => {
      const [row] = await runQuery<{ formatted: string }>(ch.client, {
        name: 'format_cluster_erasure',
        query: sql`SELECT formatQuery(${statement}) AS formatted`,
      });
      return row?.formatted ?? '';
    };
    const deletes = [...websiteDeletes('w1', 'analytics_cluster'), ...visitorDeletes('w1', 'v1', 'analytics_cluster')];
    for (const statement of deletes.map((s) => compile(s).query)) {
      expect(statement).toMatch(/^DELETE FROM \w+\.\w+_local ON CLUSTER analytics_cluster WHERE /);
      expect(await parses(statement)).toContain('ON CLUSTER analytics_cluster');
    }
    // The daily rollup's view as a cluster runs it: reading the node's local events.
    const views = rendered.filter((s) => s.includes(`${ROLLUPS[0].view} ON CLUSTER`));
    const viewSelect = views.at(-1)?.replace(/^[\s\S]*?\bAS\s+(?=SELECT)/, '') ?? '';
    expect(viewSelect).toContain('analytics.events_local');
    const [remove, insert] = rollupRebuild(ROLLUPS[0], viewSelect, 'w1', ['2026-01-01'], 'analytics_cluster').map(
      (s) => compile(s).query,
    );
    expect(remove).toMatch(/^DELETE FROM analytics\.daily_pageviews_local ON CLUSTER analytics_cluster WHERE /);
    expect(insert).toMatch(/^INSERT INTO analytics\.daily_pageviews SELECT/);
    expect(insert).toContain('analytics.events');
    expect(insert).not.toContain('events_local');
    for (const statement of [remove, insert]) expect(await parses(statement ?? '')).not.toBe('');
    expect(() => websiteDeletes('w1', 'c; DROP')).toThrow(/Invalid ClickHouse cluster/);
  });

  it('keeps every migration idempotent (IF NOT EXISTS), which makes reruns safe', () => {
    for (const statement of loadMigrations().flatMap((m) => m.statements)) {
      if (statement.startsWith('CREATE'))
        expect(statement).toMatch(/^CREATE (DATABASE|TABLE|MATERIALIZED VIEW) IF NOT EXISTS /);
      if (statement.startsWith('DROP')) expect(statement).toMatch(/^DROP (TABLE|VIEW) IF EXISTS /);
    }
  });
});
