// The organization's segments, feature flags, short links and uptime monitors: listed, added,
// changed and deleted (each may belong to one website or to all of them).
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
  type ManageFlagsQuery,
  ManageLinksDocument,
  type ManageLinksQuery,
  ManageMonitorsDocument,
  type ManageMonitorsQuery,
  ManageUpdateFlagDocument,
  ManageUpdateLinkDocument,
  ManageUpdateMonitorDocument,
  SegmentsDocument,
  type SegmentsQuery,
  type SegmentVisibility,
  UpdateSegmentDocument,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import { checked, formatPeriod, integer, list, optional, type Role, text, useVersion, words } from './form.tsx';
import { type RecordKind, Records } from './records.tsx';
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

type Segment = SegmentsQuery['segments'][number];
type Leaf = Pick<AnalyticsFilterTreeInput, 'field' | 'key' | 'op' | 'value'>;

/** A segment's conditions when the form can show them: one `and` or `or` of dimension conditions. */
function formConditions(filter: AnalyticsFilterTreeInput): { match: 'and' | 'or'; leaves: Leaf[] } | undefined {
  const match = filter.and ? 'and' : filter.or ? 'or' : undefined;
  const leaves = filter.and ?? filter.or;
  if (!match || !leaves?.length || !leaves.every((leaf) => leaf.field && leaf.op && !leaf.and && !leaf.or && !leaf.not))
    return undefined;
  return { match, leaves };
}

export function Segments({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const [conditions, setConditions] = useState(1);
  const state = useQuery(SegmentsDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const kind: RecordKind<Segment> = {
    noun: 'segment',
    caption: 'Segments you can see',
    nameOf: (segment) => segment.name,
    columns: [
      { label: 'Segment', cell: (s) => s.name },
      { label: 'Website', cell: (s) => websiteName(s.websiteId) },
      { label: 'Visible to', cell: (s) => (s.visibility === 'PRIVATE' ? 'You' : 'The organization') },
      { label: 'Filter', cell: (s) => describeFilter(s.filter as AnalyticsFilterTreeInput) },
    ],
    // Behaviour conditions and nested trees are the API's to change: the form would lose them.
    editable: (s) => !!formConditions(s.filter as AnalyticsFilterTreeInput),
    onEdit: (s) => setConditions(s ? (formConditions(s.filter as AnalyticsFilterTreeInput)?.leaves.length ?? 1) : 1),
    onSaved: () => setConditions(1),
    prefill: (s) => {
      const form = formConditions(s.filter as AnalyticsFilterTreeInput);
      const values: Record<string, string> = { name: s.name, visibility: s.visibility, match: form?.match ?? 'and' };
      form?.leaves.forEach((leaf, n) => {
        values[`filter.${n}.field`] = String(leaf.field);
        values[`filter.${n}.key`] = leaf.key ?? '';
        values[`filter.${n}.op`] = String(leaf.op);
        values[`filter.${n}.value`] = (leaf.value ?? []).join(', ');
      });
      return values;
    },
    fields: (values, editing) => [
      { name: 'name', label: 'Name', required: true },
      // A segment's website is set when it is made (SegmentInput has none).
      ...(editing ? [] : [{ name: 'websiteId', label: 'Website', options: websiteOptions(websites, 'All websites') }]),
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
        <button type="button" onClick={() => setConditions(Math.max(1, conditions - 1))} disabled={conditions <= 1}>
          Remove the last condition
        </button>
      </p>,
    ],
    save: async (data, editing) => {
      const leaves: AnalyticsFilterTreeInput[] = Array.from({ length: conditions }, (_, n) => ({
        field: text(data, `filter.${n}.field`) as AnalyticsDimension,
        key: optional(data, `filter.${n}.key`),
        op: text(data, `filter.${n}.op`) as AnalyticsFilterOperator,
        value: list(data, `filter.${n}.value`),
      }));
      const input = {
        name: text(data, 'name'),
        visibility: text(data, 'visibility') as SegmentVisibility,
        filter: text(data, 'match') === 'or' ? { or: leaves } : { and: leaves },
      };
      return editing
        ? (await client.request(UpdateSegmentDocument, { id: editing.id, input })).updateSegment
        : (await client.request(CreateSegmentDocument, { websiteId: optional(data, 'websiteId'), input }))
            .createSegment;
    },
    remove: async (s) => (await client.request(DeleteSegmentDocument, { id: s.id })).deleteSegment,
  };
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Segments</h1>
      <p>Saved filters to apply to a website's dashboard.</p>
      <Records kind={kind} role={role} rows={state.data?.segments} error={state.error} refresh={refresh} />
    </section>
  );
}

type Flag = ManageFlagsQuery['organization']['flags']['edges'][number]['node'];

export function Flags({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageFlagsDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const kind: RecordKind<Flag> = {
    noun: 'feature flag',
    addLabel: 'Add flag',
    caption: 'Feature flags of the organization',
    nameOf: (flag) => flag.key,
    columns: [
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
    ],
    // The update replaces every field: the form changes only flags whose rules and variants it keeps.
    editable: (f) => (f.type === 'BOOLEAN' || f.type === 'ROLLOUT') && !f.rules.length && !f.variants.length,
    prefill: (f) => ({
      key: f.key,
      name: f.name ?? '',
      type: f.type,
      rolloutPercentage: String(f.rolloutPercentage),
      defaultValue: f.defaultValue === true,
      websiteId: f.websiteId ?? '',
      description: f.description ?? '',
      status: f.status,
    }),
    fields: (values, editing) => [
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
        ? { name: 'rolloutPercentage', label: 'Share of visitors on (%)', type: 'number', min: 0, max: 100, value: '0' }
        : { name: 'defaultValue', label: 'On when no rule matches', type: 'checkbox' },
      ...(editing ? [{ name: 'status', label: 'Status', options: optionsOf(['ACTIVE', 'INACTIVE', 'ARCHIVED']) }] : []),
      { name: 'websiteId', label: 'Website', options: websiteOptions(websites, 'All websites') },
      { name: 'description', label: 'Description' },
    ],
    save: async (data, editing) => {
      const rollout = text(data, 'type') === 'ROLLOUT';
      const input = {
        // What the form does not show is kept as the flag has it.
        ...(editing && {
          environment: editing.environment,
          payload: editing.payload,
          dependencies: editing.dependencies,
          persistAcrossAuth: editing.persistAcrossAuth,
          rolloutBy: editing.rolloutBy,
          status: text(data, 'status') as Flag['status'],
        }),
        key: text(data, 'key'),
        name: optional(data, 'name'),
        type: rollout ? ('ROLLOUT' as const) : ('BOOLEAN' as const),
        rolloutPercentage: rollout ? integer(data, 'rolloutPercentage') : undefined,
        defaultValue: rollout ? undefined : checked(data, 'defaultValue'),
        websiteId: optional(data, 'websiteId'),
        description: optional(data, 'description'),
      };
      return editing
        ? (await client.request(ManageUpdateFlagDocument, { id: editing.id, input })).updateFlag
        : (await client.request(ManageCreateFlagDocument, { input })).createFlag;
    },
    remove: async (f) => (await client.request(ManageDeleteFlagDocument, { id: f.id })).deleteFlag,
  };
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Feature flags</h1>
      <p>
        Your code asks for a flag by its key (<code>evaluateFlags</code>); targeting rules and variants are set through
        the API.
      </p>
      <Records
        kind={kind}
        role={role}
        rows={state.data?.organization.flags.edges.map((edge) => edge.node)}
        error={state.error}
        refresh={refresh}
      />
    </section>
  );
}

type Link = ManageLinksQuery['organization']['links']['edges'][number]['node'];

export function Links({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageLinksDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const kind: RecordKind<Link> = {
    noun: 'short link',
    addLabel: 'Add link',
    caption: 'Short links of the organization',
    nameOf: (l) => l.slug,
    columns: [
      { label: 'Slug', cell: (l) => <code>{l.slug}</code> },
      { label: 'Target', cell: (l) => l.targetUrl },
      { label: 'Name', cell: (l) => l.name ?? '' },
      { label: 'Redirects', cell: (l) => (l.enabled ? 'Yes' : 'No') },
      { label: 'Website', cell: (l) => websiteName(l.websiteId) },
    ],
    prefill: (l) => ({
      slug: l.slug,
      targetUrl: l.targetUrl,
      name: l.name ?? '',
      websiteId: l.websiteId ?? '',
      permanent: l.permanent,
      enabled: l.enabled,
    }),
    fields: (_values, editing) => [
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
      ...(editing ? [{ name: 'enabled', label: 'Redirects', type: 'checkbox' as const }] : []),
    ],
    save: async (data, editing) => {
      const input = {
        slug: text(data, 'slug'),
        targetUrl: text(data, 'targetUrl'),
        name: optional(data, 'name'),
        websiteId: optional(data, 'websiteId'),
        permanent: checked(data, 'permanent'),
        ...(editing && { enabled: checked(data, 'enabled'), expiresAt: editing.expiresAt }),
      };
      return editing
        ? (await client.request(ManageUpdateLinkDocument, { id: editing.id, input })).updateLink
        : (await client.request(ManageCreateLinkDocument, { input })).createLink;
    },
    remove: async (l) => (await client.request(ManageDeleteLinkDocument, { id: l.id })).deleteLink,
  };
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Short links</h1>
      <p>
        Ingest redirects <code>/l/&lt;slug&gt;</code> to the target and counts the click.
      </p>
      <Records
        kind={kind}
        role={role}
        rows={state.data?.organization.links.edges.map((edge) => edge.node)}
        error={state.error}
        refresh={refresh}
      />
    </section>
  );
}

type Monitor = ManageMonitorsQuery['organization']['uptimeMonitors']['edges'][number]['node'];

export function Monitors({ role }: { role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageMonitorsDocument, {}, { refresh: version });
  const { websites } = useWebsites();
  const websiteName = useWebsiteName();
  const kind: RecordKind<Monitor> = {
    noun: 'uptime monitor',
    addLabel: 'Add monitor',
    caption: 'Uptime monitors of the organization',
    nameOf: (m) => m.name,
    columns: [
      { label: 'Monitor', cell: (m) => m.name },
      { label: 'Checks', cell: (m) => `${m.method} ${m.url}` },
      { label: 'Every', cell: (m) => formatPeriod(m.intervalSeconds) },
      { label: 'Running', cell: (m) => (m.enabled ? 'Yes' : 'No') },
      { label: 'Website', cell: (m) => websiteName(m.websiteId) },
    ],
    prefill: (m) => ({
      name: m.name,
      url: m.url,
      method: m.method,
      intervalSeconds: String(m.intervalSeconds),
      expectedStatus: m.expectedStatus == null ? '' : String(m.expectedStatus),
      websiteId: m.websiteId ?? '',
      enabled: m.enabled,
    }),
    fields: (_values, editing) => [
      { name: 'name', label: 'Name', required: true },
      { name: 'url', label: 'URL', type: 'url', required: true, placeholder: 'https://example.com/health' },
      { name: 'method', label: 'Method', options: ['GET', 'HEAD', 'POST'].map((m) => ({ value: m, label: m })) },
      { name: 'intervalSeconds', label: 'Every (seconds)', type: 'number', min: 30, value: '60' },
      { name: 'expectedStatus', label: 'Expected status', type: 'number', hint: 'Empty: any 2xx.' },
      { name: 'websiteId', label: 'Website', options: websiteOptions(websites, 'No website') },
      ...(editing ? [{ name: 'enabled', label: 'Running', type: 'checkbox' as const }] : []),
    ],
    save: async (data, editing) => {
      const input = {
        name: text(data, 'name'),
        url: text(data, 'url'),
        method: text(data, 'method'),
        intervalSeconds: integer(data, 'intervalSeconds'),
        expectedStatus: integer(data, 'expectedStatus'),
        websiteId: optional(data, 'websiteId'),
        ...(editing && { enabled: checked(data, 'enabled'), timeoutMs: editing.timeoutMs }),
      };
      return editing
        ? (await client.request(ManageUpdateMonitorDocument, { id: editing.id, input })).updateUptimeMonitor
        : (await client.request(ManageCreateMonitorDocument, { input })).createUptimeMonitor;
    },
    remove: async (m) => (await client.request(ManageDeleteMonitorDocument, { id: m.id })).deleteUptimeMonitor,
  };
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">Uptime monitors</h1>
      <Records
        kind={kind}
        role={role}
        rows={state.data?.organization.uptimeMonitors.edges.map((edge) => edge.node)}
        error={state.error}
        refresh={refresh}
      />
    </section>
  );
}
