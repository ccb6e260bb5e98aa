import type { Plugin } from 'graphql-yoga';

/** `/` until the dashboard exists: where to go from here. */
const HOME = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tidemark</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{background:#eee;padding:0 .2em}</style>
</head>
<body>
<h1>Tidemark</h1>
<p>This is Tidemark's GraphQL API. Explore it in <a href="/graphql">GraphiQL</a>: paste your API key
after <code>Bearer</code> in its Headers tab (<code>npm start</code> prints the first admin key;
<code>npm run admin-key</code> issues a new one).</p>
<p>README.md's “First run” section shows how to create a website and see its first page view.</p>
</body>
</html>
`;

/**
 * The API's routes besides /graphql: a page at `/` pointing to GraphiQL, and `/health` answering
 * `{"status":"ok"}` as ingest's does (Yoga's own health check answers it with an empty body).
 */
export function productRoutes(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
        endResponse(new fetchAPI.Response(HOME, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname === '/health' && response.status === 200) {
        setResponse(fetchAPI.Response.json({ status: 'ok' }, { headers: response.headers }));
      }
    },
  };
}
