import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { BodyError, readBody } from '../runtime/http-body.ts';
import type { Logger } from '../runtime/log.ts';
import { RateLimiter } from '../runtime/rate-limit.ts';
import { createHttpServer } from '../runtime/service.ts';
import type { Stores } from '../runtime/stores.ts';
import { createAnalyticsLoaders } from './analytics/loader.ts';
import { httpExchange, identify } from './callers.ts';
import type { ApiConfig } from './config.ts';
import type { Context } from './context.ts';
import { costAccounting, type PointBudget } from './cost.ts';
import { requestErrorCodes } from './error-codes.ts';
import { asClientError } from './errors.ts';
import { schema } from './executable-schema.ts';
import { exportRoute } from './export/route.ts';
import { GRAPHIQL_OPTIONS, renderOfflineGraphiQL } from './graphiql.ts';
import { apiMetrics } from './metrics.ts';
import { type PersistedDocuments, persistedOperations } from './persisted-operations.ts';
import { documentLimits, MAX_REQUEST_BYTES } from './request-limits.ts';
import { responseCache } from './response-cache.ts';
import { productRoutes } from './routes.ts';
import { shareFraming } from './share-links.ts';

type ApiStores = Pick<Stores, 'prisma' | 'clickhouse'>;

// A client's own request id is echoed back when it is short and plain; otherwise a new one.
const requestIds = new WeakMap<Request, string>();
const requestIdOf = (request: Request) => {
  const given = request.headers.get('x-request-id');
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
};

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Unexpected errors of authentication, already logged with their request id. */
type LoggedErrors = WeakSet<object>;

/**
 * Request ids on every response, one structured log line per request, and every unexpected
 * resolver error logged with its request id (this hook sees errors before Yoga masks them).
 */
function requestLogging(log: Logger): Plugin<Context> {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      requestIds.set(request, requestIdOf(request));
      started.set(request, performance.now());
    },
    onExecute: () => ({
      onExecuteDone({ args, result }) {
        if (!('errors' in result)) return;
        for (const error of result.errors ?? []) {
          if (!error.originalError || error.originalError instanceof GraphQLError || asClientError(error.originalError))
            continue;
          const { requestId } = args.contextValue;
          log.error('unexpected error', {
            requestId,
            path: error.path?.join('.'),
            error: describe(error.originalError),
          });
        }
      },
    }),
    onResponse({ request, response }) {
      const requestId = requestIds.get(request) ?? requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      log.info('request', {
        requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        durationMs: Math.round(performance.now() - (started.get(request) ?? performance.now())),
      });
    },
  };
}

/** Yoga logs with free-form arguments (often an Error); ours takes a message and fields. */
function yogaLogger(log: Logger, logged: LoggedErrors) {
  // Errors of resolvers (they have a path) and of authentication are logged with their request id already.
  const seen = (error: unknown) =>
    error instanceof GraphQLError
      ? !!error.path || logged.has(error.originalError ?? error)
      : logged.has(error as object) || !!asClientError(error);
  const adapt =
    (level: keyof Logger) =>
    (first: unknown, ...rest: unknown[]) => {
      if (seen(first)) return;
      log[level](first instanceof Error ? 'unexpected error' : String(first), {
        ...(first instanceof Error ? { error: describe(first) } : {}),
        ...(rest.length ? { details: rest.map(describe) } : {}),
      });
    };
  return { debug: adapt('debug'), info: adapt('info'), warn: adapt('warn'), error: adapt('error') };
}

/** Settings of the API that come from its configuration (see api/config.ts). */
export type ApiOptions = Partial<
  Pick<ApiConfig, 'uptimeAllowPrivateTargets' | 'metricsToken' | 'trustProxyHops' | 'responseCache'>
> & {
  /** CLICKHOUSE_CLUSTER (store configuration): erasure deletes ON CLUSTER. */
  clickhouseCluster?: string;
  /** Replaces every caller's complexity point budget (api/cost.ts); tests use a small one. */
  pointBudget?: PointBudget;
  /** The clock of the point budgets and cached answers (tests move it to a window's end). */
  now?: () => number;
  /** Replaces the persisted operations of client/operations (api/persisted-operations.ts); tests add their own. */
  persistedDocuments?: PersistedDocuments;
};
type ApiServerConfig = ApiOptions & Pick<ApiConfig, 'http'>;

/**
 * The GraphQL service as a fetch handler: POST/GET /graphql (GraphiQL in a browser), GET /health,
 * GET /metrics (api/metrics.ts), GET / (api/routes.ts).
 * Unexpected errors are masked (code INTERNAL_SERVER_ERROR) and logged with the request id;
 * expected ones are GraphQLErrors carrying extensions.code and pass through.
 */
export function createApi(stores: ApiStores, log: Logger, options: ApiOptions = {}) {
  const uptimeAllowPrivateTargets = options.uptimeAllowPrivateTargets ?? false;
  const trustProxyHops = options.trustProxyHops ?? 0;
  const limiter = new RateLimiter();
  const attempts = new RateLimiter();
  // Set-Cookie headers resolvers asked for (sign-in, sign-out), added to the response.
  const cookies = new WeakMap<Request, string[]>();
  const logged: LoggedErrors = new WeakSet();
  return createYoga<{ req?: IncomingMessage }, Context>({
    schema,
    // Browsers may call the API from any origin with a key or share token, never with the session
    // cookie: no Access-Control-Allow-Credentials, so a cross-site request cannot use a session.
    cors: { credentials: false },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: GRAPHIQL_OPTIONS,
    renderGraphiQL: renderOfflineGraphiQL,
    landingPage: false,
    logging: yogaLogger(log, logged),
    maskedErrors: {
      maskError(error, message, isDev) {
        const client = asClientError(error instanceof GraphQLError ? error.originalError : error);
        if (client) return client;
        const masked = maskError(error, message, isDev);
        if (masked === error) return masked;
        return new GraphQLError(masked.message, {
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
    plugins: [
      requestLogging(log),
      apiMetrics(options.metricsToken),
      requestErrorCodes(),
      documentLimits(),
      ...persistedOperations(options.persistedDocuments),
      costAccounting(new RateLimiter(options.now), options.pointBudget),
      // After the point budget: a cached answer is charged, and carries its own request's cost.
      ...(options.responseCache ? [responseCache(options.responseCache, options.now)] : []),
      productRoutes(),
      exportRoute(stores, limiter, log, trustProxyHops),
      shareFraming(stores.prisma),
      {
        onResponse({ request, response }) {
          for (const cookie of cookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
        },
      },
    ],
    context: async ({ request, req }) => {
      const requestId = requestIds.get(request) ?? requestIdOf(request);
      try {
        const http = httpExchange(request, req, trustProxyHops, (cookie) =>
          cookies.set(request, [...(cookies.get(request) ?? []), cookie]),
        );
        const auth = await identify(stores.prisma, limiter, request.headers, req ? http.address : undefined);
        const analytics = createAnalyticsLoaders(stores.clickhouse);
        return {
          prisma: stores.prisma,
          clickhouse: stores.clickhouse,
          requestId,
          log,
          auth,
          http,
          attempts,
          analytics,
          uptimeAllowPrivateTargets,
          clickhouseCluster: options.clickhouseCluster,
        };
      } catch (error) {
        if (!(error instanceof GraphQLError)) {
          log.error('unexpected error', { requestId, during: 'authentication', error: describe(error) });
          logged.add(error as object);
        }
        throw error;
      }
    },
  });
}

export type Api = ReturnType<typeof createApi>;

/**
 * Reads a request's body within `limit` bytes before Yoga sees it (Yoga buffers whatever it is
 * sent): past it, a 413 with a GraphQL-shaped error. Yoga takes a body already read from
 * `req.body`, as it does from body-parser.
 */
function boundedBodies(handler: RequestListener, limit: number): RequestListener {
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') return handler(req, res);
    readBody(req, limit).then(
      (body) => {
        (req as IncomingMessage & { body?: Buffer }).body = body;
        handler(req, res);
      },
      (error: unknown) => {
        if (!(error instanceof BodyError)) return void res.destroy();
        const errors = [{ message: error.message, extensions: { code: error.code } }];
        res.writeHead(error.status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors }));
      },
    );
  };
}

/** The GraphQL service on a Node HTTP server (main.ts and api/main.ts listen on it). */
export function createApiServer(stores: ApiStores, log: Logger, config: ApiServerConfig): Server {
  return createHttpServer(config.http, boundedBodies(createApi(stores, log, config), MAX_REQUEST_BYTES));
}
