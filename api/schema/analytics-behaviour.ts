import { runQuery } from '../../clickhouse/query.ts';
import type { FunnelStepResult } from '../analytics/families/funnels.ts';
import { type SessionRow, sessionTimeline } from '../analytics/families/sessions.ts';
import { type GoalConversion, goalConversions } from '../analytics/goals.ts';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';
import { Analytics, CurrencyAmountRef, count, GOAL_FIGURE_DOCS, PAGE_LIMITS } from './analytics.ts';

/** WebsiteAnalytics's behaviour of visits: sessions and their timelines, journeys, goals, funnels, retention. */

const SessionRef = builder.objectRef<SessionRow>('AnalyticsSession').implement({
  description: 'One visit.',
  fields: (t) => ({
    id: t.exposeID('sessionId', { description: 'Session id (from the tracker).' }),
    visitor: t.exposeString('visitor', { description: 'Anonymous visitor id.' }),
    started: t.field({ type: 'DateTime', description: 'First event.', resolve: (s) => s.started }),
    ended: t.field({ type: 'DateTime', description: 'Last event.', resolve: (s) => s.ended }),
    durationSeconds: t.exposeFloat('durationSeconds', { description: 'From first to last event.' }),
    pageviews: t.exposeInt('pageviews', { description: 'Page views.' }),
    entryPage: t.exposeString('entryPage', { description: 'First page.' }),
    exitPage: t.exposeString('exitPage', { description: 'Last page.' }),
    referrer: t.exposeString('referrer', { description: 'External referrer.' }),
    country: t.exposeString('country', { description: 'Country code.' }),
    browser: t.exposeString('browser', { description: 'Browser.' }),
    device: t.exposeString('device', { description: 'Device type.' }),
  }),
});

const TimelineEvent = builder
  .objectRef<{ time: Date; name: string; path: string; title: string; properties: string }>('SessionEvent')
  .implement({
    description: 'One event of a session.',
    fields: (t) => ({
      time: t.field({ type: 'DateTime', description: 'When.', resolve: (e) => e.time }),
      name: t.exposeString('name', { description: 'Event name.' }),
      path: t.exposeString('path', { description: 'Page path.' }),
      title: t.exposeString('title', { description: 'Page title.' }),
      properties: t.field({
        type: 'JSON',
        description: 'Custom properties.',
        resolve: (e) => JSON.parse(e.properties || '{}'),
      }),
    }),
  });

const PageTransition = builder.objectRef<{ from: string; to: string; sessions: number }>('PageTransition').implement({
  description: 'Visitors going from one page to the next.',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'From path.' }),
    to: t.exposeString('to', { description: 'To path.' }),
    sessions: t.exposeInt('sessions', { description: 'Times it happened.' }),
  }),
});

const GoalResult = builder.objectRef<GoalConversion>('GoalConversion').implement({
  description: 'A goal’s conversions and revenue over the range and filters.',
  fields: (t) => ({
    goalId: t.exposeID('goalId', { description: 'The goal.' }),
    name: t.exposeString('name', { description: 'Goal name.' }),
    visitors: t.exposeInt('visitors', {
      description: 'Visitors of the visits that started in the range with a page view (the summary’s visitors).',
    }),
    conversions: t.exposeInt('conversions', { description: GOAL_FIGURE_DOCS.conversions }),
    rate: t.exposeFloat('rate', { description: 'conversions ÷ visitors, 0–1 (0 without visitors).' }),
    revenue: t.field({
      type: [CurrencyAmountRef],
      description: `Per currency, largest first. ${GOAL_FIGURE_DOCS.revenue}`,
      resolve: (g) => g.revenue,
    }),
  }),
});

const FunnelStepRef = builder.objectRef<FunnelStepResult & { name: string }>('FunnelStepResult').implement({
  description: 'One step of a funnel (steps must happen in order, within the funnel’s window).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Step name or target.' }),
    visitors: t.exposeInt('visitors', { description: 'Visitors who reached the step.' }),
    conversion: t.exposeFloat('conversion', { description: 'Share of the first step.' }),
    dropOff: t.exposeFloat('dropOff', { description: 'Share of the previous step lost here.' }),
  }),
});

const Cohort = builder.objectRef<{ cohort: Date; visitors: number[] }>('RetentionCohort').implement({
  description: 'Visitors first seen in one week, and how many came back in later weeks.',
  fields: (t) => ({
    week: t.field({ type: 'DateTime', description: 'Cohort week (Monday, local).', resolve: (c) => c.cohort }),
    visitors: t.intList({
      description: 'Active visitors by weeks since the first visit (index 0 = the cohort).',
      resolve: (c) => c.visitors,
    }),
  }),
});

builder.objectFields(Analytics, (t) => ({
  sessions: t.field({
    type: [SessionRef],
    authScopes: (scope) => scope.owner === true,
    description: 'Sessions, newest first (owners only: not on public dashboards).',
    args: {
      first: t.arg.int({
        defaultValue: 20,
        validate: count(PAGE_LIMITS.sessions.first),
        description: `Sessions (≤ ${PAGE_LIMITS.sessions.first}).`,
      }),
      offset: t.arg.int({
        defaultValue: 0,
        validate: count(PAGE_LIMITS.sessions.offset),
        description: `Sessions to skip (≤ ${PAGE_LIMITS.sessions.offset}).`,
      }),
    },
    resolve: (s, { first, offset }, ctx) =>
      ctx.analytics.sessions.load({
        ...s,
        limit: first ?? 20,
        offset: offset ?? 0,
      }),
  }),
  sessionTimeline: t.field({
    type: [TimelineEvent],
    authScopes: (scope) => scope.owner === true,
    description: 'Every event of one session, in order (owners only).',
    args: { sessionId: t.arg.id({ required: true, description: 'Session id.' }) },
    resolve: (s, { sessionId }, ctx) =>
      sessionTimeline((o) => runQuery(ctx.clickhouse, o), s.websiteId, String(sessionId)),
  }),
  journeys: t.field({
    type: [PageTransition],
    description: 'The most common moves from one page to the next.',
    args: {
      first: t.arg.int({
        defaultValue: 20,
        validate: count(PAGE_LIMITS.journeys.first),
        description: `Transitions (≤ ${PAGE_LIMITS.journeys.first}).`,
      }),
    },
    resolve: (s, { first }, ctx) => ctx.analytics.transitions.load({ ...s, limit: first ?? 20 }),
  }),
  goals: t.field({
    type: [GoalResult],
    description: 'Conversions of the website’s enabled goals.',
    resolve: (s, _, ctx) => goalConversions(ctx, s),
  }),
  funnel: t.field({
    type: [FunnelStepRef],
    description: 'A funnel’s steps (computed with ClickHouse’s windowFunnel).',
    args: { funnelId: t.arg.id({ required: true, description: 'Funnel of this website.' }) },
    resolve: async (s, { funnelId }, ctx) => {
      const funnel = await ctx.prisma.funnel.findFirst({
        where: { id: String(funnelId), websiteId: s.websiteId, deletedAt: null },
        include: { steps: { orderBy: { position: 'asc' } } },
      });
      if (!funnel) throw InputError.at(['funnelId'], 'No such funnel for this website');
      const steps = await ctx.analytics.funnel.load({
        ...s,
        steps: funnel.steps.map((step) => ({ type: step.type, target: step.target })),
        windowSeconds: funnel.windowSeconds,
      });
      return steps.map((step, i) => ({ ...step, name: funnel.steps[i]?.name ?? funnel.steps[i]?.target ?? '' }));
    },
  }),
  retention: t.field({
    type: [Cohort],
    description: 'Weekly cohorts by first visit in the range.',
    resolve: (s, _, ctx) => ctx.analytics.retention.load(s),
  }),
}));
