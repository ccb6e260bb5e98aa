import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Logger } from '../runtime/log.ts';
import type { Stores } from '../runtime/stores.ts';
import type { Context } from './context.ts';
import { schema } from './executable-schema.ts';

/**
 * The GraphQL service: POST/GET /graphql (GraphiQL in a browser), GET /health.
 * Unexpected errors are masked by Yoga; expected ones carry extensions.code.
 */
export function createApiServer(stores: Pick<Stores, 'prisma' | 'clickhouse'>, log: Logger): Server {
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Tidemark GraphQL API' },
    landingPage: false,
    logging: log,
    context: ({ request }) => ({
      prisma: stores.prisma,
      clickhouse: stores.clickhouse,
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
    }),
  });
  return createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    yoga(req, res);
  });
}
