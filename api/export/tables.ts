import type { ClickHouseClient } from '../../clickhouse/client.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { type CsvColumn, csvHeader, csvRows } from '../../runtime/csv.ts';
import { change } from '../analytics/compare.ts';
import type { GoalFigure } from '../analytics/conversions.ts';
import type { Dimension } from '../analytics/dimensions.ts';
import {
  type BreakdownDbRow,
  type BreakdownRow,
  breakdownRow,
  COSTLY_FIGURES,
  numberedBreakdownSql,
} from '../analytics/families/breakdown.ts';
import type { TimeseriesPoint } from '../analytics/families/timeseries.ts';
import type { FilterNode } from '../analytics/filters.ts';
import { type GoalConversion, goalConversions } from '../analytics/goals.ts';
import {
  dimensionField,
  dimensionId,
  GROUP_LIMITS,
  type GroupDimension,
  type GroupMetric,
  type GroupRow,
  type GroupsPlan,
  timeField,
} from '../analytics/groups.ts';
import type { AnalyticsLoaders } from '../analytics/loader.ts';
import type { DateRange } from '../analytics/range.ts';
import { MAX_BREAKDOWN_ROWS } from '../analytics/scope.ts';
import type { Interval } from '../analytics/time.ts';
import { scratchPages } from './scratch.ts';

/**
 * The tables analytics exports as CSV: the `csv` field of Website.analytics and the files of
 * GET /export/<websiteId>.zip. Each table is one family of Website.analytics read through the
 * same loaders (so the same SQL, filters and row conversion), with columns named after the
 * family's GraphQL fields, whose descriptions define them (README "Export").
 *
 * Another query is exported by giving it a Table (columns as CsvColumn<Row>[] and a `rows(source,
 * scope, page)` reading one page), as groupsTable does; `tableCsv` and the ZIP writer do the rest.
 */

/** What a table is read for: a website's analytics scope, as Website.analytics resolved it. */
export interface ExportScope {
  websiteId: string;
  range: DateRange;
  filters: readonly FilterNode[];
  /** Timeseries bucket size. */
  interval: Interval;
  /** The comparison range of Website.analytics, read by a groups table with comparison columns. */
  comparison?: DateRange | null;
}

/** The stores a table reads (a GraphQL context has both). */
export interface ExportSource {
  prisma: PrismaClient;
  analytics: AnalyticsLoaders;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface Table<Row> {
  /** File name inside the ZIP. */
  file: string;
  /** The family of Website.analytics this is, as a GraphQL call (for the docs and the schema). */
  family: string;
  columns: readonly CsvColumn<Row>[];
  /** One page of rows, in the family's order. */
  rows(source: ExportSource, scope: ExportScope, page: Page): Promise<Row[]>;
  /**
   * The ZIP's way to read a large table: its first `limit` rows in the family's order, a page at a
   * time, from ONE aggregation (scratch.ts); a table without it is read by `rows` page by page.
   */
  pages?(clickhouse: ClickHouseClient, scope: ExportScope, limit: number, signal: AbortSignal): AsyncIterable<Row[]>;
}

/** Rows per page the ZIP writer reads and writes before reading the next: what memory holds. */
export const PAGE_ROWS = 5_000;

/** Rows of one file at most (the breakdown family's own offset bound). */
export const MAX_EXPORT_ROWS = 100_000;

const scoped = (scope: ExportScope) => ({ websiteId: scope.websiteId, range: scope.range, filters: scope.filters });

/**
 * A breakdown by `dimension`, sorted by visitors like the family's default: read in pages of
 * the family's row cap (MAX_BREAKDOWN_ROWS), every figure computed.
 */
function breakdown(file: string, dimension: Dimension, name: string): Table<BreakdownRow> {
  return {
    file,
    family: `breakdown(dimension: ${dimension}, sort: VISITORS)`,
    columns: [
      { name, value: (r) => r.value },
      { name: 'visitors', value: (r) => r.visitors },
      { name: 'visits', value: (r) => r.visits },
      { name: 'pageviews', value: (r) => r.pageviews },
      { name: 'bounceRate', value: (r) => r.bounceRate },
      { name: 'avgTimeOnPage', value: (r) => r.avgTimeOnPage },
      { name: 'avgScrollDepth', value: (r) => r.avgScrollDepth },
      { name: 'outgoingClicks', value: (r) => r.outgoingClicks },
    ],
    async rows(source, scope, page) {
      const rows: BreakdownRow[] = [];
      while (rows.length < page.limit) {
        const limit = Math.min(MAX_BREAKDOWN_ROWS, page.limit - rows.length);
        const chunk = await source.analytics.breakdown.load({
          websiteId: scope.websiteId,
          range: scope.range,
          filters: scope.filters,
          dimension,
          page: { sort: 'VISITORS', limit, offset: page.offset + rows.length },
          costly: COSTLY_FIGURES,
        });
        rows.push(...chunk);
        if (chunk.length < limit) break;
      }
      return rows;
    },
    async *pages(clickhouse, scope, limit, signal) {
      const numbered = numberedBreakdownSql(
        { websiteIds: [scope.websiteId], range: scope.range, filters: scope.filters },
        dimension,
        'VISITORS',
        COSTLY_FIGURES,
        limit,
      );
      for await (const rows of scratchPages<BreakdownDbRow>(clickhouse, numbered, PAGE_ROWS, signal))
        yield rows.map(breakdownRow);
    },
  };
}

/** A family answered whole (bounded by its own definition), cut into pages here. */
function whole<Row>(
  file: string,
  family: string,
  columns: CsvColumn<Row>[],
  load: (source: ExportSource, scope: ExportScope) => Promise<Row[]>,
): Table<Row> {
  return {
    file,
    family,
    columns,
    rows: async (source, scope, page) => (await load(source, scope)).slice(page.offset, page.offset + page.limit),
  };
}

export const TABLES = {
  PAGES: breakdown('pages.csv', 'PATH', 'path'),
  ENTRY_PAGES: breakdown('entry-pages.csv', 'ENTRY_PAGE', 'entryPage'),
  EXIT_PAGES: breakdown('exit-pages.csv', 'EXIT_PAGE', 'exitPage'),
  CHANNELS: breakdown('channels.csv', 'CHANNEL', 'channel'),
  SOURCES: breakdown('sources.csv', 'SOURCE', 'source'),
  REFERRERS: breakdown('referrers.csv', 'REFERRER', 'referrer'),
  UTM_SOURCES: breakdown('utm-sources.csv', 'UTM_SOURCE', 'utmSource'),
  UTM_MEDIUMS: breakdown('utm-mediums.csv', 'UTM_MEDIUM', 'utmMedium'),
  UTM_CAMPAIGNS: breakdown('utm-campaigns.csv', 'UTM_CAMPAIGN', 'utmCampaign'),
  UTM_TERMS: breakdown('utm-terms.csv', 'UTM_TERM', 'utmTerm'),
  UTM_CONTENTS: breakdown('utm-contents.csv', 'UTM_CONTENT', 'utmContent'),
  COUNTRIES: breakdown('countries.csv', 'COUNTRY', 'country'),
  REGIONS: breakdown('regions.csv', 'REGION', 'region'),
  CITIES: breakdown('cities.csv', 'CITY', 'city'),
  DEVICES: breakdown('devices.csv', 'DEVICE', 'device'),
  BROWSERS: breakdown('browsers.csv', 'BROWSER', 'browser'),
  OPERATING_SYSTEMS: breakdown('operating-systems.csv', 'OS', 'os'),
  SCREEN_RESOLUTIONS: breakdown('screen-resolutions.csv', 'SCREEN_RESOLUTION', 'screenResolution'),
  LANGUAGES: breakdown('languages.csv', 'LANGUAGE', 'language'),
  CUSTOM_EVENTS: whole<{ name: string; occurrences: number; visitors: number }>(
    'custom-events.csv',
    'customEvents',
    [
      { name: 'name', value: (r) => r.name },
      { name: 'occurrences', value: (r) => r.occurrences },
      { name: 'visitors', value: (r) => r.visitors },
    ],
    (source, scope) => source.analytics.customEvents.load(scoped(scope)),
  ),
  GOALS: whole<GoalConversion>(
    'goals.csv',
    'goals',
    [
      { name: 'goalId', value: (r) => r.goalId },
      { name: 'name', value: (r) => r.name },
      { name: 'visitors', value: (r) => r.visitors },
      { name: 'conversions', value: (r) => r.conversions },
      { name: 'rate', value: (r) => r.rate },
      // Never summed across currencies: `USD 120.5; EUR 30` (the field's order, largest first), empty without revenue.
      { name: 'revenue', value: (r) => r.revenue.map((a) => `${a.currency} ${a.amount}`).join('; ') },
    ],
    (source, scope) => goalConversions(source, scoped(scope)),
  ),
  TIMESERIES: whole<TimeseriesPoint>(
    'timeseries.csv',
    'timeseries(interval)',
    [
      { name: 'time', value: (r) => r.time },
      { name: 'pageviews', value: (r) => r.pageviews },
      { name: 'visitors', value: (r) => r.visitors },
      { name: 'sessions', value: (r) => r.sessions },
    ],
    (source, scope) => source.analytics.timeseries.load({ ...scoped(scope), interval: scope.interval }),
  ),
} satisfies Record<string, Table<unknown>>;

/** A column's header for a group key: its field name in `dimensions { … }`, `property:<key>` for a property. */
export const groupKeyHeader = (d: GroupDimension) =>
  d.kind === 'registry' ? dimensionField(d.dimension) : d.kind === 'time' ? timeField(d.interval) : `property:${d.key}`;

/** A goal figure column of groups.csv: its header, the GroupRow goals key it reads, revenue's one currency. */
export interface GoalColumn {
  figure: GoalFigure;
  /** The goal id; null: any enabled goal. */
  goal: string | null;
  key: string;
  currency: string | null;
  header: string;
}

/** A goal figure of a row (or its comparison) as AnalyticsGroupMetrics answers it: revenue in one currency, 0 when none. */
const goalCell = (side: Pick<GroupRow, 'goals'> | null | undefined, g: GoalColumn) => {
  const found = side?.goals[g.key];
  if (g.currency === null || found == null) return found as number | null | undefined;
  return (found as Record<string, number>)[g.currency] ?? 0;
};

/**
 * A `groups` query as a table (groups.csv): one column per dimension in request order (groupKeyHeader),
 * then one per metric named after it, then one per goal figure (GoalColumn.header); with `compared`, then
 * `comparison.<metric>` and `change.<metric>` per metric and `comparison.<goal header>` per goal figure
 * (the fields of AnalyticsGroup of the same names). Read in pages of the groups field's own row cap, in
 * the plan's order.
 */
export function groupsTable(
  plan: GroupsPlan,
  metrics: readonly GroupMetric[],
  compared: boolean,
  goals: readonly GoalColumn[] = [],
): Table<GroupRow> {
  const figures = [
    ...metrics.map((m) => ({ name: m, value: (r: GroupRow) => r.metrics[m] })),
    ...goals.map((g) => ({ name: g.header, value: (r: GroupRow) => goalCell(r, g) })),
  ];
  return {
    file: 'groups.csv',
    family: 'groups',
    columns: [
      ...plan.dimensions.map((d) => ({ name: groupKeyHeader(d), value: (r: GroupRow) => r.values[dimensionId(d)] })),
      ...figures,
      ...(compared
        ? [
            ...metrics.map((m) => ({ name: `comparison.${m}`, value: (r: GroupRow) => r.comparison?.metrics[m] })),
            ...metrics.map((m) => ({
              name: `change.${m}`,
              value: (r: GroupRow) => change(r.metrics[m] ?? null, r.comparison?.metrics[m] ?? null),
            })),
            ...goals.map((g) => ({
              name: `comparison.${g.header}`,
              value: (r: GroupRow) => goalCell(r.comparison, g),
            })),
          ]
        : []),
    ],
    async rows(source, scope, page) {
      const rows: GroupRow[] = [];
      while (rows.length < page.limit) {
        const limit = Math.min(GROUP_LIMITS.rows, page.limit - rows.length);
        const chunk = await source.analytics.groups.load({
          ...scoped(scope),
          plan: { ...plan, limit, offset: page.offset + rows.length },
          comparison: compared ? (scope.comparison ?? null) : null,
        });
        rows.push(...chunk);
        if (chunk.length < limit) break;
      }
      return rows;
    },
  };
}

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** A table's CSV text over one page: with its header unless asked not to, and its row count. */
export async function tableCsv(
  table: Table<unknown>,
  source: ExportSource,
  scope: ExportScope,
  page: Page,
  header = true,
): Promise<{ text: string; rows: number }> {
  const rows = await table.rows(source, scope, page);
  return { text: (header ? csvHeader(table.columns) : '') + csvRows(table.columns, rows), rows: rows.length };
}
