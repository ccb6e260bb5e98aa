import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { coerceInputValue, GraphQLError, type GraphQLInputType, type GraphQLObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import yazl from 'yazl';
import type { ClickHouseClient } from '../../clickhouse/client.ts';
import { runQuery } from '../../clickhouse/query.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { clientIp } from '../../runtime/client-ip.ts';
import { csvHeader, csvRows } from '../../runtime/csv.ts';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../runtime/json-depth.ts';
import type { Logger } from '../../runtime/log.ts';
import type { RateLimiter } from '../../runtime/rate-limit.ts';
import { GROUP_LIMITS, type GroupRow } from '../analytics/groups.ts';
import { createAnalyticsLoaders } from '../analytics/loader.ts';
import { INTERVALS } from '../analytics/time.ts';
import { forbidden, readableWebsites } from '../auth.ts';
import { identify } from '../callers.ts';
import { InputError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { schema } from '../executable-schema.ts';
import { type AnalyticsArgs, openAnalytics, readsWebsiteAnalytics } from '../schema/analytics.ts';
import { goalsOf, planScopeGroups } from '../schema/analytics-groups.ts';
import { checkedInterval } from '../schema/analytics-inputs.ts';
import { groupsQueryOf } from '../schema/export.ts';
import { EXPORT_QUERY_SECONDS } from './scratch.ts';
import {
  type ExportScope,
  groupsTable,
  MAX_EXPORT_ROWS,
  PAGE_ROWS,
  TABLE_NAMES,
  TABLES,
  type Table,
} from './tables.ts';

/**
 * GET /export/<websiteId>.zip: every export table of a range as CSV files in one ZIP, streamed.
 * Query parameters are the arguments of Website.analytics (README "Export"): `from`, `to`,
 * `timezone`, `preset` (DateRangeInput's fields), `interval` (TIMESERIES), `filters`, `filter`
 * and `compare` as the JSON of their GraphQL input types (coerced by GraphQL's own input coercion
 * against the schema, so they are validated exactly as GraphQL validates those arguments; `compare`
 * may also be a bare period such as PREVIOUS_PERIOD), `segment` a segment id, and `groups` the JSON
 * of an AnalyticsGroupsQueryInput (adds groups.csv, as WebsiteAnalytics.groupsCsv). With `compare`,
 * every family file has a twin under comparison/ over the comparison range. Callers and their
 * rights are exactly those of Website.analytics: the same credentials (api/callers.ts), the same
 * website lookup (another organization's website is NOT_FOUND like a missing one), the same scope
 * parse and segment tenancy (openAnalytics).
 *
 * Rows are read page by page (PAGE_ROWS) and each page is written before the next is read, so
 * memory holds one page whatever the size of the range: embedded chDB returns a query's whole
 * result at once (its connection buffers it; its native stream takes no bound parameters and
 * holds the engine's one stream per session while a slow client reads), so paging is the
 * bounded way in both modes; a large table's pages come from its aggregation run once into a
 * scratch table (scratch.ts) rather than re-run per page. yazl deflates on libuv's threads
 * (Node's zlib), off the event loop.
 */

/** The type of an argument of Website.analytics or of WebsiteAnalytics.groupsCsv, as the schema declares it. */
function argumentType(type: 'Website' | 'WebsiteAnalytics', field: string, name: string): GraphQLInputType {
  const arg = (schema.getType(type) as GraphQLObjectType).getFields()[field]?.args.find((a) => a.name === name);
  if (!arg) throw new Error(`${type}.${field} has no argument ${name}`);
  return arg.type;
}
const PARAMETER_TYPES = {
  filters: argumentType('Website', 'analytics', 'filters'),
  filter: argumentType('Website', 'analytics', 'filter'),
  compare: argumentType('Website', 'analytics', 'compare'),
  groups: argumentType('WebsiteAnalytics', 'groupsCsv', 'query'),
};

/** A parameter holding the JSON of its GraphQL input type, coerced as GraphQL coerces a variable (BAD_USER_INPUT otherwise). */
function jsonParameter(params: URLSearchParams, name: keyof typeof PARAMETER_TYPES): unknown {
  const text = params.get(name);
  if (text === null) return undefined;
  const type = PARAMETER_TYPES[name];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw InputError.at([name], `${name} must be the JSON of ${String(type)}`);
  }
  if (nestedDeeperThan(value)) throw InputError.at([name], `${name} nests deeper than ${MAX_JSON_DEPTH} levels`);
  return coerceInputValue(value, type, (path, _invalid, error) => {
    throw InputError.at([name, ...path.map(String)], error.message);
  });
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  SHARE_PASSWORD_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNSUPPORTED_FILTER: 400,
  UNSUPPORTED_GROUPING: 400,
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

/** What an export request asks for: the scope, and the files beyond the family tables. */
interface ExportRequest {
  scope: ExportScope;
  /** Twins of the family files over the comparison range (the `compare` parameter). */
  compare: boolean;
  /** groups.csv (the `groups` parameter). */
  groups?: Table<GroupRow>;
}

/** The request of an export call, or the GraphQL error Website.analytics would answer. */
async function exportRequest(
  stores: ExportStores,
  limiter: RateLimiter,
  request: Request,
  client: string | undefined,
  websiteId: string,
): Promise<ExportRequest> {
  const auth = await identify(stores.prisma, limiter, request.headers, client);
  const website = await stores.prisma.website.findFirst({
    where: { AND: [{ id: websiteId }, readableWebsites(auth)] },
  });
  if (!website) throw auth ? new NotFoundError('Website') : new UnauthenticatedError();
  if (!readsWebsiteAnalytics(auth, website)) throw auth ? forbidden(auth) : new UnauthenticatedError();
  const params = new URL(request.url).searchParams;
  const interval = params.get('interval') ?? 'DAY';
  if (!(INTERVALS as readonly string[]).includes(interval)) throw InputError.at(['interval'], `one of ${INTERVALS}`);
  const range = {
    preset: params.get('preset') as never,
    from: params.get('from'),
    to: params.get('to'),
    timezone: params.get('timezone') ?? 'UTC',
  };
  const period = params.get('compare');
  // A bare period (compare=YEAR_OVER_YEAR) is shorthand for its JSON.
  if (period && /^[A-Z_]+$/.test(period)) params.set('compare', JSON.stringify({ period }));
  const args = {
    range,
    filters: (jsonParameter(params, 'filters') ?? []) as AnalyticsArgs['filters'],
    filter: jsonParameter(params, 'filter') as AnalyticsArgs['filter'],
    segment: params.get('segment'),
    compare: jsonParameter(params, 'compare') as AnalyticsArgs['compare'],
  };
  const groupsInput = jsonParameter(params, 'groups') as Parameters<typeof groupsQueryOf>[0] | undefined;
  const scope = await openAnalytics({ auth, prisma: stores.prisma }, website, args);
  let groups: Table<GroupRow> | undefined;
  if (groupsInput) {
    const query = groupsQueryOf(groupsInput, ['groups']);
    const goals = await goalsOf(scope, stores, query.goalColumns, ['groups', 'goals']);
    const { plan } = planScopeGroups(scope, { auth }, { ...query, ...goals, limit: GROUP_LIMITS.rows, offset: 0 });
    groups = groupsTable(plan, query.metrics, query.compared, query.goalColumns);
  }
  const compare = args.compare != null;
  const checked = checkedInterval(scope.range, interval as (typeof INTERVALS)[number]);
  // The comparison's timeseries file has as many buckets as its own range (a CUSTOM one may be longer).
  if (compare && scope.comparison) checkedInterval(scope.comparison, checked);
  return { scope: { ...scope, interval: checked }, compare, groups };
}

/**
 * A table's CSV, page by page: from its one aggregation when it has `pages`, else a fresh loader
 * set per page so nothing read stays cached. One row past MAX_EXPORT_ROWS is asked for so a table
 * of exactly that many rows is not reported cut.
 */
async function* tableChunks(
  table: Table<unknown>,
  stores: ExportStores,
  scope: ExportScope,
  counted: { rows: number; truncated: boolean },
  signal: AbortSignal,
) {
  yield Buffer.from(csvHeader(table.columns));
  if (table.pages) {
    for await (const page of table.pages(stores.clickhouse, scope, MAX_EXPORT_ROWS + 1, signal)) {
      const rows = page.slice(0, MAX_EXPORT_ROWS - counted.rows);
      counted.rows += rows.length;
      if (rows.length) yield Buffer.from(csvRows(table.columns, rows));
      if (rows.length < page.length) {
        counted.truncated = true;
        return;
      }
    }
    return;
  }
  while (!signal.aborted && counted.rows < MAX_EXPORT_ROWS) {
    const limit = Math.min(PAGE_ROWS, MAX_EXPORT_ROWS - counted.rows);
    const analytics = createAnalyticsLoaders(stores.clickhouse, (o) =>
      runQuery(stores.clickhouse, { ...o, timeoutSeconds: EXPORT_QUERY_SECONDS }),
    );
    const source = { prisma: stores.prisma, analytics };
    const rows = await table.rows(source, scope, { limit, offset: counted.rows });
    counted.rows += rows.length;
    if (rows.length) yield Buffer.from(csvRows(table.columns, rows));
    if (rows.length < limit) return;
  }
  counted.truncated = !signal.aborted;
}

/**
 * The ZIP of every family table, then groups.csv and the comparison/ twins when asked for, then
 * files.csv listing each file's rows and whether it was cut at MAX_EXPORT_ROWS.
 */
export function exportZip(
  stores: ExportStores,
  scope: ExportScope,
  log: Logger,
  requestId: string,
  { compare = false, groups }: Omit<ExportRequest, 'scope'> = { compare: false },
): Readable {
  const zip = new yazl.ZipFile();
  const aborted = new AbortController();
  const mtime = new Date();
  const families = TABLE_NAMES.map((name) => ({
    file: TABLES[name].file,
    table: TABLES[name] as Table<unknown>,
    scope,
  }));
  const before = scope.comparison ? { ...scope, range: scope.comparison, comparison: null } : null;
  const files = [
    ...families,
    ...(groups ? [{ file: groups.file, table: groups as Table<unknown>, scope }] : []),
    ...(compare && before ? families.map((f) => ({ ...f, file: `comparison/${f.file}`, scope: before })) : []),
  ];
  const counts = files.map(({ file }) => ({ file, rows: 0, truncated: false }));
  const entries = files.map(({ file, table, scope }, i) => {
    const counted = counts[i] as (typeof counts)[number];
    const entry = Readable.from(tableChunks(table, stores, scope, counted, aborted.signal), { objectMode: false });
    zip.addReadStream(entry, file, { mtime });
    // yazl does not listen for its sources' errors: a failed query is the ZIP's failure.
    entry.on('error', (error) => zip.emit('error', error));
    return entry;
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
  // A client gone mid-download leaves the entry being written paused at a page: destroying it
  // ends its generator, whose finally drops its scratch table (scratch.ts).
  output.on('close', () => {
    aborted.abort();
    for (const entry of entries) entry.destroy();
  });
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
      let asked: ExportRequest;
      try {
        // The client's address limits key guessing as on /graphql (absent when called through fetch).
        const { req } = serverContext as { req?: IncomingMessage };
        const client = req ? clientIp(req, trustProxyHops) : undefined;
        asked = await exportRequest(stores, limiter, request, client, websiteId);
      } catch (error) {
        if (error instanceof GraphQLError) return endResponse(errorResponse(error));
        throw error;
      }
      const { scope, ...extra } = asked;
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const name = `tidemark-${websiteId}-${day(scope.range.from)}-${day(scope.range.to)}.zip`;
      const requestId = request.headers.get('x-request-id') ?? '';
      endResponse(
        new Response(Readable.toWeb(exportZip(stores, scope, log, requestId, extra)) as ReadableStream, {
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
