import { z } from 'zod';

/**
 * A website's `settings` and `integrations` JSON columns: one schema, read by the API
 * (api/schema/websites.ts) and ingest (ingest/websites.ts), so both agree on what a setting is.
 */

/** Tracking settings. Keys besides these are kept as the owner stored them. */
export const websiteSettings = z.looseObject({
  /** Origins allowed to send events besides the domain (and its subdomains). */
  allowedOrigins: z.array(z.string()).optional(),
  /** Drop events from browsers that send DNT: 1 or Sec-GPC: 1. */
  respectDoNotTrack: z.boolean().optional(),
  /** Keep events of automated browsers that the tracker declares (`data-allow-bots`): test sites. */
  allowBots: z.boolean().optional(),
  /** Origins allowed to embed the website's share links in a frame (api/share-links.ts); none when unset. */
  frameAncestors: z.array(z.string()).optional(),
});
export type WebsiteSettings = z.output<typeof websiteSettings>;

const providerIntegration = z.looseObject({ webhookSecret: z.string().min(1).optional() });

/** Third-party integrations: payment providers' webhook signing secrets. */
export const websiteIntegrations = z.looseObject({
  stripe: providerIntegration.optional(),
  paddle: providerIntegration.optional(),
});
export type WebsiteIntegrations = z.output<typeof websiteIntegrations>;

/**
 * The stored value read through `schema`, field by field: a field of the wrong type (a row
 * written before the schema checked it, or by hand) reads as unset, never failing the website.
 */
function readLeniently<S extends z.ZodObject>(schema: S, stored: unknown): z.output<S> {
  const value = stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...stored } : {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const entry = value as Record<string, unknown>;
    if (entry[key] !== undefined && !(field as z.ZodType).safeParse(entry[key]).success) delete entry[key];
  }
  return schema.parse(value);
}

export const readWebsiteSettings = (stored: unknown): WebsiteSettings => readLeniently(websiteSettings, stored);
export const readWebsiteIntegrations = (stored: unknown): WebsiteIntegrations =>
  readLeniently(websiteIntegrations, stored);
