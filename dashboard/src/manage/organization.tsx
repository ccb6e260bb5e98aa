// The organization's segments, feature flags, short links and uptime monitors: listed, added,
// deleted (each may belong to one website or to all of them).
import { useState } from 'preact/hooks';
import {
  type AnalyticsDimension,
  type AnalyticsFilterOperator,
  type AnalyticsFilterTreeInput,
  CreateSegmentDocument,
  DeleteSegmentDocument,
  ManageCreateFlagDocument,
  ManageCreateLinkDocument,
  ManageCreateMonitorDocument,
  ManageDeleteFlagDocument,
  ManageDeleteLinkDocument,
  ManageDeleteMonitorDocument,
  ManageFlagsDocument,
  ManageLinksDocument,
  ManageMonitorsDocument,
  SegmentsDocument,
  type SegmentVisibility,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import {
  canWrite,
  checked,
  formatPeriod,
  integer,
  Listing,
  list,
  ManageForm,
  optional,
  ReadError,
  type Role,
  succeeded,
  text,
  useVersion,
  words,
} from './form.tsx';
import { useWebsites, websiteOptions } from './websites.tsx';

/** A record's website, by name ("All websites" when it has none). */
function useWebsiteName() {
  const { websites } = useWebsites();
  return (id: string | null | undefined) => {
    if (!id) return 'All websites';
    const site = websites.find((w) => w.id === id);
    return site ? (site.name ?? site.domain) : id;
  };
}

const DIMENSIONS: AnalyticsDimension[] = [
  'PATH',
  'ENTRY_PAGE',
  'EXIT_PAGE',
  'SOURCE',
  'CHANNEL',
  'REFERRER_DOMAIN',
  'UTM_SOURCE',
  'UTM_MEDIUM',
  'UTM_CAMPAIGN',
  'COUNTRY',
  'REGION',
  'CITY',
  'DEVICE',
  'BROWSER',
  'OS',
  'LANGUAGE',
  'EVENT_NAME',
  'PROPERTY',
];
const OPERATORS: AnalyticsFilterOperator[] = [
  'IS',
  'IS_NOT',
  'CONTAINS',
  'NOT_CONTAINS',
  'STARTS_WITH',
  'IN',
  'NOT_IN',
  'REGEX',
];
/** A filter tree in words: `{ and: [{ field: COUNTRY, op: IS, value: [SE] }] }` → "Country is SE". */
function describeFilter(tree: AnalyticsFilterTreeInput): string {
  const group = (trees: AnalyticsFilterTreeInput[], joint: string) => {
    const parts = trees.map(describeFilter);
    return parts.length > 1 ? parts.map((part) => `(${part})`).join(` ${joint} `) : (parts[0] ?? '');
  };
  if (tree.and) return group(tree.and, 'and');
  if (tree.or) return group(tree.or, 'or');
  if (tree.not) return `not (${describeFilter(tree.not)})`;
  if (tree.field && tree.op) {
    const key = tree.key ? ` ${tree.key}` : '';
    return `${words(tree.field)}${key} ${words(tree.op).toLowerCase()} ${(tree.value ?? []).join(', ')}`;
  }
  // Behaviour conditions (hasDone, hasNotDone) are made through the API: shown as it stores them.
  return JSON.stringify(tree);
}

const optionsOf = (values: string[]) => values.map((value) => ({ value, label: words(value) }));

export function Segments({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const [conditions, setConditions] = useState(1);
  const state = useQuery(SegmentsDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Segments</h1>
      <p>Saved filters to apply to a website's dashboard.</p>
      {state.error && <ReadError error={state.error} />}
      {state.data && (
        <Listing
          caption="Segments you can see"
          rows={state.data.segments}
          nameOf={(segment) => segment.name}
          columns={[
            { label: 'Segment', cell: (s) => s.name },
            { label: 'Website', cell: (s) => websiteName(s.websiteId) },
            { label: 'Visible to', cell: (s) => (s.visibility === 'PRIVATE' ? 'You' : 'The organization') },
            { label: 'Filter', cell: (s) => describeFilter(s.filter as AnalyticsFilterTreeInput) },
          ]}
          onDelete={
            canWrite(role)
              ? async (segment) => {
                  succeeded((await client.request(DeleteSegmentDocument, { id: segment.id })).deleteSegment);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add a segment"
          submit="Add segment"
          fields={(values) => [
            { name: 'name', label: 'Name', required: true },
            { name: 'websiteId', label: 'Website', options: websiteOptions(websites, 'All websites') },
            {
              name: 'visibility',
              label: 'Visible to',
              options: [
                { value: 'PRIVATE', label: 'You' },
                { value: 'ORGANIZATION', label: 'The organization' },
              ],
            },
            {
              name: 'match',
              label: 'Visits matching',
              options: [
                { value: 'and', label: 'every condition' },
                { value: 'or', label: 'any condition' },
              ],
            },
            ...Array.from({ length: conditions }, (_, n) => [
              { name: `filter.${n}.field`, label: `Condition ${n + 1}: dimension`, options: optionsOf(DIMENSIONS) },
              ...(values.get(`filter.${n}.field`) === 'PROPERTY'
                ? [{ name: `filter.${n}.key`, label: `Condition ${n + 1}: property`, required: true }]
                : []),
              { name: `filter.${n}.op`, label: `Condition ${n + 1}: operator`, options: optionsOf(OPERATORS) },
              {
                name: `filter.${n}.value`,
                label: `Condition ${n + 1}: value`,
                required: true,
                hint: 'Several values (for In): comma-separated.',
              },
            ]).flat(),
            <p key="more" class="step-buttons">
              <button type="button" onClick={() => setConditions(Math.min(20, conditions + 1))}>
                Add a condition
              </button>{' '}
              <button
                type="button"
                onClick={() => setConditions(Math.max(1, conditions - 1))}
                disabled={conditions <= 1}
              >
                Remove the last condition
              </button>
            </p>,
          ]}
          onSubmit={async (data) => {
            const leaves: AnalyticsFilterTreeInput[] = Array.from({ length: conditions }, (_, n) => ({
              field: text(data, `filter.${n}.field`) as AnalyticsDimension,
              key: optional(data, `filter.${n}.key`),
              op: text(data, `filter.${n}.op`) as AnalyticsFilterOperator,
              value: list(data, `filter.${n}.value`),
            }));
            const { createSegment } = await client.request(CreateSegmentDocument, {
              websiteId: optional(data, 'websiteId'),
              input: {
                name: text(data, 'name'),
                visibility: text(data, 'visibility') as SegmentVisibility,
                filter: text(data, 'match') === 'or' ? { or: leaves } : { and: leaves },
              },
            });
            succeeded(createSegment);
            setConditions(1);
            refresh();
          }}
        />
      )}
    </section>
  );
}

export function Flags({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageFlagsDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const flags = state.data?.organization.flags.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Feature flags</h1>
      <p>
        Your code asks for a flag by its key (<code>evaluateFlags</code>); targeting rules and variants are set through
        the API.
      </p>
      {state.error && <ReadError error={state.error} />}
      {flags && (
        <Listing
          caption="Feature flags of the organization"
          rows={flags}
          nameOf={(flag) => flag.key}
          columns={[
            { label: 'Key', cell: (f) => <code>{f.key}</code> },
            { label: 'Name', cell: (f) => f.name ?? '' },
            {
              label: 'Decides',
              cell: (f) =>
                f.type === 'ROLLOUT'
                  ? `${f.rolloutPercentage} % of visitors`
                  : f.type === 'BOOLEAN'
                    ? `${f.defaultValue === true ? 'On' : 'Off'} unless a rule matches`
                    : words(f.type),
            },
            { label: 'Status', cell: (f) => words(f.status) },
            { label: 'Website', cell: (f) => websiteName(f.websiteId) },
          ]}
          onDelete={
            canWrite(role)
              ? async (flag) => {
                  succeeded((await client.request(ManageDeleteFlagDocument, { id: flag.id })).deleteFlag);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add a feature flag"
          submit="Add flag"
          fields={(values) => [
            { name: 'key', label: 'Key', required: true, placeholder: 'new-checkout' },
            { name: 'name', label: 'Name' },
            {
              name: 'type',
              label: 'Decides by',
              options: [
                { value: 'BOOLEAN', label: 'On or off' },
                { value: 'ROLLOUT', label: 'A share of visitors' },
              ],
            },
            values.get('type') === 'ROLLOUT'
              ? {
                  name: 'rolloutPercentage',
                  label: 'Share of visitors on (%)',
                  type: 'number',
                  min: 0,
                  max: 100,
                  value: '0',
                }
              : { name: 'defaultValue', label: 'On when no rule matches', type: 'checkbox' },
            { name: 'websiteId', label: 'Website', options: websiteOptions(websites, 'All websites') },
            { name: 'description', label: 'Description' },
          ]}
          onSubmit={async (data) => {
            const rollout = text(data, 'type') === 'ROLLOUT';
            const { createFlag } = await client.request(ManageCreateFlagDocument, {
              input: {
                key: text(data, 'key'),
                name: optional(data, 'name'),
                type: rollout ? 'ROLLOUT' : 'BOOLEAN',
                rolloutPercentage: rollout ? integer(data, 'rolloutPercentage') : undefined,
                defaultValue: rollout ? undefined : checked(data, 'defaultValue'),
                websiteId: optional(data, 'websiteId'),
                description: optional(data, 'description'),
              },
            });
            succeeded(createFlag);
            refresh();
          }}
        />
      )}
    </section>
  );
}

export function Links({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageLinksDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const links = state.data?.organization.links.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Short links</h1>
      <p>
        Ingest redirects <code>/l/&lt;slug&gt;</code> to the target and counts the click.
      </p>
      {state.error && <ReadError error={state.error} />}
      {links && (
        <Listing
          caption="Short links of the organization"
          rows={links}
          nameOf={(l) => l.slug}
          columns={[
            { label: 'Slug', cell: (l) => <code>{l.slug}</code> },
            { label: 'Target', cell: (l) => l.targetUrl },
            { label: 'Name', cell: (l) => l.name ?? '' },
            { label: 'Redirects', cell: (l) => (l.enabled ? 'Yes' : 'No') },
            { label: 'Website', cell: (l) => websiteName(l.websiteId) },
          ]}
          onDelete={
            canWrite(role)
              ? async (l) => {
                  succeeded((await client.request(ManageDeleteLinkDocument, { id: l.id })).deleteLink);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add a short link"
          submit="Add link"
          fields={() => [
            { name: 'slug', label: 'Slug', required: true, placeholder: 'launch' },
            {
              name: 'targetUrl',
              label: 'Target URL',
              type: 'url',
              required: true,
              placeholder: 'https://example.com/launch',
            },
            { name: 'name', label: 'Name' },
            { name: 'websiteId', label: 'Clicks count for', options: websiteOptions(websites, 'No website') },
            { name: 'permanent', label: 'Permanent redirect (301)', type: 'checkbox' },
          ]}
          onSubmit={async (data) => {
            const { createLink } = await client.request(ManageCreateLinkDocument, {
              input: {
                slug: text(data, 'slug'),
                targetUrl: text(data, 'targetUrl'),
                name: optional(data, 'name'),
                websiteId: optional(data, 'websiteId'),
                permanent: checked(data, 'permanent'),
              },
            });
            succeeded(createLink);
            refresh();
          }}
        />
      )}
    </section>
  );
}

export function Monitors({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageMonitorsDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const monitors = state.data?.organization.uptimeMonitors.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Uptime monitors</h1>
      {state.error && <ReadError error={state.error} />}
      {monitors && (
        <Listing
          caption="Uptime monitors of the organization"
          rows={monitors}
          nameOf={(m) => m.name}
          columns={[
            { label: 'Monitor', cell: (m) => m.name },
            { label: 'Checks', cell: (m) => `${m.method} ${m.url}` },
            { label: 'Every', cell: (m) => formatPeriod(m.intervalSeconds) },
            { label: 'Running', cell: (m) => (m.enabled ? 'Yes' : 'No') },
            { label: 'Website', cell: (m) => websiteName(m.websiteId) },
          ]}
          onDelete={
            canWrite(role)
              ? async (m) => {
                  succeeded((await client.request(ManageDeleteMonitorDocument, { id: m.id })).deleteUptimeMonitor);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add an uptime monitor"
          submit="Add monitor"
          fields={() => [
            { name: 'name', label: 'Name', required: true },
            { name: 'url', label: 'URL', type: 'url', required: true, placeholder: 'https://example.com/health' },
            { name: 'method', label: 'Method', options: ['GET', 'HEAD', 'POST'].map((m) => ({ value: m, label: m })) },
            { name: 'intervalSeconds', label: 'Every (seconds)', type: 'number', min: 30, value: '60' },
            { name: 'expectedStatus', label: 'Expected status', type: 'number', hint: 'Empty: any 2xx.' },
            { name: 'websiteId', label: 'Website', options: websiteOptions(websites, 'No website') },
          ]}
          onSubmit={async (data) => {
            const { createUptimeMonitor } = await client.request(ManageCreateMonitorDocument, {
              input: {
                name: text(data, 'name'),
                url: text(data, 'url'),
                method: text(data, 'method'),
                intervalSeconds: integer(data, 'intervalSeconds'),
                expectedStatus: integer(data, 'expectedStatus'),
                websiteId: optional(data, 'websiteId'),
              },
            });
            succeeded(createUptimeMonitor);
            refresh();
          }}
        />
      )}
    </section>
  );
}
