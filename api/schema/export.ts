import { z } from 'zod';
import { GROUP_LIMITS, type GroupDimension, type GroupMetric, METRIC_NAMES } from '../analytics/groups.ts';
import { builder } from '../builder.ts';
import { InputError, ResultTooLargeError } from '../errors.ts';
import { groupsTable, MAX_EXPORT_ROWS, TABLE_NAMES, TABLES, tableCsv } from '../export/tables.ts';
import { Analytics } from './analytics.ts';
import { OrderRef, planScopeGroups, REGISTRY_BY_FIELD, TIME_BY_FIELD } from './analytics-groups.ts';
import { checkedInterval, IntervalRef } from './analytics-inputs.ts';

/** Rows one `csv` call returns at most; more come page by page (offset) or from GET /export. */
export const MAX_CSV_ROWS = 10_000;
/** UTF-8 bytes of one `csv` answer at most (long paths or referrers make wide rows). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

const ExportTableRef = builder.enumType('ExportTable', {
  description:
    'A table analytics exports as CSV: one family of WebsiteAnalytics, its columns named after the family’s fields (README “Export”).',
  values: Object.fromEntries(
    TABLE_NAMES.map((name) => [
      name,
      { value: name, description: `${TABLES[name].file}: WebsiteAnalytics.${TABLES[name].family}.` },
    ]),
  ) as Record<(typeof TABLE_NAMES)[number], { value: (typeof TABLE_NAMES)[number]; description: string }>,
});

/** A `csv` answer within MAX_CSV_BYTES, or RESULT_TOO_LARGE. */
function bounded(text: string, websiteId: string): string {
  if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
    throw new ResultTooLargeError(
      `This CSV is over ${MAX_CSV_BYTES} bytes: ask for fewer rows (first) or download GET /export/${websiteId}.zip.`,
      MAX_CSV_BYTES,
    );
  }
  return text;
}

const CSV_RULE =
  'CSV text (RFC 4180, UTF-8, CRLF line ends, a header row unless header is false; text cells starting with ' +
  '= + - @ tab or CR get a leading apostrophe)';

builder.objectField(Analytics, 'csv', (t) =>
  t.string({
    description:
      `One exported table as ${CSV_RULE}: the same rows as its family, with the same filters. At most ${MAX_CSV_ROWS} rows and ` +
      `${MAX_CSV_BYTES} bytes (RESULT_TOO_LARGE beyond: page with offset, or download GET /export/<websiteId>.zip).`,
    args: {
      table: t.arg({ type: ExportTableRef, required: true, description: 'Which table.' }),
      first: t.arg.int({
        defaultValue: 1000,
        validate: z.number().int().min(0).max(MAX_CSV_ROWS),
        description: `Rows (≤ ${MAX_CSV_ROWS}).`,
      }),
      offset: t.arg.int({
        defaultValue: 0,
        validate: z.number().int().min(0).max(MAX_EXPORT_ROWS),
        description: `Rows to skip (≤ ${MAX_EXPORT_ROWS}).`,
      }),
      header: t.arg.boolean({ defaultValue: true, description: 'Start with the header row.' }),
      interval: t.arg({
        type: IntervalRef,
        defaultValue: 'DAY',
        description: 'Bucket size of TIMESERIES (ignored by the other tables).',
      }),
    },
    resolve: async (s, args, ctx) => {
      const interval = checkedInterval(s.range, args.interval ?? 'DAY');
      const { text } = await tableCsv(
        TABLES[args.table],
        ctx,
        { ...s, interval },
        { limit: args.first ?? 1000, offset: args.offset ?? 0 },
        args.header ?? true,
      );
      return bounded(text, s.websiteId);
    },
  }),
);

const GroupFieldRef = builder.enumType('AnalyticsGroupField', {
  description: 'A dimension field of AnalyticsGroupDimensions other than `property`, by its field name.',
  values: Object.fromEntries(
    [...REGISTRY_BY_FIELD.keys(), ...TIME_BY_FIELD.keys()].map((field) => [
      field,
      { value: field, description: `AnalyticsGroupDimensions.${field}.` },
    ]),
  ) as Record<string, { value: string; description: string }>,
});

const GroupMetricRef = builder.enumType('AnalyticsGroupMetric', {
  description: 'A field of AnalyticsGroupMetrics, by its name (defined there).',
  values: Object.fromEntries(
    METRIC_NAMES.map((m) => [m, { value: m, description: `AnalyticsGroupMetrics.${m}.` }]),
  ) as Record<GroupMetric, { value: GroupMetric; description: string }>,
});

const GroupKeyInput = builder.inputType('AnalyticsGroupKeyInput', {
  description: 'One group key: a dimension field, or a custom property by key. Set exactly one.',
  fields: (t) => ({
    field: t.field({ type: GroupFieldRef, required: false, description: 'A dimension or time field.' }),
    property: t.string({ required: false, description: 'A custom event property key (owners only).' }),
  }),
});

export const GroupsQueryInput = builder.inputType('AnalyticsGroupsQueryInput', {
  description:
    'A `groups` query written out, for its CSV: the dimensions and metrics a `groups` selection would select, ' +
    'in column order.',
  fields: (t) => ({
    dimensions: t.field({
      type: [GroupKeyInput],
      defaultValue: [],
      description: 'The group keys, as `dimensions { … }` selects them.',
    }),
    metrics: t.field({
      type: [GroupMetricRef],
      defaultValue: [],
      description: 'The figures, as `metrics { … }` selects them (visitors when none).',
    }),
    orderBy: t.field({ type: [OrderRef], required: false, description: 'As the orderBy argument of `groups`.' }),
    compare: t.boolean({
      defaultValue: false,
      description:
        'Add the columns `comparison.<metric>` and `change.<metric>` (AnalyticsGroup.comparison and change) per metric.',
    }),
  }),
});

/** An AnalyticsGroupsQueryInput as GraphQL coerced it → the groups request it writes out (BAD_USER_INPUT otherwise). */
export function groupsQueryOf(
  input: {
    dimensions?: readonly { field?: string | null; property?: string | null }[] | null;
    metrics?: readonly string[] | null;
    orderBy?: readonly string[] | null;
    compare?: boolean | null;
  },
  at: readonly string[],
) {
  const dimensions = (input.dimensions ?? []).map((key, i): GroupDimension => {
    const registry = key.field == null ? undefined : REGISTRY_BY_FIELD.get(key.field);
    const interval = key.field == null ? undefined : TIME_BY_FIELD.get(key.field);
    if ((key.field == null) === (key.property == null)) {
      throw InputError.at([...at, 'dimensions', String(i)], 'A group key sets exactly one of field and property');
    }
    if (registry) return { kind: 'registry', dimension: registry };
    if (interval) return { kind: 'time', interval };
    return { kind: 'property', key: key.property ?? '' };
  });
  const metrics = [...new Set(input.metrics ?? [])] as GroupMetric[];
  return {
    dimensions,
    metrics: metrics.length ? metrics : (['visitors'] as GroupMetric[]),
    orderBy: input.orderBy ?? [],
    compared: input.compare ?? false,
  };
}

builder.objectField(Analytics, 'groupsCsv', (t) =>
  t.string({
    description:
      `A \`groups\` query as ${CSV_RULE}: the groups the \`groups\` field answers for the same dimensions, metrics ` +
      'and order, with the same filters and refusals. Columns: each dimension by its field name (time as ISO ' +
      'instants in UTC, a property as `property:<key>`), then each metric by name, then with `compare` ' +
      '`comparison.<metric>` and `change.<metric>` per metric (README “Export”). Empty cells for nulls. At most ' +
      `${MAX_CSV_ROWS} rows and ${MAX_CSV_BYTES} bytes (RESULT_TOO_LARGE beyond).`,
    args: {
      query: t.arg({ type: GroupsQueryInput, required: true, description: 'The groups query.' }),
      first: t.arg.int({
        defaultValue: 1000,
        validate: z.number().int().min(0).max(MAX_CSV_ROWS),
        description: `Rows (≤ ${MAX_CSV_ROWS}).`,
      }),
      offset: t.arg.int({
        defaultValue: 0,
        validate: z.number().int().min(0).max(GROUP_LIMITS.offset),
        description: `Rows to skip (≤ ${GROUP_LIMITS.offset}).`,
      }),
      header: t.arg.boolean({ defaultValue: true, description: 'Start with the header row.' }),
    },
    resolve: async (s, args, ctx) => {
      const request = groupsQueryOf(args.query, ['query']);
      const { plan } = planScopeGroups(s, ctx, { ...request, limit: GROUP_LIMITS.rows, offset: 0 });
      const { text } = await tableCsv(
        groupsTable(plan, request.metrics, request.compared && s.comparison != null),
        ctx,
        { ...s, interval: 'DAY' },
        { limit: args.first ?? 1000, offset: args.offset ?? 0 },
        args.header ?? true,
      );
      return bounded(text, s.websiteId);
    },
  }),
);
