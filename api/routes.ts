import type { Plugin } from 'graphql-yoga';
import { serveDashboard } from '../dashboard/serve.ts';

/**
 * The API's routes besides /graphql: the dashboard (`/`, its client-side routes and `/assets/*`,
 * dashboard/serve.ts), and `/health` answering `{"status":"ok"}` as ingest's does (Yoga's own
 * health check answers it with an empty body).
 */
export function productRoutes(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      const dashboard = serveDashboard(request, url.pathname);
      if (dashboard) endResponse(dashboard);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname === '/health' && response.status === 200) {
        setResponse(fetchAPI.Response.json({ status: 'ok' }, { headers: response.headers }));
      }
    },
  };
}
