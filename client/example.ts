// Example: the typed client against a running server. Every result below is fully typed from
// api/schema.graphql and client/operations/*.graphql (regenerate with `npm run codegen`).
//   TIDEMARK_API_KEY=tmk_… npx tsx client/example.ts
import { type Client, createClient } from './client.ts';
import { CreateWebsiteDocument, EvaluateFlagsDocument, WebsitesDocument } from './generated/graphql.ts';

export async function example(client: Client) {
  const created = await client.request(CreateWebsiteDocument, { input: { domain: 'docs.example.com' } });
  // A typed union: expected failures (e.g. CONFLICT for a known domain) come back as data.
  const website =
    created.createWebsite.__typename === 'MutationCreateWebsiteSuccess' ? created.createWebsite.data : undefined;

  const { organization } = await client.request(WebsitesDocument, { first: 10 });
  const domains = organization.websites.edges.map((edge) => edge.node.domain);

  const flags = website
    ? await client.request(EvaluateFlagsDocument, { websiteId: website.id, context: { anonymousId: 'visitor-1' } })
    : undefined;
  return { organization: organization.name, domains, flags: flags?.evaluateFlags ?? [] };
}

if (process.argv[1] === import.meta.filename) {
  const client = createClient({
    url: process.env.TIDEMARK_URL ?? 'http://localhost:4000/graphql',
    apiKey: process.env.TIDEMARK_API_KEY,
  });
  console.log(JSON.stringify(await example(client), null, 2));
}
