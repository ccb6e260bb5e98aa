import { tableRetention } from '../../clickhouse/retention.ts';
import { LIMITS as FILTER_LIMITS } from '../analytics/filters.ts';
import { GROUP_LIMITS } from '../analytics/groups.ts';
import { MAX_RANGE_DAYS } from '../analytics/range.ts';
import { MAX_BUCKETS } from '../analytics/time.ts';
import { builder, QUERY_LIMITS } from '../builder.ts';
import type { RequestCost } from '../context.ts';
import { MAX_EXPORT_ROWS } from '../export/tables.ts';
import { DOCUMENT_LIMITS, MAX_REQUEST_BYTES } from '../request-limits.ts';
import { PAGE_LIMITS } from './analytics.ts';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from './export.ts';

/**
 * The `limits` query (like Cloudflare's `settings` node): the bounds a client must respect, each
 * read from the constant the code enforces it with, and each table's retention from ClickHouse.
 */

interface PageLimit {
  field: string;
  sizeArgument: string;
  maxSize: number;
  offsetArgument: string | null;
  maxOffset: number | null;
}

/** Every paged list field: WebsiteAnalytics's families, `groups` and `csv`. */
const pages = (): PageLimit[] => [
  ...Object.entries(PAGE_LIMITS).map(([name, limit]) => ({
    field: `WebsiteAnalytics.${name}`,
    sizeArgument: 'first',
    maxSize: limit.first,
    offsetArgument: 'offset' in limit ? 'offset' : null,
    maxOffset: 'offset' in limit ? limit.offset : null,
  })),
  {
    field: 'WebsiteAnalytics.groups',
    sizeArgument: 'limit',
    maxSize: GROUP_LIMITS.rows,
    offsetArgument: 'offset',
    maxOffset: GROUP_LIMITS.offset,
  },
  {
    field: 'WebsiteAnalytics.csv',
    sizeArgument: 'first',
    maxSize: MAX_CSV_ROWS,
    offsetArgument: 'offset',
    maxOffset: MAX_EXPORT_ROWS,
  },
];

const int = (description: string, value: () => number) => ({ description, value });

const DatasetRef = builder
  .objectRef<{ table: string; ttl: string | null; retentionDays: number | null }>('DatasetLimits')
  .implement({
    description: 'A stored table (dataset) and how far back it answers.',
    fields: (t) => ({
      table: t.exposeString('table', {
        description:
          'database.table in ClickHouse: analytics.events are the raw events, analytics.visits the visits, analytics.daily_pageviews the daily rollup, and so on.',
      }),
      ttl: t.exposeString('ttl', {
        nullable: true,
        description:
          'The table’s TTL expression as ClickHouse enforces it (rows past it are deleted); null when rows are kept until erased.',
      }),
      retentionDays: t.exposeInt('retentionDays', {
        nullable: true,
        description:
          'Days a row is kept at least, from the TTL’s interval (a year counts 365 days, a month 28); null when the table has no TTL. A range reaching further back answers only the days still kept.',
      }),
      maxRangeDays: t.int({
        description: `Longest range a query over this table may cover, in days (the same for every table; BAD_USER_INPUT beyond).`,
        resolve: () => MAX_RANGE_DAYS,
      }),
    }),
  });

const PageLimitRef = builder.objectRef<PageLimit>('PageLimit').implement({
  description: 'How much one page of a list field may hold (BAD_USER_INPUT beyond).',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Type.field, e.g. WebsiteAnalytics.breakdown.' }),
    sizeArgument: t.exposeString('sizeArgument', { description: 'The argument that sets the page size.' }),
    maxSize: t.exposeInt('maxSize', { description: 'The largest page size the argument takes.' }),
    offsetArgument: t.exposeString('offsetArgument', {
      nullable: true,
      description: 'The argument that skips rows; null when the field has none.',
    }),
    maxOffset: t.exposeInt('maxOffset', {
      nullable: true,
      description: 'The most rows the offset argument may skip; null when the field has none.',
    }),
  }),
});

/** An object type of integer fields, each with its definition and the constant it reads. */
function figures(name: string, description: string, fields: Record<string, ReturnType<typeof int>>) {
  return builder.objectRef<Record<string, never>>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(fields).map(([field, { description, value }]) => [
          field,
          t.int({ description, resolve: value }),
        ]),
      ),
  });
}

const RangeLimitsRef = figures('RangeLimits', 'Bounds of an analytics range (BAD_USER_INPUT beyond).', {
  maxDays: int(
    'Longest range, in days, whatever the table (`datasets` says how far back each one answers).',
    () => MAX_RANGE_DAYS,
  ),
  maxBuckets: int(
    'Most buckets a timeseries (or a time-only `groups`) may fill: range ÷ interval; choose a coarser interval beyond.',
    () => MAX_BUCKETS,
  ),
});

const FilterLimitsRef = figures(
  'FilterLimits',
  'Bounds of analytics filters: `filters`, `filter` and a segment together (BAD_USER_INPUT beyond).',
  {
    leaves: int('Most leaf conditions over all filter trees of one analytics field.', () => FILTER_LIMITS.filters),
    depth: int('Deepest nesting of and / or / not (a leaf alone is depth 1).', () => FILTER_LIMITS.depth),
    values: int('Most values of one IN / NOT_IN leaf.', () => FILTER_LIMITS.values),
    valueLength: int('Longest value of a leaf, in characters.', () => FILTER_LIMITS.valueLength),
    regexLength: int('Longest REGEX pattern, in characters.', () => FILTER_LIMITS.regexLength),
  },
);

const GroupLimitsRef = figures(
  'GroupLimits',
  '`groups` bounds besides its page size (see `pages`); BAD_USER_INPUT beyond.',
  {
    dimensions: int(
      'Most dimension fields selected in one `groups`, property keys included.',
      () => GROUP_LIMITS.dimensions,
    ),
    propertyKeyLength: int('Longest property key, in characters.', () => GROUP_LIMITS.propertyKeyLength),
  },
);

const ExportLimitsRef = figures('ExportLimits', 'Bounds of CSV answers and downloads.', {
  csvBytes: int('Most UTF-8 bytes of one `csv` answer (RESULT_TOO_LARGE beyond).', () => MAX_CSV_BYTES),
  fileRows: int(
    'Most rows of one file of GET /export/<websiteId>.zip (a longer table is cut and marked truncated).',
    () => MAX_EXPORT_ROWS,
  ),
});

const RequestLimitsRef = figures(
  'RequestLimits',
  'Bounds of one request: the body (PAYLOAD_TOO_LARGE, HTTP 413, beyond) and its document (QUERY_TOO_COMPLEX beyond).',
  {
    bodyBytes: int('Most bytes of a request body (document and variables).', () => MAX_REQUEST_BYTES),
    tokens: int('Most lexical tokens of a document.', () => DOCUMENT_LIMITS.tokens),
    nesting: int('Deepest nesting of { [ ( in a document.', () => DOCUMENT_LIMITS.nesting),
    selections: int(
      'Most fields one operation selects, __typename and introspection included, each fragment counted per spread.',
      () => DOCUMENT_LIMITS.selections,
    ),
    aliases: int('Most aliased fields of one operation.', () => DOCUMENT_LIMITS.aliases),
    introspection: int('Most __schema and __type fields of one operation.', () => DOCUMENT_LIMITS.introspection),
    responseBytes: int(
      'Most characters of a JSON response (refused whole beyond).',
      () => DOCUMENT_LIMITS.responseBytes,
    ),
    complexity: int(
      'Highest complexity of an operation over schema fields (1 per field unless it says more, lists 10× their selections); also its cost in points.',
      () => QUERY_LIMITS.complexity,
    ),
    depth: int('Deepest nesting of schema fields.', () => QUERY_LIMITS.depth),
    breadth: int('Most schema fields selected in one operation.', () => QUERY_LIMITS.breadth),
  },
);

const PointBudgetRef = builder.objectRef<RequestCost>('PointBudget').implement({
  description: 'The caller’s budget of complexity points (README “Cost and rate limits”), after this request.',
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Points per window.' }),
    remaining: t.exposeInt('remaining', { description: 'Points left in the window, this request’s already taken.' }),
    restoreRate: t.exposeFloat('restoreRate', {
      description: 'Points restored per second (the whole budget per window, expressed per second).',
    }),
    resetSeconds: t.exposeInt('resetSeconds', { description: 'Seconds until the whole budget is back.' }),
  }),
});

const LimitsRef = builder.objectRef<Record<string, never>>('Limits').implement({
  description: 'The bounds a client must respect, as the API enforces them.',
  fields: (t) => ({
    range: t.field({ type: RangeLimitsRef, description: 'Analytics ranges.', resolve: () => ({}) }),
    datasets: t.field({
      type: [DatasetRef],
      description: 'Each stored table with its retention, read from ClickHouse.',
      resolve: (_root, _args, ctx) => tableRetention(ctx.clickhouse),
    }),
    pages: t.field({ type: [PageLimitRef], description: 'Page sizes of the list fields.', resolve: pages }),
    filters: t.field({ type: FilterLimitsRef, description: 'Analytics filters.', resolve: () => ({}) }),
    groups: t.field({ type: GroupLimitsRef, description: 'Typed `groups`.', resolve: () => ({}) }),
    export: t.field({ type: ExportLimitsRef, description: 'CSV and ZIP exports.', resolve: () => ({}) }),
    request: t.field({ type: RequestLimitsRef, description: 'Every request.', resolve: () => ({}) }),
    budget: t.field({
      type: PointBudgetRef,
      nullable: true,
      description: 'The caller’s point budget; null for a key whose rate limit is off.',
      resolve: (_root, _args, ctx) => ctx.cost ?? null,
    }),
  }),
});

builder.queryField('limits', (t) =>
  t.field({
    type: LimitsRef,
    description:
      'The bounds a client must respect: ranges, retention per table, page sizes, filters, groups, exports, request limits and the caller’s point budget. Needs a caller (an API key, a session or a share link: UNAUTHENTICATED otherwise), charged its points like any field.',
    // Like Cloudflare's `settings` node: anonymous callers have no point budget, and `datasets` reads ClickHouse.
    authScopes: { authenticated: true, shareViewer: true },
    resolve: () => ({}),
  }),
);
