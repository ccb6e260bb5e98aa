import type { ErrorGroup, ErrorOccurrence } from '../analytics/families/errors.ts';
import type { VitalStats } from '../analytics/families/vitals.ts';
import { VITAL_DIMENSIONS } from '../analytics/families/vitals.ts';
import { builder } from '../builder.ts';
import { Analytics, count, PAGE_LIMITS } from './analytics.ts';
import { checkedInterval, enumOf, IntervalRef } from './analytics-inputs.ts';

/** WebsiteAnalytics's quality figures: web vitals and JavaScript errors. */

const VitalDimensionRef = enumOf(
  'VitalDimension',
  Object.keys(VITAL_DIMENSIONS) as (keyof typeof VITAL_DIMENSIONS)[],
  'What vitals group by.',
  (d) => (d === 'NONE' ? 'Overall.' : `By ${d.toLowerCase()}.`),
);

const Vital = builder.objectRef<VitalStats>('VitalStats').implement({
  description:
    'A web vital’s distribution over page views, each counted once with its latest report (quantiles: exact below 8192 page views, a close estimate above).',
  fields: (t) => ({
    metric: t.exposeString('metric', { description: 'LCP, FCP, CLS, INP, TTFB or FPS.' }),
    value: t.exposeString('value', { description: 'The dimension’s value (empty without one).' }),
    samples: t.exposeInt('samples', { description: 'Page views measured.' }),
    p50: t.exposeFloat('p50', { description: 'Median.' }),
    p75: t.exposeFloat('p75', { description: '75th percentile (what Google rates).' }),
    p90: t.exposeFloat('p90', { description: '90th percentile.' }),
    p95: t.exposeFloat('p95', { description: '95th percentile.' }),
    p99: t.exposeFloat('p99', { description: '99th percentile.' }),
    good: t.exposeFloat('good', {
      nullable: true,
      description: 'Share rated good by Google’s thresholds (null for FPS).',
    }),
    needsImprovement: t.exposeFloat('needsImprovement', {
      nullable: true,
      description: 'Share rated needs improvement.',
    }),
    poor: t.exposeFloat('poor', { nullable: true, description: 'Share rated poor.' }),
  }),
});

const ErrorGroupRef = builder.objectRef<ErrorGroup>('ErrorGroup').implement({
  description: 'Errors with the same type and message.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Error type, e.g. TypeError.' }),
    message: t.exposeString('message', { description: 'Message.' }),
    occurrences: t.exposeInt('occurrences', { description: 'How often it happened.' }),
    visitors: t.exposeInt('visitors', { description: 'Affected visitors (uniq: ≈1% beyond tens of thousands).' }),
    sessions: t.exposeInt('sessions', { description: 'Affected sessions.' }),
    lastSeen: t.field({ type: 'DateTime', description: 'Latest occurrence.', resolve: (e) => e.lastSeen }),
  }),
});

const Occurrence = builder.objectRef<ErrorOccurrence>('ErrorOccurrence').implement({
  description: 'One error as it happened.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'When.', resolve: (e) => e.time }),
    type: t.exposeString('type', { description: 'Error type.' }),
    message: t.exposeString('message', { description: 'Message.' }),
    path: t.exposeString('path', { description: 'Page path.' }),
    filename: t.exposeString('filename', { nullable: true, description: 'Script URL.' }),
    lineno: t.exposeInt('lineno', { nullable: true, description: 'Line.' }),
    colno: t.exposeInt('colno', { nullable: true, description: 'Column.' }),
    stack: t.exposeString('stack', { nullable: true, description: 'Stack trace (trimmed by the tracker).' }),
    browser: t.exposeString('browser', { description: 'Browser.' }),
    country: t.exposeString('country', { description: 'Country code.' }),
  }),
});

const VitalPoint = builder.objectRef<{ time: Date; p75: number | null; samples: number }>('VitalPoint').implement({
  description: 'A vital in one bucket.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
    p75: t.exposeFloat('p75', { nullable: true, description: '75th percentile (null without samples).' }),
    samples: t.exposeInt('samples', { description: 'Page views measured (in the bucket of their latest report).' }),
  }),
});

const ErrorPoint = builder.objectRef<{ time: Date; errors: number }>('ErrorPoint').implement({
  description: 'Errors in one bucket.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
    errors: t.exposeInt('errors', { description: 'Errors.' }),
  }),
});

const ErrorPage = builder.objectRef<{ value: string; errors: number; visitors: number }>('ErrorPage').implement({
  description: 'Errors on one page.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'Path.' }),
    errors: t.exposeInt('errors', { description: 'Errors.' }),
    visitors: t.exposeInt('visitors', { description: 'Affected visitors (uniq).' }),
  }),
});

builder.objectFields(Analytics, (t) => ({
  vitals: t.field({
    type: [Vital],
    description: 'Web vitals percentiles and ratings of the page views the filters select.',
    args: {
      dimension: t.arg({ type: VitalDimensionRef, defaultValue: 'NONE', description: 'Group by.' }),
      path: t.arg.string({ required: false, description: 'Only this page.' }),
    },
    resolve: (s, { dimension, path }, ctx) =>
      ctx.analytics.vitals.load({ ...s, dimension: dimension ?? 'NONE', path: path ?? undefined }),
  }),
  vitalsTimeseries: t.field({
    type: [VitalPoint],
    description: 'A vital’s p75 per bucket.',
    args: {
      metric: t.arg.string({ required: true, description: 'LCP, FCP, CLS, INP, TTFB or FPS.' }),
      interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }),
    },
    resolve: (s, { metric, interval }, ctx) =>
      ctx.analytics.vitalsTimeseries.load({ ...s, metric, interval: checkedInterval(s.range, interval) }),
  }),
  errorTrend: t.field({
    type: [ErrorPoint],
    description: 'Errors per bucket (from the hourly rollup when the range is hour-aligned and unfiltered).',
    args: { interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }) },
    resolve: (s, { interval }, ctx) =>
      ctx.analytics.errorTrend.load({ ...s, interval: checkedInterval(s.range, interval) }),
  }),
  errorsByPage: t.field({
    type: [ErrorPage],
    description: 'Pages with the most errors.',
    args: {
      first: t.arg.int({
        defaultValue: 10,
        validate: count(PAGE_LIMITS.errorsByPage.first),
        description: `Pages (≤ ${PAGE_LIMITS.errorsByPage.first}).`,
      }),
    },
    resolve: (s, { first }, ctx) => ctx.analytics.errorsByPage.load({ ...s, limit: first ?? 10 }),
  }),
  errors: t.field({
    type: [ErrorGroupRef],
    description: 'Errors grouped by type and message, most frequent first.',
    args: {
      search: t.arg.string({ required: false, description: 'Message substring (case-insensitive).' }),
      first: t.arg.int({
        defaultValue: 20,
        validate: count(PAGE_LIMITS.errors.first),
        description: `Groups (≤ ${PAGE_LIMITS.errors.first}).`,
      }),
    },
    resolve: (s, { search, first }, ctx) =>
      ctx.analytics.errorGroups.load({
        ...s,
        search: search ?? undefined,
        limit: first ?? 20,
      }),
  }),
  recentErrors: t.field({
    type: [Occurrence],
    authScopes: (scope) => scope.owner === true,
    description: 'The latest errors with their stacks (owners only: not on public dashboards).',
    args: {
      search: t.arg.string({ required: false, description: 'Message substring (case-insensitive).' }),
      first: t.arg.int({
        defaultValue: 20,
        validate: count(PAGE_LIMITS.recentErrors.first),
        description: `Errors (≤ ${PAGE_LIMITS.recentErrors.first}).`,
      }),
    },
    resolve: (s, { search, first }, ctx) =>
      ctx.analytics.recentErrors.load({
        ...s,
        search: search ?? undefined,
        limit: first ?? 20,
      }),
  }),
}));
