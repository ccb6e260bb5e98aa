import { expect, it } from 'vitest';
import { IngestMetrics } from './metrics.ts';

it('renders insert latency as a Prometheus histogram per table', () => {
  const metrics = new IngestMetrics();
  metrics.flushSeconds.observe(0.02, { table: 'analytics.events' });
  metrics.flushSeconds.observe(3, { table: 'analytics.events' });
  const lines = metrics.render().split('\n');
  const value = (series: string) => lines.find((l) => l.startsWith(`${series} `))?.split(' ')[1];
  const bucket = (le: string) =>
    value(`tidemark_ingest_flush_duration_seconds_bucket{table="analytics.events",le="${le}"}`);
  expect([bucket('0.01'), bucket('0.025'), bucket('2.5'), bucket('5'), bucket('+Inf')]).toEqual([
    '0',
    '1',
    '1',
    '2',
    '2',
  ]);
  expect(value('tidemark_ingest_flush_duration_seconds_sum{table="analytics.events"}')).toBe('3.02');
  expect(value('tidemark_ingest_flush_duration_seconds_count{table="analytics.events"}')).toBe('2');
});
