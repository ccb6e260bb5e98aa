import { describe, expect, it } from 'vitest';
import { compile } from '../../clickhouse/sql.ts';
import { UnsupportedGroupingError } from '../errors.ts';
import type { Dimension } from './dimensions.ts';
import { type GroupsRequest, groupsSql, InvalidGroupsError, planGroups } from './groups.ts';

/** The plan and SQL stages of groups, pure: where each metric comes from, and what is refused. */

const request = (over: Partial<GroupsRequest>): GroupsRequest => ({
  dimensions: [],
  metrics: [],
  orderBy: [],
  limit: 10,
  offset: 0,
  ...over,
});
const country = { kind: 'registry', dimension: 'COUNTRY' } as const;
const path = { kind: 'registry', dimension: 'PATH' } as const;
const day = { kind: 'time', interval: 'DAY' } as const;

describe('planGroups', () => {
  it('reads visit rows only for visit dimensions, event metrics included (visit facts)', () => {
    const plan = planGroups(request({ dimensions: [country], metrics: ['visitors', 'pageviews', 'bounceRate'] }));
    expect(plan.name).toBe('analytics_groups_visits');
    expect(plan.metrics.every((m) => m.side === 'visits')).toBe(true);
    expect(plan.join).toBe('none');
  });

  it('joins both aggregates with a time dimension (event metrics by their own bucket)', () => {
    const plan = planGroups(request({ dimensions: [day, country], metrics: ['visitors', 'pageviews'] }));
    expect(plan.name).toBe('analytics_groups_events_visits');
    expect(plan.metrics).toEqual([
      { metric: 'visitors', side: 'visits' },
      { metric: 'pageviews', side: 'events' },
    ]);
    expect(plan.join).toBe('full');
    expect(plan.fill).toBeNull();
    expect(plan.order[0]).toEqual({ column: 'k0', desc: false });
  });

  it('an event dimension drives the groups; bounce rate by path from entry pages', () => {
    const plan = planGroups(request({ dimensions: [path], metrics: ['visitors', 'bounceRate'] }));
    expect(plan.metrics).toEqual([
      { metric: 'visitors', side: 'events' },
      { metric: 'bounceRate', side: 'visits' },
    ]);
    expect(plan.join).toBe('left');
    expect(
      compile(
        groupsSql(
          { websiteIds: ['w'], range: { from: new Date(0), to: new Date(86_400_000), timezone: 'UTC' }, filters: [] },
          plan,
        ),
      ).query,
    ).toContain('entry_page');
  });

  it('fills buckets when time is the only dimension', () => {
    expect(planGroups(request({ dimensions: [day], metrics: ['visits'] })).fill).toBe('DAY');
  });

  it('refuses metrics without meaning for a dimension, naming both', () => {
    const refused = (metric: 'bounceRate' | 'visitDuration', dimensions: GroupsRequest['dimensions']) => {
      try {
        planGroups(request({ dimensions, metrics: [metric] }));
      } catch (error) {
        return error;
      }
    };
    expect(refused('bounceRate', [{ kind: 'property', key: 'plan' }])).toMatchObject({
      metric: 'bounceRate',
      dimension: 'property',
    });
    expect(refused('visitDuration', [country, path])).toBeInstanceOf(UnsupportedGroupingError);
    expect(refused('bounceRate', [country, path])).toBeUndefined();
  });

  it('bounds dimensions and property keys, and orders only by selected dimensions', () => {
    const six = (['COUNTRY', 'DEVICE', 'BROWSER', 'OS', 'REGION', 'CITY'] as Dimension[]).map(
      (dimension) => ({ kind: 'registry', dimension }) as const,
    );
    expect(() => planGroups(request({ dimensions: six }))).toThrow(InvalidGroupsError);
    expect(() => planGroups(request({ dimensions: six.slice(0, 5) }))).not.toThrow();
    expect(() => planGroups(request({ dimensions: [{ kind: 'property', key: 'x'.repeat(129) }] }))).toThrow(
      InvalidGroupsError,
    );
    expect(() => planGroups(request({ dimensions: [{ kind: 'registry', dimension: 'EVENT_NAME' }] }))).toThrow(
      InvalidGroupsError,
    );
    expect(() => planGroups(request({ dimensions: [country], orderBy: [{ field: 'device', desc: false }] }))).toThrow(
      InvalidGroupsError,
    );
    // An unselected metric may order: it is computed.
    const plan = planGroups(
      request({ dimensions: [country], metrics: ['visits'], orderBy: [{ field: 'pageviews', desc: true }] }),
    );
    expect(plan.metrics.map((m) => m.metric)).toEqual(['visits', 'pageviews']);
  });
});
