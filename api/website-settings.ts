/**
 * Website.settings as stored: a JSON object. Two entries are typed and changed only through
 * their own fields: `allowedOrigins` (who may send events, read by ingest) and `frameAncestors`
 * (who may embed the website's share links, read by api/share-links.ts).
 */
export interface WebsiteSettings {
  allowedOrigins?: string[];
  frameAncestors?: string[];
  [key: string]: unknown;
}

/** The settings entries that have their own fields and are never set through `settings`. */
export const TYPED_SETTINGS = ['allowedOrigins', 'frameAncestors'] as const;

export const settingsOf = (settings: unknown): WebsiteSettings =>
  settings && typeof settings === 'object' && !Array.isArray(settings) ? (settings as WebsiteSettings) : {};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Origins allowed to embed the website's share links in a frame; none when unset. */
export const frameAncestorsOf = (settings: unknown): string[] => strings(settingsOf(settings).frameAncestors);
