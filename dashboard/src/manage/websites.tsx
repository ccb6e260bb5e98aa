// Websites: created, changed and archived; the tracker snippet to copy; whether the first event
// has arrived (asked again every few seconds until it has). A website's goals, funnels and
// annotations are tabs of its page.
import { useEffect, useState } from 'preact/hooks';
import {
  ManageArchiveWebsiteDocument,
  ManageCreateWebsiteDocument,
  ManageFirstEventDocument,
  ManageUpdateWebsiteDocument,
  ManageWebsiteDocument,
  type ManageWebsiteQuery,
  ManageWebsitesDocument,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import { link, navigate } from '../location.ts';
import {
  Copyable,
  canWrite,
  checked,
  list,
  ManageForm,
  optional,
  ReadError,
  type Refusal,
  type Role,
  refusalOf,
  succeeded,
  text,
  useVersion,
  words,
} from './form.tsx';
import { Annotations, Funnels, Goals } from './website-items.tsx';

/** The organization's websites (archived ones too), for lists and website choices. */
export function useWebsites(refresh = 0) {
  const state = useQuery(ManageWebsitesDocument, {}, { refresh });
  return { state, websites: state.data?.organization.websites.edges.map((edge) => edge.node) ?? [] };
}

/** A website choice of a form: one website, or (with `none`) none of them. */
export function websiteOptions(websites: { id: string; name?: string | null; domain: string }[], none: string) {
  return [{ value: '', label: none }, ...websites.map((w) => ({ value: w.id, label: w.name ?? w.domain }))];
}

export function WebsitesManagement({ role }: { role: Role }) {
  const { state, websites } = useWebsites();
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Websites</h1>
      {state.error && <ReadError error={state.error} />}
      {state.data && (
        <div class="scroll">
          <table class="manage">
            <caption>Websites of the organization, archived ones included</caption>
            <thead>
              <tr>
                <th scope="col">Website</th>
                <th scope="col">Domain</th>
                <th scope="col">Status</th>
                <th scope="col">Public</th>
              </tr>
            </thead>
            <tbody>
              {websites.map((site) => (
                <tr key={site.id} data-id={site.id}>
                  <th scope="row">
                    <a href={`/manage/websites/${site.id}`} onClick={link(`/manage/websites/${site.id}`)}>
                      {site.name ?? site.domain}
                    </a>
                  </th>
                  <td>{site.domain}</td>
                  <td>{words(site.status)}</td>
                  <td>{site.isPublic ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add a website"
          submit="Add website"
          fields={() => [
            {
              name: 'domain',
              label: 'Domain',
              required: true,
              placeholder: 'example.com',
              hint: 'The hostname your pages are served on.',
            },
            { name: 'name', label: 'Name' },
            {
              name: 'allowedOrigins',
              label: 'Other origins allowed to send events',
              hint: 'Comma-separated, e.g. http://localhost:3000',
            },
            { name: 'isPublic', label: 'Anyone may read its analytics', type: 'checkbox' },
          ]}
          onSubmit={async (data) => {
            const { createWebsite } = await client.request(ManageCreateWebsiteDocument, {
              input: {
                domain: text(data, 'domain'),
                name: optional(data, 'name'),
                allowedOrigins: list(data, 'allowedOrigins'),
                isPublic: checked(data, 'isPublic'),
              },
            });
            const created = succeeded(createWebsite);
            if (created.__typename === 'MutationCreateWebsiteSuccess') navigate(`/manage/websites/${created.data.id}`);
          }}
        />
      )}
    </section>
  );
}

const TABS = [
  { path: 'settings', label: 'Settings' },
  { path: 'goals', label: 'Goals' },
  { path: 'funnels', label: 'Funnels' },
  { path: 'annotations', label: 'Annotations' },
] as const;

export function WebsiteManagement({ id, tab, role }: { id: string; tab: string; role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageWebsiteDocument, { id }, { refresh: version });
  const site = state.data?.website;
  const base = `/manage/websites/${encodeURIComponent(id)}`;
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">
        {site ? (site.name ?? site.domain) : 'Website'} {site && <small>{site.domain}</small>}
      </h1>
      {state.error && <ReadError error={state.error} />}
      {site && (
        <>
          <p>
            <a href={`/w/${site.id}`} onClick={link(`/w/${site.id}`)}>
              Open its dashboard
            </a>
          </p>
          <nav aria-label="Website settings" class="tabs">
            {TABS.map((t) => (
              <a
                key={t.path}
                href={`${base}/${t.path}`}
                onClick={link(`${base}/${t.path}`)}
                aria-current={t.path === tab ? 'page' : undefined}
              >
                {t.label}
              </a>
            ))}
          </nav>
          {tab === 'settings' && <WebsiteSettings site={site} role={role} onChange={refresh} />}
          {tab === 'goals' && <Goals id={id} role={role} />}
          {tab === 'funnels' && <Funnels id={id} role={role} />}
          {tab === 'annotations' && <Annotations id={id} role={role} />}
        </>
      )}
    </section>
  );
}

type Site = ManageWebsiteQuery['website'];

function WebsiteSettings({ site, role, onChange }: { site: Site; role: Role; onChange: () => void }) {
  const [archiving, setArchiving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  return (
    <>
      <Snippet id={site.id} />
      <FirstEvent id={site.id} />
      {canWrite(role) && (
        <>
          <ManageForm
            title="Change the website"
            submit="Save"
            keep
            fields={() => [
              { name: 'domain', label: 'Domain', required: true, value: site.domain },
              { name: 'name', label: 'Name', value: site.name ?? '' },
              {
                name: 'allowedOrigins',
                label: 'Other origins allowed to send events',
                hint: 'Comma-separated.',
                value: site.allowedOrigins.join(', '),
              },
              { name: 'isPublic', label: 'Anyone may read its analytics', type: 'checkbox', checked: site.isPublic },
              ...(site.status === 'ARCHIVED'
                ? []
                : [
                    {
                      name: 'status',
                      label: 'Status',
                      value: site.status,
                      hint: 'An inactive website accepts no events.',
                      options: ['ACTIVE', 'INACTIVE'].map((s) => ({ value: s, label: words(s) })),
                    },
                  ]),
            ]}
            onSubmit={async (data) => {
              const status = optional(data, 'status') as 'ACTIVE' | 'INACTIVE' | undefined;
              const { updateWebsite } = await client.request(ManageUpdateWebsiteDocument, {
                id: site.id,
                input: {
                  domain: text(data, 'domain'),
                  name: text(data, 'name'),
                  allowedOrigins: list(data, 'allowedOrigins'),
                  isPublic: checked(data, 'isPublic'),
                  status,
                },
              });
              succeeded(updateWebsite);
              onChange();
            }}
          />
          {site.status !== 'ARCHIVED' && (
            <section class="danger-zone" aria-labelledby="archive-title">
              <h2 id="archive-title">Archive</h2>
              <p>An archived website stops accepting events and leaves the websites list; its data is kept.</p>
              {archiving ? (
                <>
                  <button
                    type="button"
                    class="danger"
                    onClick={async () => {
                      setArchiving(false);
                      try {
                        succeeded((await client.request(ManageArchiveWebsiteDocument, { id: site.id })).archiveWebsite);
                        onChange();
                      } catch (failure) {
                        setRefusal(refusalOf(failure));
                      }
                    }}
                  >
                    Confirm archive
                  </button>{' '}
                  <button type="button" class="link" onClick={() => setArchiving(false)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setArchiving(true)}>
                  Archive website
                </button>
              )}
              {refusal && (
                <p class="message error" role="alert">
                  {refusal.message}
                </p>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}

const INGEST_KEY = 'tidemark-ingest-origin';

/**
 * Where pages load the tracker from: ingest, which the API does not know. `npm start` serves the
 * API on 4000 and ingest on 4001 of the same host, so that is the first guess; a changed address
 * is remembered in this browser.
 */
function defaultIngest() {
  const saved = localStorage.getItem(INGEST_KEY);
  if (saved) return saved;
  return location.port === '4000' ? `${location.protocol}//${location.hostname}:4001` : location.origin;
}

function Snippet({ id }: { id: string }) {
  const [ingest, setIngest] = useState(defaultIngest);
  const snippet = `<script defer src="${ingest.replace(/\/+$/, '')}/tracker.js" data-client-id="${id}"></script>`;
  return (
    <section aria-labelledby="snippet-title" class="snippet">
      <h2 id="snippet-title">Tracker snippet</h2>
      <p>Add it to every page of the website, before the closing &lt;/head&gt;.</p>
      <div class="field">
        <label for="ingest-origin">Ingest address (where tracker.js is served)</label>
        <input
          id="ingest-origin"
          type="url"
          value={ingest}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setIngest(value);
            localStorage.setItem(INGEST_KEY, value);
          }}
        />
      </div>
      <Copyable id="snippet" label="Snippet" value={snippet} />
    </section>
  );
}

/** How often the first-event check asks again while it waits. */
const FIRST_EVENT_POLL_MS = 3000;

/** "Waiting for the first event" until the API counts a visitor (last 12 months, or right now). */
function FirstEvent({ id }: { id: string }) {
  const [tick, setTick] = useState(0);
  const state = useQuery(ManageFirstEventDocument, { id }, { refresh: tick });
  const analytics = state.data?.website.analytics;
  const receiving = !!analytics && (analytics.summary.current.visitors > 0 || analytics.realtimeVisitors > 0);
  useEffect(() => {
    if (receiving || state.loading) return;
    const timer = setTimeout(() => setTick((n) => n + 1), FIRST_EVENT_POLL_MS);
    return () => clearTimeout(timer);
  }, [receiving, state.loading, tick]);
  if (state.error && !state.data) return <ReadError error={state.error} />;
  const status = !analytics ? 'checking' : receiving ? 'receiving' : 'waiting';
  return (
    <p class={`first-event ${status}`} role="status" data-state={status}>
      {status === 'checking' && 'Checking for events…'}
      {status === 'waiting' && 'Waiting for the first event: open a page with the snippet.'}
      {status === 'receiving' && 'Receiving events.'}
    </p>
  );
}
