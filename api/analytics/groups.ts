import { type Sql, sql } from '../../clickhouse/sql.ts';
import { UnsupportedGroupingError } from '../errors.ts';
import { perWebsite, type Runner, type Scoped } from './batching.ts';
import { convertingVisitsSql, GOAL_FIGURES, type GoalFigure, type GoalTarget } from './conversions.ts';
import { DIMENSION_NAMES, DIMENSIONS, type Dimension, type DimensionDef } from './dimensions.ts';
import type { DateRange } from './range.ts';
import { eventsWhere, type Scope, visitRowsSql, visitsSql } from './scope.ts';
import { assertBuckets, bucketSql, bucketStarts, fillBuckets, type Interval, pairedBucketSql } from './time.ts';

/**
 * Typed groups (`WebsiteAnalytics.groups`): the dimensions a client selects are the GROUP BY, as
 * in Cloudflare's `*Groups` datasets. Parse → plan → SQL → rows, each stage here and pure; the
 * loader runs the query (one per groups field, batched across websites) and the schema
 * (api/schema/analytics-groups.ts) reads the selection.
 *
 * Each metric has a scope. Visit metrics come from visit rows (analytics.visits), event metrics
 * from events; when both are asked for, the two aggregates are joined on the group keys inside one
 * query. How a metric is computed depends on the dimensions (see METRICS and planGroups):
 * - visit dimensions only, no time: everything from visit rows (page views and engagement are
 *   sums over the grouped visits, as breakdowns do);
 * - with a time dimension: visit metrics by the bucket the visit started in, event metrics by the
 *   bucket of each event (events read their visit's attributes for visit dimensions);
 * - with an event dimension (page, outgoing link, property): every metric from the events with
 *   that value, visitors and visits counting those with such an event; bounce rate by page is that
 *   of the visits entering on the page (Plausible's definition), and visit metrics that have no
 *   meaning per event value are refused with UNSUPPORTED_GROUPING.
 * Goal metrics (conversions, conversion rate, revenue of a goal; conversions.ts) are visit metrics
 * over visit rows marked with the goals they convert on; by path, of the visits entering on it.
 */

export const METRICS = {
  visitors: {
    scope: 'visit',
    ratio: false,
    description:
      'Unique visitors (exact: counted by a 64-bit hash of their ids). Of the visits that started in the range and ' +
      'the group; grouped by an event dimension, of the visitors with a counted event of that value.',
  },
  visits: {
    scope: 'visit',
    ratio: false,
    description:
      'Visits with at least one page view that started in the range and the group (by their start for time); ' +
      'grouped by an event dimension, the visits with a counted event of that value.',
  },
  bounceRate: {
    scope: 'visit',
    ratio: true,
    description:
      'Share of the visits with one page view, 0–1. Grouped by path: of the visits entering on that path. ' +
      'Refused (UNSUPPORTED_GROUPING) with an outgoing link or a property as dimension.',
  },
  visitDuration: {
    scope: 'visit',
    ratio: true,
    description:
      'Mean visit duration in seconds, from its first to its last event. Refused (UNSUPPORTED_GROUPING) with an ' +
      'event dimension (a visit spans many pages; see timeOnPage).',
  },
  viewsPerVisit: {
    scope: 'visit',
    ratio: true,
    description:
      'Page views per visit (all page views of the visits in the group). Refused (UNSUPPORTED_GROUPING) with an ' +
      'event dimension.',
  },
  pageviews: {
    scope: 'event',
    ratio: false,
    description:
      'Page views. With visit dimensions only: all page views of the grouped visits; with a time or event ' +
      'dimension: the page views in the range (in their own bucket) that the filters select.',
  },
  timeOnPage: {
    scope: 'event',
    ratio: true,
    description: 'Mean visible seconds on a page, from the engagement report sent when leaving it (null without one).',
  },
  scrollDepth: {
    scope: 'event',
    ratio: true,
    description: 'Mean scroll depth when leaving a page, 0–100 (null without measurements).',
  },
  outgoingClicks: {
    scope: 'event',
    ratio: false,
    description: 'Clicks on links to other sites.',
  },
} as const satisfies Record<string, { scope: 'visit' | 'event'; ratio: boolean; description: string }>;

export type GroupMetric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as GroupMetric[];

/** Registry dimensions a group can be keyed by (keyed ones such as PROPERTY have a field of their own). */
export const GROUP_DIMENSIONS = DIMENSION_NAMES.filter((d) => {
  const def: DimensionDef = DIMENSIONS[d];
  return def.group && !def.keyed;
});

/** A registry dimension's field name in `dimensions { … }`: COUNTRY → country, UTM_SOURCE → utmSource. */
export const dimensionField = (d: Dimension) => d.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** A time dimension's field name: DAY → day. */
export const timeField = (interval: Interval) => interval.toLowerCase();

export type GroupDimension =
  | { kind: 'registry'; dimension: Dimension }
  | { kind: 'time'; interval: Interval }
  | { kind: 'property'; key: string };

/** A dimension's identity within a request (and the key of its value in a GroupRow). */
export const dimensionId = (d: GroupDimension) =>
  d.kind === 'registry' ? d.dimension : d.kind === 'time' ? `time:${d.interval}` : `property:${d.key}`;

export interface GroupOrder {
  /** A metric name, a dimension field name (`country`, `day`), or `property` (the property keys in selection order). */
  field: string;
  desc: boolean;
}

/** A goal metric: a figure (conversions.ts) of `goals[goal]` of the request, answered under `key`. */
export interface GoalMetric {
  figure: GoalFigure;
  goal: number;
  key: string;
}

export interface GroupsRequest {
  dimensions: readonly GroupDimension[];
  metrics: readonly GroupMetric[];
  /** What goal metrics count (one goal, or any enabled goal), and the metrics asked of them. */
  goals?: readonly GoalTarget[];
  goalMetrics?: readonly GoalMetric[];
  orderBy: readonly GroupOrder[];
  limit: number;
  offset: number;
}

export const GROUP_LIMITS = { dimensions: 5, propertyKeyLength: 128, rows: 1000, offset: 100_000, goals: 10 } as const;
/** Goals one query computes (the goals family asks for all of a website's, in queries of this many). */
export const GOALS_PER_QUERY = 100;

/** A request that cannot be planned as given (BAD_USER_INPUT at the API). */
export class InvalidGroupsError extends Error {
  constructor(
    message: string,
    readonly argument: 'dimensions' | 'orderBy',
  ) {
    super(message);
  }
}

type Side = 'visits' | 'events';

export interface GroupsPlan {
  /** The query's name: the family and the tables it reads. */
  name: string;
  dimensions: GroupDimension[];
  /** Each metric computed, with the aggregate it comes from. */
  metrics: { metric: GroupMetric; side: Side }[];
  /** Goal metrics, computed on the visit side (column g<i> for goalMetrics[i]). */
  goals: GoalTarget[];
  goalMetrics: GoalMetric[];
  /** How the two aggregates combine when both are needed: an event dimension drives the groups. */
  join: 'none' | 'full' | 'left';
  /** The only dimension is time: every bucket of the range is answered, empty ones too. */
  fill: Interval | null;
  order: { column: string; desc: boolean }[];
  limit: number;
  offset: number;
}

const key = (i: number) => `k${i}`;
const KEYS = Array.from({ length: GROUP_LIMITS.dimensions }, (_, i) => key(i));
const column = (metric: GroupMetric) => metric.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = METRIC_NAMES.map(column);
/** Distinct goal metrics: three figures of each goal. */
const GOAL_COLUMNS = Array.from({ length: 3 * GOALS_PER_QUERY }, (_, i) => `g${i}`);

const isEventDimension = (d: GroupDimension) =>
  d.kind === 'property' || (d.kind === 'registry' && DIMENSIONS[d.dimension].scope === 'event');

/** The plan stage: checks the request and decides where each metric comes from. */
export function planGroups(request: GroupsRequest): GroupsPlan {
  const dimensions = [...new Map(request.dimensions.map((d) => [dimensionId(d), d])).values()];
  if (dimensions.length > GROUP_LIMITS.dimensions) {
    throw new InvalidGroupsError(
      `At most ${GROUP_LIMITS.dimensions} dimensions (got ${dimensions.length})`,
      'dimensions',
    );
  }
  for (const d of dimensions) {
    if (d.kind === 'property' && (d.key.length === 0 || d.key.length > GROUP_LIMITS.propertyKeyLength)) {
      throw new InvalidGroupsError(
        `A property key has 1 to ${GROUP_LIMITS.propertyKeyLength} characters (got ${d.key.length})`,
        'dimensions',
      );
    }
    if (d.kind === 'registry' && !GROUP_DIMENSIONS.includes(d.dimension)) {
      throw new InvalidGroupsError(`${d.dimension} does not group`, 'dimensions');
    }
  }
  const fieldOf = (d: GroupDimension) =>
    d.kind === 'registry' ? dimensionField(d.dimension) : d.kind === 'time' ? timeField(d.interval) : 'property';
  // Metrics named only by orderBy are computed too; dimensions must be selected to be ordered by.
  const metrics = new Set<GroupMetric>(request.metrics);
  const order: GroupsPlan['order'] = [];
  for (const { field, desc } of request.orderBy) {
    if (Object.hasOwn(METRICS, field)) {
      metrics.add(field as GroupMetric);
      order.push({ column: column(field as GroupMetric), desc });
      continue;
    }
    const indexes = dimensions.flatMap((d, i) => (fieldOf(d) === field ? [i] : []));
    if (indexes.length === 0)
      throw new InvalidGroupsError(`Cannot order by ${field}: select it in dimensions`, 'orderBy');
    for (const i of indexes) order.push({ column: key(i), desc });
  }
  if (metrics.size === 0) metrics.add('visitors'); // groups exist where something was counted
  const hasTime = dimensions.some((d) => d.kind === 'time');
  const eventDimensions = dimensions.filter(isEventDimension);
  const sides = [...metrics].map((metric) => {
    // Bounce rate by page is that of the visits entering on it; no other event value has visits of its own.
    const refused =
      metric === 'bounceRate'
        ? eventDimensions.find((d) => !(d.kind === 'registry' && d.dimension === 'PATH'))
        : metric === 'visitDuration' || metric === 'viewsPerVisit'
          ? eventDimensions[0]
          : undefined;
    if (refused) throw new UnsupportedGroupingError(metric, fieldOf(refused));
    const side: Side =
      metric === 'bounceRate' || metric === 'visitDuration' || metric === 'viewsPerVisit'
        ? 'visits'
        : METRICS[metric].scope === 'visit'
          ? eventDimensions.length
            ? 'events'
            : 'visits'
          : eventDimensions.length || hasTime
            ? 'events'
            : 'visits';
    return { metric, side };
  });
  const goals = [...(request.goals ?? [])];
  const goalMetrics = [...new Map((request.goalMetrics ?? []).map((m) => [m.key, m])).values()];
  if (goals.length > GOALS_PER_QUERY || goalMetrics.some((m) => m.goal >= goals.length)) {
    throw new Error(`At most ${GOALS_PER_QUERY} goals, each given`);
  }
  // Goal metrics are visit metrics; by path, of the visits entering on it (as bounceRate).
  const notPath = eventDimensions.find((d) => !(d.kind === 'registry' && d.dimension === 'PATH'));
  if (goalMetrics[0] && notPath) throw new UnsupportedGroupingError(goalMetrics[0].figure, fieldOf(notPath));
  const reads = new Set(sides.map((s) => s.side));
  if (goalMetrics.length) reads.add('visits');
  const join = reads.size < 2 ? 'none' : eventDimensions.length ? 'left' : 'full';
  // Ties (and unordered requests) by time first, then the first metric, then every key: stable pages.
  if (order.length === 0) {
    dimensions.forEach((d, i) => {
      if (d.kind === 'time') order.push({ column: key(i), desc: false });
    });
    order.push({ column: column(sides[0]?.metric as GroupMetric), desc: true });
  }
  for (let i = 0; i < dimensions.length; i++) {
    if (!order.some((o) => o.column === key(i))) order.push({ column: key(i), desc: false });
  }
  const only = dimensions.length === 1 ? dimensions[0] : undefined;
  return {
    name: `analytics_groups_${[...reads].sort().join('_')}`,
    dimensions,
    metrics: sides,
    goals,
    goalMetrics,
    join,
    fill: only?.kind === 'time' ? only.interval : null,
    order,
    limit: Math.min(request.limit, GROUP_LIMITS.rows),
    offset: Math.min(request.offset, GROUP_LIMITS.offset),
  };
}

/** Refuses a bucket count beyond MAX_BUCKETS when every bucket is to be answered (throws InvalidRangeError). */
export function checkFill(plan: GroupsPlan, range: DateRange): void {
  if (plan.fill) assertBuckets(range, plan.fill);
}

const asString = (expr: Sql) => sql`CAST(${expr} AS String)`;
const distinct = (id: Sql, condition: Sql) => sql`uniqExactIf(cityHash64(${id}), ${condition})`;

/** A dimension's value on a visit row (visits are bucketed by their start; a path is the entry page). */
function visitKey(d: GroupDimension, timezone: string): Sql {
  if (d.kind === 'time') return bucketSql(d.interval, timezone, 'time');
  if (d.kind === 'registry' && d.dimension === 'PATH') return sql`entry_page`;
  if (d.kind === 'registry' && DIMENSIONS[d.dimension].scope === 'visit') {
    return asString((DIMENSIONS[d.dimension].sql as { visits: () => Sql }).visits());
  }
  throw new Error(`No visit value for ${dimensionId(d)}`);
}

/** A dimension's value on an event row (visit dimensions come from the event's visit, joined). */
function eventKey(d: GroupDimension, timezone: string): Sql {
  if (d.kind === 'time') return bucketSql(d.interval, timezone, 'time');
  if (d.kind === 'property') return asString((DIMENSIONS.PROPERTY.sql as { events: (k: string) => Sql }).events(d.key));
  return asString((DIMENSIONS[d.dimension].sql as { events: (k: string) => Sql }).events(''));
}

const VISIT_METRICS: Record<GroupMetric, Sql> = {
  visitors: sql`uniqExact(cityHash64(visitor_id))`,
  visits: sql`count()`,
  bounceRate: sql`avg(views = 1)`,
  visitDuration: sql`avg(dateDiff('millisecond', started, ended) / 1000)`,
  viewsPerVisit: sql`sum(views) / count()`,
  pageviews: sql`sum(views)`,
  timeOnPage: sql`sum(seconds_on_pages) / nullIf(sum(timed_pages), 0)`,
  scrollDepth: sql`sum(scroll_sum) / nullIf(sum(scrolled_pages), 0)`,
  outgoingClicks: sql`sum(link_clicks)`,
};

function eventMetric(metric: GroupMetric, counted: Sql): Sql {
  switch (metric) {
    case 'visitors':
      return distinct(sql`anonymous_id`, counted);
    case 'visits':
      return distinct(sql`session_id`, counted);
    case 'pageviews':
      return sql`countIf(event_name = 'screen_view')`;
    case 'timeOnPage':
      return sql`avgIf(time_on_page, event_name = 'page_exit' AND time_on_page IS NOT NULL)`;
    case 'scrollDepth':
      return sql`avgIf(scroll_depth, event_name = 'page_exit' AND scroll_depth IS NOT NULL)`;
    case 'outgoingClicks':
      return sql`countIf(event_name = 'outgoing_link')`;
    default:
      throw new Error(`${metric} is not computed from events`);
  }
}

const metricColumn = (side: Side, metric: GroupMetric) =>
  sql.identifier(`${side === 'visits' ? 'v' : 'e'}_${column(metric)}`, [
    ...COLUMNS.map((c) => `v_${c}`),
    ...COLUMNS.map((c) => `e_${c}`),
  ]);
const goalColumn = (prefix: '' | 'v_' | 'p_', i: number) =>
  sql.identifier(`${prefix}g${i}`, [...GOAL_COLUMNS, ...GOAL_COLUMNS.flatMap((c) => [`v_${c}`, `p_${c}`])]);
const keyColumn = (i: number) => sql.identifier(key(i), KEYS);
const keyList = (n: number) =>
  sql.join(
    Array.from({ length: n }, (_, i) => sql`${keyColumn(i)}`),
    ', ',
  );
const groupKeys = (n: number) => (n ? sql`client_id, ${keyList(n)}` : sql`client_id`);

/** Visit rows of the scope, grouped: the visit-side aggregate. */
function visitSideSql(scope: Scope, plan: GroupsPlan): Sql {
  const keys = plan.dimensions.map((d, i) => sql`${visitKey(d, scope.range.timezone)} AS ${keyColumn(i)}`);
  const metrics = plan.metrics
    .filter((m) => m.side === 'visits')
    .map(({ metric }) => sql`${VISIT_METRICS[metric]} AS ${metricColumn('visits', metric)}`);
  const goalMetrics = plan.goalMetrics.map(
    ({ figure, goal }, i) => sql`${GOAL_FIGURES[figure](goal)} AS ${goalColumn('v_', i)}`,
  );
  const visits = plan.goalMetrics.length
    ? convertingVisitsSql(
        scope,
        plan.goals,
        plan.goalMetrics.some((m) => m.figure === 'revenue'),
      )
    : visitsSql(scope);
  return sql`SELECT client_id, ${sql.join([...keys, ...metrics, ...goalMetrics], ', ')}, 1 AS v_present
    FROM (SELECT *, started AS time FROM (${visits}))
    GROUP BY ${groupKeys(plan.dimensions.length)}`;
}

/** Events of the scope, grouped (with their visit's attributes for visit dimensions): the event-side aggregate. */
function eventSideSql(scope: Scope, plan: GroupsPlan): Sql {
  const { timezone } = scope.range;
  const eventDims = plan.dimensions.filter(isEventDimension);
  const visitDims = plan.dimensions.filter((d) => !isEventDimension(d) && d.kind !== 'time');
  // Which events a group is about: those carrying the property keys, link clicks, else page views
  // (their exits and link clicks add engagement, as in breakdowns).
  const rows: Sql[] = [];
  const properties = eventDims.flatMap((d) => (d.kind === 'property' ? [d.key] : []));
  if (properties.length) {
    rows.push(sql`event_type = 'custom'`, ...properties.map((k) => sql`JSONHas(properties, ${k})`));
  }
  for (const d of eventDims) {
    const events = d.kind === 'registry' ? (DIMENSIONS[d.dimension] as DimensionDef).events : undefined;
    if (events) rows.push(sql`event_name IN ${sql.array(events, 'String')}`);
  }
  const restricted = rows.length > 0;
  if (!restricted) rows.push(sql`event_name IN ('screen_view', 'page_exit', 'outgoing_link')`);
  const counted = restricted ? sql`1` : sql`event_name = 'screen_view'`;

  const inner = (i: number) =>
    sql.identifier(
      `i${i}`,
      KEYS.map((_, j) => `i${j}`),
    );
  const ownKeys = plan.dimensions.flatMap((d, i) =>
    visitDims.includes(d) ? [] : [sql`${eventKey(d, timezone)} AS ${inner(i)}`],
  );
  const events = sql`SELECT client_id, session_id, anonymous_id, event_name, time_on_page, scroll_depth
      ${ownKeys.length ? sql`, ${sql.join(ownKeys, ', ')}` : sql``}
    FROM analytics.events
    WHERE ${eventsWhere(scope)} AND ${sql.join(rows, ' AND ')}`;
  const picked = plan.dimensions.map(
    (d, i) => sql`${visitDims.includes(d) ? sql`v.${inner(i)}` : sql`e.${inner(i)}`} AS ${keyColumn(i)}`,
  );
  const source = visitDims.length
    ? sql`SELECT e.client_id AS client_id, e.session_id AS session_id, e.anonymous_id AS anonymous_id,
          e.event_name AS event_name, e.time_on_page AS time_on_page, e.scroll_depth AS scroll_depth,
          ${sql.join(picked, ', ')}
        FROM (${events}) AS e
        INNER JOIN (
          SELECT client_id, session_id, ${sql.join(
            plan.dimensions.flatMap((d, i) =>
              visitDims.includes(d) ? [sql`${visitKey(d, timezone)} AS ${inner(i)}`] : [],
            ),
            ', ',
          )}
          FROM (${visitRowsSql(scope.websiteIds)})
          WHERE ended >= ${scope.range.from} AND started < ${scope.range.to}
        ) AS v ON v.client_id = e.client_id AND v.session_id = e.session_id`
    : sql`SELECT *${
        picked.length
          ? sql`, ${sql.join(
              picked.map((_, i) => sql`${inner(i)} AS ${keyColumn(i)}`),
              ', ',
            )}`
          : sql``
      } FROM (${events})`;
  const metrics = plan.metrics
    .filter((m) => m.side === 'events')
    .map(({ metric }) => sql`${eventMetric(metric, counted)} AS ${metricColumn('events', metric)}`);
  return sql`SELECT client_id, ${plan.dimensions.length ? sql`${keyList(plan.dimensions.length)}, ` : sql``}
      ${sql.join(metrics, ', ')}, 1 AS e_present
    FROM (${source})
    GROUP BY ${groupKeys(plan.dimensions.length)}
    ${eventDims.length ? sql`HAVING countIf(${counted}) > 0` : sql``}`;
}

/** Rows of client_id, k0…kN and one column per metric (null for a ratio without data), unordered. */
function groupsBodySql(scope: Scope, plan: GroupsPlan): Sql {
  const sides = new Set(plan.metrics.map((m) => m.side));
  const present = (side: Side) => (side === 'visits' ? sql`v_present` : sql`e_present`);
  const outputs = plan.metrics.map(({ metric, side }) => {
    const value = metricColumn(side, metric);
    return METRICS[metric].ratio
      ? sql`if(${present(side)} = 1 AND isFinite(${value}), ${value}, NULL) AS ${sql.identifier(column(metric), COLUMNS)}`
      : sql`${value} AS ${sql.identifier(column(metric), COLUMNS)}`;
  });
  plan.goalMetrics.forEach(({ figure }, i) => {
    const value = goalColumn('v_', i);
    outputs.push(
      figure === 'conversionRate'
        ? sql`if(v_present = 1 AND isFinite(${value}), ${value}, NULL) AS ${goalColumn('', i)}`
        : sql`${value} AS ${goalColumn('', i)}`,
    );
  });
  const n = plan.dimensions.length;
  const using = sql`USING (${groupKeys(n)})`;
  const from =
    plan.join === 'none'
      ? sides.has('visits')
        ? sql`(${visitSideSql(scope, plan)})`
        : sql`(${eventSideSql(scope, plan)})`
      : plan.join === 'left'
        ? sql`(${eventSideSql(scope, plan)}) AS e LEFT JOIN (${visitSideSql(scope, plan)}) AS v ${using}`
        : sql`(${visitSideSql(scope, plan)}) AS v FULL OUTER JOIN (${eventSideSql(scope, plan)}) AS e ${using}`;
  return sql`SELECT client_id${n ? sql`, ${keyList(n)}` : sql``}, ${sql.join(outputs, ', ')} FROM ${from}`;
}

const orderSql = (plan: GroupsPlan) =>
  sql.join(
    plan.order.map(
      (o) => sql`${sql.identifier(o.column, [...KEYS, ...COLUMNS])} ${o.desc ? sql`DESC` : sql`ASC`} NULLS LAST`,
    ),
    ', ',
  );

/**
 * The SQL stage: one query for the whole groups field (for every website of a batch): rows of
 * client_id, k0…kN (the dimension values, time as bucket-start epoch seconds) and one column per
 * metric (null for a ratio without data), ordered and paginated per website, unless every
 * bucket is to be answered (see fill), which the row stage orders and paginates after filling.
 */
export function groupsSql(scope: Scope, plan: GroupsPlan): Sql {
  const page = plan.fill
    ? sql``
    : sql`LIMIT ${sql.param(plan.limit, 'UInt32')} OFFSET ${sql.param(plan.offset, 'UInt32')} BY client_id`;
  return sql`${groupsBodySql(scope, plan)}
    ORDER BY client_id, ${orderSql(plan)}
    ${page}`;
}

const COMPARED = COLUMNS.map((c) => `p_${c}`);
const comparedColumn = (metric: GroupMetric) => sql.identifier(`p_${column(metric)}`, COMPARED);

/**
 * groupsSql with each group's figures over `comparison` beside them (columns p_<metric>, and
 * p_present = 1 when the comparison had the group), in the same query: the page of groups joined
 * on its keys with the same groups over the comparison range (same filters). A time key pairs by
 * position (pairedBucketSql): the i-th bucket of the range faces the i-th of the comparison. With
 * time as the only dimension every bucket is answered, so comparison buckets join fully.
 */
export function comparedGroupsSql(scope: Scope, plan: GroupsPlan, comparison: DateRange): Sql {
  const n = plan.dimensions.length;
  const pairedKeys = plan.dimensions.map((d, i) => {
    const own = sql`before.${keyColumn(i)}`;
    return sql`${d.kind === 'time' ? pairedBucketSql(d.interval, comparison, scope.range, own) : own} AS ${keyColumn(i)}`;
  });
  const figures = [
    ...plan.metrics.map(({ metric }) => {
      const own = sql.identifier(column(metric), COLUMNS);
      return sql`before.${own} AS ${comparedColumn(metric)}`;
    }),
    ...plan.goalMetrics.map((_, i) => sql`before.${goalColumn('', i)} AS ${goalColumn('p_', i)}`),
  ];
  const before = sql`SELECT before.client_id AS client_id, ${sql.join([...pairedKeys, ...figures], ', ')}, 1 AS p_present
    FROM (${groupsBodySql({ ...scope, range: comparison }, plan)}) AS before`;
  return sql`SELECT * FROM (${groupsSql(scope, plan)}) AS now
    ${plan.fill ? sql`FULL OUTER` : sql`LEFT`} JOIN (${before}) AS compared USING (${groupKeys(n)})
    ORDER BY client_id, ${orderSql(plan)}`;
}

export type GroupsDbRow = { client_id: string } & Record<string, string | number | null | Record<string, number>>;

/** A goal metric's value: a count, a rate (null without visitors), or revenue by currency. */
export type GoalValue = number | null | Record<string, number>;

/** One group: each dimension's value by dimensionId (time as the bucket start), and the metrics computed. */
export interface GroupRow {
  values: Record<string, string | Date>;
  metrics: Partial<Record<GroupMetric, number | null>>;
  /** Values of plan.goalMetrics by their key. */
  goals: Record<string, GoalValue>;
  /** The same figures over the comparison range when it was asked for (comparedGroupsSql); null when the group had none then. */
  comparison?: Pick<GroupRow, 'metrics' | 'goals'> | null;
}

/**
 * The row stage: ClickHouse rows of one website → groups (filled, ordered and paginated when time
 * is the only dimension). With `comparison` (rows of comparedGroupsSql), each group carries its
 * comparison figures; filled buckets face the comparison's bucket of the same position, zeros
 * when it is empty and null past the comparison's last bucket.
 */
export function toGroups(
  rows: readonly GroupsDbRow[],
  plan: GroupsPlan,
  range: DateRange,
  comparison?: DateRange | null,
): GroupRow[] {
  const figures = (row: Record<string, unknown> | undefined, prefix: string) =>
    Object.fromEntries(
      plan.metrics.map(({ metric }) => {
        const value = row?.[prefix + column(metric)];
        const number = value === null || value === undefined ? null : Number(value);
        return [metric, METRICS[metric].ratio ? number : (number ?? 0)];
      }),
    );
  const goals = (row: Record<string, unknown> | undefined, prefix: string) =>
    Object.fromEntries(
      plan.goalMetrics.map(({ figure, key }, i): [string, GoalValue] => {
        const value = row?.[`${prefix}g${i}`];
        if (figure === 'revenue') return [key, (value ?? {}) as Record<string, number>];
        if (figure === 'conversionRate') return [key, value === null || value === undefined ? null : Number(value)];
        return [key, Number(value ?? 0)];
      }),
    );
  const toGroup = (row: Record<string, unknown> | undefined, bucket?: Date, compared = false): GroupRow => ({
    values: Object.fromEntries(
      plan.dimensions.map((d, i) => {
        const value = row?.[key(i)];
        return [dimensionId(d), d.kind === 'time' ? (bucket ?? new Date(Number(value) * 1000)) : String(value ?? '')];
      }),
    ),
    metrics: figures(row, ''),
    goals: goals(row, ''),
    ...(comparison
      ? {
          comparison:
            compared || Number(row?.p_present) === 1 ? { metrics: figures(row, 'p_'), goals: goals(row, 'p_') } : null,
        }
      : {}),
  });
  if (!plan.fill) return rows.map((row) => toGroup(row));
  const bucketRows = rows.map((row) => ({ bucket: Number(row.k0), row }));
  const filled = fillBuckets(bucketRows, range, plan.fill, (time, found) => ({ time, row: found?.row }));
  const comparedBuckets = comparison ? bucketStarts(comparison, plan.fill).length : 0;
  const sortValue = (entry: (typeof filled)[number], column: string): number | null => {
    if (column === 'k0') return entry.time.getTime();
    const value = entry.row?.[column];
    if (value === null || value === undefined) return METRICS_BY_COLUMN.get(column)?.ratio ? null : 0;
    return Number(value);
  };
  const sorted = [...filled.entries()].sort(([, a], [, b]) => {
    for (const { column, desc } of plan.order) {
      const [x, y] = [sortValue(a, column), sortValue(b, column)];
      if (x === y) continue;
      if (x === null) return 1; // nulls last, as in SQL
      if (y === null) return -1;
      return desc ? y - x : x - y;
    }
    return 0;
  });
  return sorted
    .slice(plan.offset, plan.offset + plan.limit)
    .map(([position, entry]) => toGroup(entry.row, entry.time, position < comparedBuckets));
}

const METRICS_BY_COLUMN = new Map(METRIC_NAMES.map((m) => [column(m), METRICS[m]]));

/** The groups loader (see batching.ts), for createAnalyticsLoaders. */
export function groupsLoaders(run: Runner) {
  return {
    /** Typed groups: one query per groups field, for all websites asking the same. */
    groups: perWebsite<Scoped & { plan: GroupsPlan; comparison?: DateRange | null }, GroupsDbRow, GroupRow[]>(
      (websiteIds, key) =>
        run(
          key.comparison
            ? {
                name: `${key.plan.name}_compared`,
                query: comparedGroupsSql({ ...key, websiteIds }, key.plan, key.comparison),
              }
            : { name: key.plan.name, query: groupsSql({ ...key, websiteIds }, key.plan) },
        ),
      (rows, key) => toGroups(rows, key.plan, key.range, key.comparison),
    ),
  };
}
