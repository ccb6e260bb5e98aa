import { expect, it } from 'vitest';
import { chooseErrorSource, chooseSource, planErrors, planTimeseries } from './plan.ts';
import { resolveRange } from './range.ts';

const days = resolveRange({ from: '2026-11-01', to: '2026-11-07' });
const metrics = ['pageviews', 'visitors'];

it('uses the daily rollup only for unfiltered whole UTC days of page views and visitors', () => {
  expect(chooseSource({ range: days, filters: [], metrics, interval: 'DAY' })).toBe('daily_pageviews');
  expect(chooseSource({ range: days, filters: [], metrics, interval: 'MONTH' })).toBe('daily_pageviews');
  expect(chooseSource({ range: days, filters: [], metrics, interval: 'HOUR' })).toBe('events');
  expect(chooseSource({ range: days, filters: [{ field: 'PATH', op: 'IS', value: '/' }], metrics })).toBe('events');
  expect(chooseSource({ range: days, filters: [], metrics: ['pageviews', 'bounces'] })).toBe('events');
  const berlin = resolveRange({ from: '2026-11-01', to: '2026-11-07', timezone: 'Europe/Berlin' });
  expect(chooseSource({ range: berlin, filters: [], metrics, interval: 'DAY' })).toBe('events');
  const partial = resolveRange({ from: '2026-11-01T12:00:00Z', to: '2026-11-07T00:00:00Z' });
  expect(chooseSource({ range: partial, filters: [], metrics, interval: 'DAY' })).toBe('events');
});

it('uses the hourly error rollup only for unfiltered hour-aligned ranges (it keeps no sessions)', () => {
  expect(chooseErrorSource({ range: days, filters: [] }, 'HOUR')).toBe('error_hourly');
  expect(chooseErrorSource({ range: days, filters: [] }, 'MINUTE')).toBe('error_spans');
  expect(chooseErrorSource({ range: days, filters: [{ field: 'COUNTRY', op: 'IS', value: 'DE' }] }, 'DAY')).toBe(
    'error_spans',
  );
});

it('names each planned query after its family and the table it chose', () => {
  expect(planTimeseries({ range: days, filters: [] }, 'DAY')).toEqual({
    source: 'daily_pageviews',
    name: 'analytics_timeseries_daily_pageviews',
  });
  expect(planTimeseries({ range: days, filters: [] }, 'HOUR').name).toBe('analytics_timeseries_events');
  expect(planErrors('error_trend', { range: days, filters: [] }, 'MINUTE').name).toBe(
    'analytics_error_trend_error_spans',
  );
  expect(planErrors('errors_by_page', { range: days, filters: [] }).name).toBe('analytics_errors_by_page_error_hourly');
});
