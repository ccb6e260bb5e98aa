import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * What GraphiQL opens on: an analytics query over the organization's websites, and a headers
 * template that needs only the key. The Authorization header is not kept in the browser's
 * localStorage (an admin key typed there would stay in it).
 */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'Tidemark GraphQL API',
  defaultQuery: `# Tidemark's GraphQL API. Paste your API key after "Bearer" in the Headers tab below
# (npm start prints the first admin key; npm run admin-key issues a new one).
# The Docs pane (book icon) lists every query and mutation; Ctrl-Enter runs.

query Overview {
  organization {
    name
    websites(first: 10) {
      edges {
        node {
          id
          domain
          analytics(range: { preset: LAST_7_DAYS }) {
            summary {
              current {
                pageviews
                visitors
                bounceRate
              }
            }
            pages: breakdown(dimension: PATH, first: 5) {
              value
              pageviews
            }
          }
        }
      }
    }
  }
}
`,
  headers: JSON.stringify({ Authorization: 'Bearer ' }, null, 2),
  shouldPersistHeaders: false,
};

let rendered = { options: '', page: '' };

/**
 * GraphiQL with its scripts, styles and workers inlined from the installed package
 * (graphql-yoga's default loads them from unpkg.com: a blank page offline). Rendered once per set of
 * options: the page is ~9 MB and the same for every request.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const key = JSON.stringify(options);
  if (rendered.options !== key) rendered = { options: key, page: renderGraphiQL(options) };
  return rendered.page;
}
