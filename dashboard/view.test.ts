import { describe, expect, it } from 'vitest';
import { toCsv } from '../runtime/csv.ts';
import { exportPath, filterInputs, rangeInput, searchOf, viewOf, withView } from './src/view.ts';

describe('the view in the URL', () => {
  it('defaults to the last 30 days by day, no comparison, no filters, and writes nothing for them', () => {
    const view = viewOf('');
    expect(view).toEqual({ range: { preset: '30d' }, interval: 'DAY', compare: false, filters: [] });
    expect(searchOf(view)).toBe('');
    expect(rangeInput(view, 'Europe/Berlin')).toEqual({ preset: 'LAST_30_DAYS', timezone: 'Europe/Berlin' });
  });

  it('round-trips range, interval, comparison and filters, values with colons and commas included', () => {
    const search = searchOf({
      range: { from: '2026-11-01', to: '2026-11-30' },
      interval: 'WEEK',
      compare: true,
      filters: [
        { field: 'PATH', op: 'STARTS_WITH', value: '/a:b' },
        { field: 'PROPERTY', key: 'plan', op: 'IS', value: 'pro' },
        { field: 'COUNTRY', op: 'IN', value: 'GB,SE' },
      ],
    });
    const view = viewOf(search);
    expect(searchOf(view)).toBe(search);
    expect(view.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(view.compare).toBe(true);
    expect(filterInputs(view.filters)).toEqual([
      { field: 'PATH', op: 'STARTS_WITH', value: ['/a:b'] },
      { field: 'PROPERTY', key: 'plan', op: 'IS', value: ['pro'] },
      { field: 'COUNTRY', op: 'IN', value: ['GB', 'SE'] },
    ]);
    expect(rangeInput(view, 'UTC')).toEqual({ from: '2026-11-01', to: '2026-11-30', timezone: 'UTC' });
  });

  it('carries a segment, and the export path the same range, interval, filters and segment', () => {
    const view = viewOf('?range=7d&segment=seg1&f=COUNTRY:IS:SE');
    expect(view.segment).toBe('seg1');
    expect(searchOf(view)).toBe('?range=7d&segment=seg1&f=COUNTRY%3AIS%3ASE');
    expect(searchOf(withView(view, { segment: undefined }))).toBe('?range=7d&f=COUNTRY%3AIS%3ASE');
    const path = new URL(exportPath('w/1', view, 'Asia/Tokyo'), 'http://x');
    expect(path.pathname).toBe('/export/w%2F1.zip');
    expect(Object.fromEntries(path.searchParams)).toEqual({
      preset: 'LAST_7_DAYS',
      timezone: 'Asia/Tokyo',
      interval: 'DAY',
      filters: JSON.stringify([{ field: 'COUNTRY', op: 'IS', value: ['SE'] }]),
      segment: 'seg1',
    });
    const custom = new URL(exportPath('w1', viewOf('?from=2026-11-01&to=2026-11-30&interval=week'), 'UTC'), 'http://x');
    expect(Object.fromEntries(custom.searchParams)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      timezone: 'UTC',
      interval: 'WEEK',
    });
  });

  it('ignores what it cannot read rather than sending it', () => {
    const view = viewOf('?range=forever&from=2026-13&to=x&interval=century&f=nonsense&f=PATH:DROP_TABLE:x&compare=1');
    expect(view).toEqual({ range: { preset: '30d' }, interval: 'DAY', compare: false, filters: [] });
    // A custom range ending before it starts is not a range.
    expect(viewOf('?from=2026-11-30&to=2026-11-01').range).toEqual({ preset: '30d' });
  });

  it('picks the interval for the range unless one was chosen', () => {
    const view = viewOf('');
    expect(withView(view, { range: { preset: 'today' } }).interval).toBe('HOUR');
    expect(withView(view, { range: { preset: '12mo' } }).interval).toBe('MONTH');
    expect(withView(view, { range: { from: '2026-01-01', to: '2026-06-30' } }).interval).toBe('WEEK');
    expect(withView(view, { range: { preset: 'today' }, interval: 'MINUTE' }).interval).toBe('MINUTE');
  });
});

describe('CSV', () => {
  it('quotes separators and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    expect(
      toCsv(
        ['Page', 'Visitors'],
        [
          ['/a,"b"', 3],
          ['=HYPERLINK("x")', -1],
          ['@cmd', null],
          ['+1', 0.5],
        ],
      ),
    ).toBe('Page,Visitors\r\n"/a,""b""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n\'@cmd,\r\n\'+1,0.5\r\n');
  });
});
