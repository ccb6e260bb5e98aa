import type { AiUsageRow } from '../analytics/families/ai-usage.ts';
import type { DateRange } from '../analytics/range.ts';
import { can } from '../auth.ts';
import { builder } from '../builder.ts';
import { checkedInterval, DateRangeInput, IntervalRef, parseRange } from './analytics-inputs.ts';

/** Organization.aiUsage: LLM calls sent to POST /v1/llm. */

const AiUsage = builder.objectRef<AiUsageRow>('AiUsage').implement({
  description: 'LLM calls of one provider and model.',
  fields: (t) => ({
    provider: t.exposeString('provider', { description: 'Provider, e.g. openai.' }),
    model: t.exposeString('model', { description: 'Model.' }),
    calls: t.exposeInt('calls', { description: 'Calls.' }),
    errors: t.exposeInt('errors', { description: 'Failed calls (an error or HTTP status ≥ 400).' }),
    inputTokens: t.exposeFloat('inputTokens', { description: 'Input tokens.' }),
    outputTokens: t.exposeFloat('outputTokens', { description: 'Output tokens.' }),
    totalTokens: t.exposeFloat('totalTokens', { description: 'All tokens.' }),
    costUsd: t.exposeFloat('costUsd', { description: 'Cost in US dollars, as reported.' }),
    latencyP50Ms: t.exposeFloat('latencyP50Ms', { description: 'Median duration.' }),
    latencyP95Ms: t.exposeFloat('latencyP95Ms', { description: '95th percentile duration.' }),
    latencyP99Ms: t.exposeFloat('latencyP99Ms', { description: '99th percentile duration.' }),
  }),
});

const AiPoint = builder
  .objectRef<{ time: Date; calls: number; tokens: number; costUsd: number }>('AiUsagePoint')
  .implement({
    description: 'LLM usage in one bucket.',
    fields: (t) => ({
      time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
      calls: t.exposeInt('calls', { description: 'Calls.' }),
      tokens: t.exposeFloat('tokens', { description: 'Tokens.' }),
      costUsd: t.exposeFloat('costUsd', { description: 'Cost in US dollars.' }),
    }),
  });

const AiUsageReport = builder.objectRef<{ organizationId: string; range: DateRange }>('AiUsageReport').implement({
  description: 'LLM usage of the organization (POST /v1/llm) over a range.',
  fields: (t) => ({
    byModel: t.field({
      type: [AiUsage],
      description: 'Totals by provider and model, busiest first.',
      resolve: (r, _, ctx) => ctx.analytics.aiUsage.load({ ownerId: r.organizationId, range: r.range }),
    }),
    timeseries: t.field({
      type: [AiPoint],
      description: 'Calls, tokens and cost per bucket.',
      args: { interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }) },
      resolve: (r, { interval }, ctx) =>
        ctx.analytics.aiTimeseries.load({
          ownerId: r.organizationId,
          range: r.range,
          interval: checkedInterval(r.range, interval),
        }),
    }),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  aiUsage: t.field({
    type: AiUsageReport,
    description: 'LLM usage over a range. Needs read:analytics and a key not restricted to one website.',
    authScopes: (_org, _args, ctx) => can(ctx.auth, 'readAnalytics') && !ctx.auth?.websiteId,
    args: { range: t.arg({ type: DateRangeInput, required: true, description: 'The period.' }) },
    resolve: (org, { range }) => ({ organizationId: org.id, range: parseRange(range) }),
  }),
}));
