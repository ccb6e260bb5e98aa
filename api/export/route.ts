import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import yazl from 'yazl';
import { z } from 'zod';
import type { ClickHouseClient } from '../../clickhouse/client.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { clientIp } from '../../runtime/client-ip.ts';
import { csvHeader, csvRows } from '../../runtime/csv.ts';
import type { Logger } from '../../runtime/log.ts';
import type { RateLimiter } from '../../runtime/rate-limit.ts';
import { DIMENSION_NAMES } from '../analytics/dimensions.ts';
import { FILTER_OPS } from '../analytics/filters.ts';
import { createAnalyticsLoaders } from '../analytics/loader.ts';
import { INTERVALS } from '../analytics/time.ts';
import { readableWebsites } from '../auth.ts';
import { identify } from '../callers.ts';
import { ForbiddenError, InputError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { checkedInterval, openAnalytics, readsWebsiteAnalytics } from '../schema/analytics.ts';
import { type ExportScope, MAX_EXPORT_ROWS, TABLE_NAMES, TABLES, type Table } from './tables.ts';

/**
 * GET /export/<websiteId>.zip?from=&to=&timezone=&preset=&interval=&filters=<JSON>&segment=: every
 * export table of a range as CSV files in one ZIP, streamed. Callers and their rights are
 * exactly those of Website.analytics: the same credentials (api/callers.ts), the same website
 * lookup (another organization's website is NOT_FOUND like a missing one), the same scope parse.
 *
 * Rows are read page by page (PAGE_ROWS) and each page is written before the next is read, so
 * memory holds one page whatever the size of the range: embedded chDB returns a query's whole
 * result at once (its connection buffers it; its native stream takes no bound parameters and
 * holds the engine's one stream per session while a slow client reads), so paging is the
 * bounded way in both modes. yazl deflates on libuv's threads (Node's zlib), off the event loop.
 */
const PAGE_ROWS = 5_000;

const FiltersParam = z
  .array(
    z.object({
      field: z.enum(DIMENSION_NAMES as [string, ...string[]]),
      op: z.enum(FILTER_OPS as unknown as [string, ...string[]]),
      value: z.array(z.string()),
      key: z.string().nullish(),
    }),
  )
  .max(50);

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  SHARE_PASSWORD_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNSUPPORTED_FILTER: 400,
  RATE_LIMITED: 429,
};

const errorResponse = (error: GraphQLError) => {
  const code = String(error.extensions.code ?? 'BAD_REQUEST');
  const http = error.extensions.http as { headers?: Record<string, string> } | undefined;
  const { http: _, ...extensions } = error.extensions;
  return Response.json(
    { errors: [{ message: error.message, extensions }] },
    { status: STATUS[code] ?? 400, headers: http?.headers },
  );
};

interface ExportStores {
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
}

/** The scope of an export request, or the GraphQL error Website.analytics would answer. */
async function exportScope(
  stores: ExportStores,
  limiter: RateLimiter,
  request: Request,
  client: string | undefined,
  websiteId: string,
) {
  const auth = await identify(stores.prisma, limiter, request.headers, client);
  const website = await stores.prisma.website.findFirst({
    where: { AND: [{ id: websiteId }, readableWebsites(auth)] },
  });
  if (!website) throw auth ? new NotFoundError('Website') : new UnauthenticatedError();
  if (!readsWebsiteAnalytics(auth, website)) throw auth ? new ForbiddenError() : new UnauthenticatedError();
  const params = new URL(request.url).searchParams;
  let filters: z.infer<typeof FiltersParam>;
  try {
    filters = FiltersParam.parse(JSON.parse(params.get('filters') ?? '[]'));
  } catch {
    throw InputError.at(['filters'], 'filters must be a JSON array of AnalyticsFilterInput ({field, op, value, key})');
  }
  const interval = params.get('interval') ?? 'DAY';
  if (!(INTERVALS as readonly string[]).includes(interval)) throw InputError.at(['interval'], `one of ${INTERVALS}`);
  const range = {
    preset: params.get('preset') as never,
    from: params.get('from'),
    to: params.get('to'),
    timezone: params.get('timezone') ?? 'UTC',
  };
  const segment = params.get('segment');
  const scope = await openAnalytics({ auth, prisma: stores.prisma }, website, { range, filters, segment });
  return { ...scope, interval: checkedInterval(scope.range, interval as (typeof INTERVALS)[number]) };
}

/** A table's CSV, page by page; a fresh loader set per page so nothing read stays cached. */
async function* tableChunks(
  table: Table<unknown>,
  stores: ExportStores,
  scope: ExportScope,
  counted: { rows: number; truncated: boolean },
  signal: AbortSignal,
) {
  yield Buffer.from(csvHeader(table.columns));
  while (!signal.aborted && counted.rows < MAX_EXPORT_ROWS) {
    const limit = Math.min(PAGE_ROWS, MAX_EXPORT_ROWS - counted.rows);
    const source = { prisma: stores.prisma, analytics: createAnalyticsLoaders(stores.clickhouse) };
    const rows = await table.rows(source, scope, { limit, offset: counted.rows });
    counted.rows += rows.length;
    if (rows.length) yield Buffer.from(csvRows(table.columns, rows));
    if (rows.length < limit) return;
  }
  counted.truncated = !signal.aborted;
}

/** The ZIP of every table, then files.csv listing each file's rows and whether it was cut at MAX_EXPORT_ROWS. */
export function exportZip(stores: ExportStores, scope: ExportScope, log: Logger, requestId: string): Readable {
  const zip = new yazl.ZipFile();
  const aborted = new AbortController();
  const mtime = new Date();
  const counts = TABLE_NAMES.map((name) => ({ file: TABLES[name].file, rows: 0, truncated: false }));
  TABLE_NAMES.forEach((name, i) => {
    const counted = counts[i] as (typeof counts)[number];
    const chunks = tableChunks(TABLES[name], stores, scope, counted, aborted.signal);
    zip.addReadStream(Readable.from(chunks, { objectMode: false }), TABLES[name].file, { mtime });
  });
  // Read after every table above (yazl writes entries in order), so the counts are final.
  async function* manifest() {
    yield Buffer.from(
      csvHeader<(typeof counts)[number]>([
        { name: 'file', value: (c) => c.file },
        { name: 'rows', value: (c) => c.rows },
        { name: 'truncated', value: (c) => c.truncated },
      ]) +
        csvRows(
          [
            { name: 'file', value: (c: (typeof counts)[number]) => c.file },
            { name: 'rows', value: (c) => c.rows },
            { name: 'truncated', value: (c) => c.truncated },
          ],
          counts,
        ),
    );
  }
  zip.addReadStream(Readable.from(manifest(), { objectMode: false }), 'files.csv', { mtime });
  zip.end();
  const output = zip.outputStream as Readable;
  // A failure mid-way cuts the download off (an incomplete ZIP, not a valid one missing rows).
  zip.on('error', (error: Error) => {
    log.error('export failed', { requestId, error: error.stack ?? error.message });
    output.destroy(error);
  });
  output.on('close', () => aborted.abort());
  return output;
}

/** The route, as a Yoga plugin so it shares the API's rate limiter and request logging. */
export function exportRoute(stores: ExportStores, limiter: RateLimiter, log: Logger, trustProxyHops: number): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      const match = /^\/export\/([^/]+)\.zip$/.exec(url.pathname);
      if (!match) return;
      if (request.method !== 'GET') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      const websiteId = decodeURIComponent(match[1] as string);
      let scope: ExportScope;
      try {
        // The client's address limits key guessing as on /graphql (absent when called through fetch).
        const { req } = serverContext as { req?: IncomingMessage };
        const client = req ? clientIp(req, trustProxyHops) : undefined;
        scope = await exportScope(stores, limiter, request, client, websiteId);
      } catch (error) {
        if (error instanceof GraphQLError) return endResponse(errorResponse(error));
        throw error;
      }
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const name = `tidemark-${websiteId}-${day(scope.range.from)}-${day(scope.range.to)}.zip`;
      const requestId = request.headers.get('x-request-id') ?? '';
      endResponse(
        new Response(Readable.toWeb(exportZip(stores, scope, log, requestId)) as ReadableStream, {
          headers: {
            'content-type': 'application/zip',
            'content-disposition': `attachment; filename="${name}"`,
            'cache-control': 'no-store',
          },
        }),
      );
    },
  };
}
