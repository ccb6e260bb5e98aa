import { z } from 'zod';
import type { GoalFigure } from '../analytics/conversions.ts';
import { GROUP_LIMITS, type GroupDimension, type GroupMetric, METRIC_NAMES } from '../analytics/groups.ts';
import { builder } from '../builder.ts';
import { InputError, ResultTooLargeError } from '../errors.ts';
import { type GoalColumn, groupsTable, MAX_EXPORT_ROWS, TABLE_NAMES, TABLES, tableCsv } from '../export/tables.ts';
import { Analytics } from './analytics.ts';
import { goalKey, goalsOf, OrderRef, planScopeGroups, REGISTRY_BY_FIELD, TIME_BY_FIELD } from './analytics-groups.ts';
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

/**
 * A CSV costs what the list it writes would as a selection (Pothos counts a list 10× its
 * selections, the complexity plugin's default multiplier): 10 points per column, not the 1 of a
 * string field; a compared groups CSV twice that, as it reads both periods.
 */
const CSV_COLUMN_POINTS = 10;

builder.objectField(Analytics, 'csv', (t) =>
  t.string({
    complexity: (args) => CSV_COLUMN_POINTS * TABLES[args.table].columns.length,
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

const GoalFigureRef = builder.enumType('AnalyticsGoalFigure', {
  description: 'A goal figure of AnalyticsGroupMetrics (defined there).',
  values: {
    CONVERSIONS: { value: 'conversions', description: 'AnalyticsGroupMetrics.conversions.' },
    CONVERSION_RATE: { value: 'conversionRate', description: 'AnalyticsGroupMetrics.conversionRate.' },
    REVENUE: { value: 'revenue', description: 'AnalyticsGroupMetrics.revenue (in `currency`).' },
  } as const,
});

/** A goal column's header: `<figure>:<goal id>` (`*` for any enabled goal), revenue with `:<CURRENCY>`. */
const GOAL_HEADER =
  '`<figure>:<goal id>` (`<figure>:*` without a goal; revenue as `revenue:<goal id>:<CURRENCY>`), figure being ' +
  'conversions, conversionRate or revenue';

const GroupsGoalInput = builder.inputType('AnalyticsGroupsGoalInput', {
  description: `Goal figures of one goal, as \`metrics { conversions(goal: …) … }\` selects them; columns ${GOAL_HEADER}.`,
  fields: (t) => ({
    goal: t.id({
      required: false,
      description: 'The goal (NOT_FOUND unless an enabled goal of this website); none: any enabled goal.',
    }),
    metrics: t.field({ type: [GoalFigureRef], required: true, description: 'Its figures, in column order.' }),
    currency: t.string({
      required: false,
      description: 'ISO currency code of REVENUE (required with it), as the currency argument of `revenue`.',
    }),
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
      description: 'The figures, as `metrics { … }` selects them (visitors when neither metrics nor goals).',
    }),
    goals: t.field({
      type: [GroupsGoalInput],
      defaultValue: [],
      description:
        `Goal figures, after the metrics, each column ${GOAL_HEADER}. At most ${GROUP_LIMITS.goals} goals; ` +
        'a grouping they have no meaning for is refused with UNSUPPORTED_GROUPING, as in `groups`.',
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
    goals?: readonly { goal?: string | number | null; metrics: readonly string[]; currency?: string | null }[] | null;
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
  const goals = (input.goals ?? []).flatMap((entry, i): GoalColumn[] => {
    const goal = entry.goal == null ? null : String(entry.goal);
    return [...new Set(entry.metrics as GoalFigure[])].map((figure) => {
      const key = goalKey(figure, goal);
      if (figure !== 'revenue') return { figure, goal, key, currency: null, header: `${figure}:${goal ?? '*'}` };
      const currency = entry.currency?.toUpperCase();
      if (!currency || !/^[A-Z]{3}$/.test(currency)) {
        throw InputError.at(
          [...at, 'goals', String(i), 'currency'],
          'REVENUE needs an ISO currency code such as "USD"',
        );
      }
      return { figure, goal, key, currency, header: `revenue:${goal ?? '*'}:${currency}` };
    });
  });
  return {
    dimensions,
    metrics: metrics.length || goals.length ? metrics : (['visitors'] as GroupMetric[]),
    // The same goal figure asked twice is one column.
    goalColumns: [...new Map(goals.map((g) => [g.header, g])).values()],
    orderBy: input.orderBy ?? [],
    compared: input.compare ?? false,
  };
}

builder.objectField(Analytics, 'groupsCsv', (t) =>
  t.string({
    complexity: ({ query }) =>
      CSV_COLUMN_POINTS *
      Math.max(
        1,
        (query.dimensions?.length ?? 0) +
          (query.metrics?.length ?? 0) +
          (query.goals ?? []).reduce((sum, g) => sum + g.metrics.length, 0),
      ) *
      (query.compare ? 2 : 1),
    description:
      `A \`groups\` query as ${CSV_RULE}: the groups the \`groups\` field answers for the same dimensions, metrics ` +
      'and order, with the same filters and refusals. Columns: each dimension by its field name (time as ISO ' +
      'instants in UTC, a property as `property:<key>`), then each metric by name, then each goal figure as ' +
      `${GOAL_HEADER}, then with \`compare\` ` +
      '`comparison.<metric>` and `change.<metric>` per metric and `comparison.<goal column>` per goal figure (README “Export”). Empty cells for nulls. At most ' +
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
      const goals = await goalsOf(s, ctx, request.goalColumns, ['query', 'goals']);
      const { plan } = planScopeGroups(s, ctx, { ...request, ...goals, limit: GROUP_LIMITS.rows, offset: 0 });
      const { text } = await tableCsv(
        groupsTable(plan, request.metrics, request.compared && s.comparison != null, request.goalColumns),
        ctx,
        { ...s, interval: 'DAY' },
        { limit: args.first ?? 1000, offset: args.offset ?? 0 },
        args.header ?? true,
      );
      return bounded(text, s.websiteId);
    },
  }),
);
