import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Logger } from '../runtime/log.ts';
import { RateLimiter } from '../runtime/rate-limit.ts';
import type { Stores } from '../runtime/stores.ts';
import { authenticate } from './auth.ts';
import type { Context } from './context.ts';
import { schema } from './executable-schema.ts';

type ApiStores = Pick<Stores, 'prisma' | 'clickhouse'>;

// A client's own request id is echoed back when it is short and plain; otherwise a new one.
const requestIds = new WeakMap<Request, string>();
const requestIdOf = (request: Request) => {
  const given = request.headers.get('x-request-id');
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
};

/** Request ids on every response and one structured log line per request. */
function requestLogging(log: Logger): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      requestIds.set(request, requestIdOf(request));
      started.set(request, performance.now());
    },
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

/**
 * The GraphQL service as a fetch handler: POST/GET /graphql (GraphiQL in a browser), GET /health.
 * Unexpected errors are masked (code INTERNAL_SERVER_ERROR, logged with the request id);
 * expected ones are GraphQLErrors carrying extensions.code and pass through.
 */
export function createApi(stores: ApiStores, log: Logger) {
  const limiter = new RateLimiter();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: { title: 'Tidemark GraphQL API' },
    landingPage: false,
    logging: log,
    maskedErrors: {
      maskError(error, message, isDev) {
        const masked = maskError(error, message, isDev);
        if (masked === error) return masked;
        const cause = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        log.error('unexpected error', {
          error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause),
        });
        return new GraphQLError(masked.message, {
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
    plugins: [requestLogging(log)],
    context: async ({ request }) => ({
      prisma: stores.prisma,
      clickhouse: stores.clickhouse,
      requestId: requestIds.get(request) ?? requestIdOf(request),
      log,
      auth: await authenticate(stores.prisma, limiter, request.headers),
    }),
  });
}

export type Api = ReturnType<typeof createApi>;

/** The GraphQL service on a Node HTTP server (main.ts and api/main.ts listen on it). */
export function createApiServer(stores: ApiStores, log: Logger): Server {
  return createServer(createApi(stores, log));
}
