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

/** What the fields take from a page URL. */
interface PageUrl {
  /** Without its fragment. */
  url: string;
  /** Its path, normalised. */
  path: string;
  /** Hostname without www., to tell other sites' referrers. */
  host: string;
  utm: PageFields['utm'];
}

/** What the fields take from a referrer URL. */
interface Referrer {
  host: string;
  /** Origin and path, no query: queries carry tokens. */
  text: string;
}

const NO_UTM: PageFields['utm'] = {
  utm_source: null,
  utm_medium: null,
  utm_campaign: null,
  utm_term: null,
  utm_content: null,
};

/** UTM parameters from the page URL (`ref`/`source` count as utm_source, as many sites use them). */
function parsePageUrl(value: string | undefined): PageUrl | null {
  const url = parseUrl(value);
  if (!url) return null;
  url.hash = '';
  const utm = Object.fromEntries(
    UTM_KEYS.map((key) => {
      const value =
        url.searchParams.get(key) ??
        (key === 'utm_source' ? (url.searchParams.get('ref') ?? url.searchParams.get('source')) : null);
      return [key, value?.trim().slice(0, MAX_UTM) || null];
    }),
  ) as PageFields['utm'];
  return { url: url.toString(), path: normalisePath(url.pathname), host: bareHost(url.hostname), utm };
}

function parseReferrer(value: string | undefined): Referrer | null {
  const referrer = parseUrl(value);
  if (!referrer) return null;
  return {
    host: bareHost(referrer.hostname),
    text: `${referrer.protocol}//${referrer.host.toLowerCase()}${referrer.pathname}`,
  };
}

/** The fields from a parsed page URL and referrer, and the path the client sent, if any. */
function combine(page: PageUrl | null, referrer: Referrer | null, path: string | undefined): PageFields {
  return {
    url: page?.url ?? '',
    path: path === undefined ? (page?.path ?? '/') : normalisePath(path),
    referrer: referrer && referrer.host !== page?.host ? referrer.text : null,
    utm: page?.utm ?? NO_UTM,
  };
}

/**
 * Page URL without fragment; path from the URL unless the client sent one; the referrer only
 * when it is another site; UTM parameters from the page URL.
 */
export function pageFields(input: { url?: string; path?: string; referrer?: string }): PageFields {
  return combine(parsePageUrl(input.url), parseReferrer(input.referrer), input.path);
}

/**
 * pageFields with caches: sites have few pages and referrers, seen over and over. Page URLs and
 * referrers are cached apart, each by its own string (no key to build per event).
 */
export class PageParser {
  private urls = new Lru<PageUrl | null>(10_000);
  private referrers = new Lru<Referrer | null>(10_000);

  parse({ url, path, referrer }: { url?: string; path?: string; referrer?: string }): PageFields {
    return combine(
      url === undefined ? null : this.urls.get(url, () => parsePageUrl(url)),
      referrer === undefined ? null : this.referrers.get(referrer, () => parseReferrer(referrer)),
      path,
    );
  }
}
