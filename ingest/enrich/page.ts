/** URL, path, referrer and UTM handling: parse, normalise, never trust. */
import { Lru } from './lru.ts';

export interface PageFields {
  url: string;
  path: string;
  referrer: string | null;
  utm: Record<'utm_source' | 'utm_medium' | 'utm_campaign' | 'utm_term' | 'utm_content', string | null>;
}

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
const MAX_UTM = 256;

function parseUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/**
 * "/a/b" with a leading slash, no query, no trailing slash but for the root. A fragment the
 * client put in the path stays: the tracker sends one only for hash-routed sites
 * (`data-hash`), where it is the page.
 */
export function normalisePath(path: string): string {
  const hashAt = path.indexOf('#');
  const fragment = hashAt >= 0 ? path.slice(hashAt + 1) : '';
  const bare = ((hashAt >= 0 ? path.slice(0, hashAt) : path).split('?')[0] ?? '').trim() || '/';
  const withSlash = bare.startsWith('/') ? bare : `/${bare}`;
  const trimmed = withSlash.length > 1 ? withSlash.replace(/\/+$/, '') || '/' : withSlash;
  return fragment ? `${trimmed}#${fragment}` : trimmed;
}

/**
 * Page URL without fragment; path from the URL unless the client sent one; the referrer only
 * when it is another site (origin + path, no query: queries carry tokens); UTM parameters from
 * the page URL (`ref`/`source` count as utm_source, as many sites use them).
 */
export function pageFields(input: { url?: string; path?: string; referrer?: string }): PageFields {
  const url = parseUrl(input.url);
  if (url) url.hash = '';
  const referrer = parseUrl(input.referrer);
  const external = referrer && (!url || bareHost(referrer.hostname) !== bareHost(url.hostname));
  const utm = Object.fromEntries(
    UTM_KEYS.map((key) => {
      const value =
        url?.searchParams.get(key) ??
        (key === 'utm_source' ? (url?.searchParams.get('ref') ?? url?.searchParams.get('source')) : null);
      return [key, value?.trim().slice(0, MAX_UTM) || null];
    }),
  ) as PageFields['utm'];
  return {
    url: url?.toString() ?? '',
    path: normalisePath(input.path ?? url?.pathname ?? '/'),
    referrer: external ? `${referrer.protocol}//${referrer.host.toLowerCase()}${referrer.pathname}` : null,
    utm,
  };
}

/** pageFields with a cache: sites have few pages and referrers, seen over and over. */
export class PageParser {
  private cache = new Lru<PageFields>(10_000);

  parse(input: { url?: string; path?: string; referrer?: string }): PageFields {
    return this.cache.get(`${input.url}\n${input.path}\n${input.referrer}`, () => pageFields(input));
  }
}
