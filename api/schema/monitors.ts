import { z } from 'zod';
import { checkPublicTarget, PrivateTargetError } from '../../runtime/private-targets.ts';
import { INCIDENT_THRESHOLD, type Incident } from '../analytics/families/uptime.ts';
import type { DateRange } from '../analytics/range.ts';
import { checkWebsiteRestriction, ownRecords, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { readsAnalytics } from './analytics.ts';
import { DateRangeInput, parseRange } from './analytics-inputs.ts';
import { mutationErrors } from './errors.ts';
import { httpUrl } from './links.ts';
import { findOwnWebsite } from './websites.ts';

const UptimeMonitorRef = builder.prismaObject('UptimeMonitor', {
  description: 'A URL checked on a schedule; results land in ClickHouse (uptime).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Monitor id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    url: t.exposeString('url', { description: 'URL checked (http or https).' }),
    method: t.exposeString('method', { description: 'HTTP method of the check.' }),
    intervalSeconds: t.exposeInt('intervalSeconds', { description: 'Seconds between checks.' }),
    timeoutMs: t.exposeInt('timeoutMs', { description: 'A check slower than this fails.' }),
    expectedStatus: t.exposeInt('expectedStatus', { nullable: true, description: 'Expected status; null: any 2xx.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether checks run.' }),
    websiteId: t.exposeID('websiteId', { nullable: true, description: 'Website the monitor belongs to.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.prismaObjectField('Organization', 'uptimeMonitors', (t) =>
  t.relatedConnection('monitors', {
    description: 'Uptime monitors of the organization, oldest first.',
    authScopes: { readMetadata: true },
    cursor: 'id',
    totalCount: true,
    query: (_args, ctx) => ({
      where: ownRecords(requireAuth(ctx.auth)),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  }),
);

const UptimeMonitorInput = builder.inputType('UptimeMonitorInput', {
  description: 'An uptime monitor’s fields.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().min(1).max(100), description: 'Display name.' }),
    url: t.string({ required: true, validate: httpUrl, description: 'URL to check.' }),
    method: t.string({
      defaultValue: 'GET',
      validate: z.enum(['GET', 'HEAD', 'POST']),
      description: 'GET, HEAD or POST.',
    }),
    intervalSeconds: t.int({
      defaultValue: 60,
      validate: z.number().int().min(30).max(86_400),
      description: 'Seconds between checks (30 s to 1 day).',
    }),
    timeoutMs: t.int({
      defaultValue: 10_000,
      validate: z.number().int().min(100).max(60_000),
      description: 'Timeout in milliseconds.',
    }),
    expectedStatus: t.int({ validate: z.number().int().min(100).max(599), description: 'Expected HTTP status.' }),
    enabled: t.boolean({ defaultValue: true, description: 'Whether checks run.' }),
    websiteId: t.id({ description: 'Website the monitor belongs to.' }),
  }),
});

async function monitorData(ctx: Context, input: typeof UptimeMonitorInput.$inferInput) {
  const websiteId = input.websiteId ? (await findOwnWebsite(ctx, String(input.websiteId))).id : null;
  checkWebsiteRestriction(requireAuth(ctx.auth), websiteId);
  // Checked again at every check (DNS can change, redirects can point anywhere): this only
  // refuses early what could never be checked.
  if (!ctx.uptimeAllowPrivateTargets) {
    try {
      await checkPublicTarget(new URL(input.url));
    } catch (error) {
      if (error instanceof PrivateTargetError) throw InputError.at(['input', 'url'], error.message);
      throw error;
    }
  }
  return {
    name: input.name,
    url: input.url,
    method: input.method ?? 'GET',
    intervalSeconds: input.intervalSeconds ?? 60,
    timeoutMs: input.timeoutMs ?? 10_000,
    expectedStatus: input.expectedStatus ?? null,
    enabled: input.enabled ?? true,
    websiteId,
  };
}

async function findOwnMonitor(ctx: Context, id: string) {
  const monitor = await ctx.prisma.uptimeMonitor.findFirst({ where: { id, ...ownRecords(requireAuth(ctx.auth)) } });
  if (!monitor) throw new NotFoundError('UptimeMonitor');
  return monitor;
}

builder.mutationFields((t) => ({
  createUptimeMonitor: t.field({
    type: UptimeMonitorRef,
    description: 'Creates an uptime monitor.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: UptimeMonitorInput, required: true, description: 'The monitor.' }) },
    resolve: async (_root, { input }, ctx) => {
      const data = await monitorData(ctx, input);
      return ctx.prisma.uptimeMonitor.create({
        data: { ...data, organizationId: requireAuth(ctx.auth).organizationId },
      });
    },
  }),
  updateUptimeMonitor: t.field({
    type: UptimeMonitorRef,
    description: 'Replaces an uptime monitor’s fields.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Monitor id.' }),
      input: t.arg({ type: UptimeMonitorInput, required: true, description: 'The new fields.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const monitor = await findOwnMonitor(ctx, String(id));
      return ctx.prisma.uptimeMonitor.update({ where: { id: monitor.id }, data: await monitorData(ctx, input) });
    },
  }),
  deleteUptimeMonitor: t.field({
    type: UptimeMonitorRef,
    description: 'Deletes an uptime monitor; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Monitor id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const monitor = await findOwnMonitor(ctx, String(id));
      return ctx.prisma.uptimeMonitor.delete({ where: { id: monitor.id } });
    },
  }),
}));

const IncidentRef = builder.objectRef<Incident>('UptimeIncident').implement({
  description: `At least ${INCIDENT_THRESHOLD} consecutive failed checks; a successful check ends it.`,
  fields: (t) => ({
    started: t.field({ type: 'DateTime', description: 'First failed check.', resolve: (i) => i.started }),
    ended: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'First successful check after it; null while ongoing.',
      resolve: (i) => i.ended,
    }),
    failures: t.exposeInt('failures', { description: 'Failed checks in it.' }),
    lastError: t.exposeString('lastError', { description: 'Error of the last failed check.' }),
  }),
});

const UptimeStatsRef = builder.objectRef<{ monitorId: string; range: DateRange }>('UptimeStats').implement({
  description: 'Availability, latency and incidents of a monitor over a range.',
  fields: (t) => {
    const stats = (s: { monitorId: string; range: DateRange }, ctx: Context) =>
      ctx.analytics.uptime.load({ ownerId: s.monitorId, range: s.range });
    return {
      checks: t.int({ description: 'Checks made.', resolve: async (s, _, ctx) => (await stats(s, ctx)).checks }),
      availability: t.float({
        nullable: true,
        description: 'Share of checks up or degraded, 0–1 (null without checks).',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).availability,
      }),
      degradedChecks: t.int({
        description: 'Checks that answered but slowly (over half the timeout).',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).degraded,
      }),
      latencyP50Ms: t.float({
        nullable: true,
        description: 'Median total time.',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).latencyP50Ms,
      }),
      latencyP95Ms: t.float({
        nullable: true,
        description: '95th percentile total time.',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).latencyP95Ms,
      }),
      latencyP99Ms: t.float({
        nullable: true,
        description: '99th percentile total time.',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).latencyP99Ms,
      }),
      incidents: t.field({
        type: [IncidentRef],
        description: 'Incidents, newest first.',
        resolve: (s, _, ctx) => ctx.analytics.incidents.load({ ownerId: s.monitorId, range: s.range }),
      }),
    };
  },
});

builder.prismaObjectFields('UptimeMonitor', (t) => ({
  stats: t.field({
    type: UptimeStatsRef,
    description: 'Uptime analytics over a range. Needs read:analytics.',
    authScopes: readsAnalytics,
    args: { range: t.arg({ type: DateRangeInput, required: true, description: 'The period.' }) },
    resolve: (monitor, { range }) => ({ monitorId: monitor.id, range: parseRange(range) }),
  }),
}));
