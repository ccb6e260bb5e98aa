// How the API serves the dashboard: index.html for every client-side route, hashed assets with a
// year's cache, and security headers on every response (api/routes.ts calls this).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DIST } from './build.ts';

/** Paths the dashboard routes in the browser: each answers the same page. */
const APP_ROUTE = /^\/(?:|sign-in|w\/[^/]+|share\/[^/]+|setup\/[^/]+|invite\/[^/]+|manage(?:\/[^/]+){0,3})$/;
const ASSET = /^\/assets\/([\w.-]+)$/;

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json',
};

/**
 * Nothing but the product's own origin; no inline script or style. Share pages leave
 * `frame-ancestors` out: the share-link code sets it from the website's settings (embedding).
 */
function contentSecurityPolicy(pathname: string): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  if (!pathname.startsWith('/share/')) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

export function securityHeaders(pathname: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(pathname),
    // Share and invitation tokens are in paths: never send them to another site.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
  };
}

interface File {
  body: Uint8Array;
  gzip: Uint8Array;
  type: string;
}

let files: { html: File; assets: Map<string, File> } | undefined;

const file = (body: Uint8Array, type: string): File => ({ body, gzip: gzipSync(body, { level: 9 }), type });

/** dashboard/dist, read and compressed once (npm ci and npm start build it). */
function load() {
  if (files) return files;
  const index = new URL('index.html', DIST);
  if (!existsSync(index)) return undefined;
  const assets = new Map<string, File>();
  for (const name of readdirSync(new URL('assets/', DIST))) {
    if (name.endsWith('.tmp')) continue; // a build writing meanwhile (dashboard/build.ts)
    const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    assets.set(name, file(readFileSync(new URL(`assets/${name}`, DIST)), type));
  }
  files = { html: file(readFileSync(index), 'text/html; charset=utf-8'), assets };
  return files;
}

function respond(request: Request, pathname: string, found: File, cacheControl: string): Response {
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const body = gzip ? found.gzip : found.body;
  const headers: Record<string, string> = {
    ...securityHeaders(pathname),
    'content-type': found.type,
    'cache-control': cacheControl,
    'content-length': String(body.byteLength),
    vary: 'accept-encoding',
  };
  if (gzip) headers['content-encoding'] = 'gzip';
  return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { headers });
}

/**
 * The dashboard's answer to a GET or HEAD of `pathname`, or undefined when the path is not the
 * dashboard's (the API answers it). Unknown assets are 404; a missing build is 503 and says so.
 */
export function serveDashboard(request: Request, pathname: string): Response | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const asset = ASSET.exec(pathname);
  if (!asset && !APP_ROUTE.test(pathname)) return undefined;
  const dist = load();
  if (!dist) {
    return new Response('The dashboard is not built: run `npm run build`.\n', {
      status: 503,
      headers: { ...securityHeaders(pathname), 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  if (!asset) return respond(request, pathname, dist.html, 'no-cache');
  const found = dist.assets.get(asset[1] as string);
  if (!found) {
    return new Response('Not found\n', {
      status: 404,
      headers: { ...securityHeaders(pathname), 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  // Names carry their content's hash: a new build has new names.
  return respond(request, pathname, found, 'public, max-age=31536000, immutable');
}
