import { z } from 'zod';
import { eraseVisitor, eraseWebsite } from '../../clickhouse/erasure.ts';
import { builder } from '../builder.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

/**
 * Erasure: a website with all its data, or one visitor's data (GDPR), from PostgreSQL and from
 * every ClickHouse table (clickhouse/erasure.ts). Organization admins only (ADMIN scope, not
 * restricted to one website).
 */

interface Erasure {
  websiteId: string;
  anonymousId: string | null;
}

const ErasureRef = builder.objectRef<Erasure>('Erasure').implement({
  description: 'What was erased.',
  fields: (t) => ({
    websiteId: t.exposeID('websiteId', { description: 'The website erased, or whose visitor was erased.' }),
    anonymousId: t.exposeString('anonymousId', {
      nullable: true,
      description: 'The visitor erased; null when the whole website was.',
    }),
  }),
});

builder.mutationFields((t) => ({
  deleteWebsite: t.field({
    type: ErasureRef,
    description:
      'Deletes a website and all its data for good: its events, visits, rollups, errors, web vitals, custom events, link clicks, revenue and uptime checks in ClickHouse, and its goals, funnels, flags, links, annotations, monitors and website-restricted API keys in PostgreSQL. To keep the data, archive it instead (archiveWebsite).',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Website id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const website = await findOwnWebsite(ctx, String(id));
      // Archived first: ingest (which polls for changed websites every few seconds) stops
      // accepting its events. The row goes last, so a failure midway can be retried.
      await ctx.prisma.website.update({ where: { id: website.id }, data: { status: 'ARCHIVED' } });
      await eraseWebsite(ctx.clickhouse, website.id, ctx.clickhouseCluster);
      await ctx.prisma.$transaction([
        // Links would otherwise outlive the website as organization-wide links (onDelete: SetNull).
        ctx.prisma.link.deleteMany({ where: { websiteId: website.id } }),
        ctx.prisma.website.delete({ where: { id: website.id } }),
      ]);
      return { websiteId: website.id, anonymousId: null };
    },
  }),
  eraseVisitor: t.field({
    type: ErasureRef,
    description:
      "Deletes one visitor's data from a website (GDPR erasure by the tracker's anonymous id): their events, visits, errors, web vitals, custom events and revenue attribution rows; the daily and hourly rollups of the days they were seen are rebuilt without them. PostgreSQL holds nothing per visitor.",
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      anonymousId: t.arg.string({
        required: true,
        validate: z.string().min(1).max(128),
        description: 'The visitor’s anonymous id (the tracker’s `anonymousId`).',
      }),
    },
    resolve: async (_root, { websiteId, anonymousId }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      await eraseVisitor(ctx.clickhouse, website.id, anonymousId, ctx.clickhouseCluster);
      return { websiteId: website.id, anonymousId };
    },
  }),
}));
