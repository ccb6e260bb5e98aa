// The organization's websites with their visitors and a sparkline each, in one request (the API
// batches every website's analytics).
import { DashboardWebsitesDocument } from '../../client/generated/graphql.ts';
import { errorCode, useQuery } from './api.ts';
import { Sparkline } from './chart.tsx';
import { formatInt } from './format.ts';
import { link } from './location.ts';
import { Message } from './panel.tsx';

export function Websites() {
  const state = useQuery(DashboardWebsitesDocument, { range: { preset: 'LAST_30_DAYS' } });
  if (errorCode(state.error) === 'UNAUTHENTICATED') {
    return (
      <section class="empty">
        <h1>Tidemark</h1>
        <p>
          <a href="/sign-in" onClick={link('/sign-in')}>
            Sign in
          </a>{' '}
          to see your websites. Programs use the GraphQL API at <a href="/graphql">/graphql</a> with an API key.
        </p>
      </section>
    );
  }
  const organization = state.data?.organization;
  const sites = organization?.websites.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="websites-title">
      <h1 id="websites-title">{organization?.name ?? 'Websites'}</h1>
      <Message state={state} empty={!organization} />
      {organization && (
        <p>
          <a href="/manage/websites" onClick={link('/manage/websites')}>
            {sites.length ? 'Manage websites' : 'Add your first website'}
          </a>
        </p>
      )}
      {!!sites.length && (
        <table class="websites">
          <caption>Visitors in the last 30 days</caption>
          <thead>
            <tr>
              <th scope="col">Website</th>
              <th scope="col">Visitors</th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id} data-website={site.id}>
                <th scope="row">
                  <a href={`/w/${site.id}`} onClick={link(`/w/${site.id}`)}>
                    {site.name ?? site.domain}
                  </a>{' '}
                  <small>{site.domain}</small>
                </th>
                <td data-figure="visitors">{formatInt(site.analytics.summary.current.visitors)}</td>
                <td>
                  <Sparkline
                    values={site.analytics.timeseries.map((p) => p.visitors)}
                    label={`Daily visitors of ${site.domain}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
