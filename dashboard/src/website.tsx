// One website's dashboard: range, filters and segment from the URL, summary cards with the previous
// period, the main chart with annotations, and the panels, each from its own query.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type AnalyticsDimension,
  DashboardAnnotationsDocument,
  DashboardBreakdownDocument,
  DashboardCustomEventsDocument,
  DashboardEntryExitDocument,
  DashboardErrorsDocument,
  DashboardEventPropertiesDocument,
  DashboardFunnelDocument,
  DashboardFunnelsDocument,
  DashboardGoalsDocument,
  DashboardLinksDocument,
  DashboardMonitorsDocument,
  DashboardOverviewDocument,
  DashboardPreviousSeriesDocument,
  DashboardRealtimeDocument,
  DashboardRecentErrorsDocument,
  DashboardRetentionDocument,
  DashboardRevenueDocument,
  DashboardVitalsDocument,
  DashboardWebsiteDocument,
  DashboardWebsiteSettingsDocument,
  type DateRangeInput,
} from '../../client/generated/graphql.ts';
import { errorCode, type QueryState, useQuery } from './api.ts';
import { type Marker, type Series, TimeChart } from './chart.tsx';
import { RangeControls, SegmentControls } from './controls.tsx';
import { countryName, formatChange, formatDuration, formatInt, formatNumber, formatPercent } from './format.ts';
import { link, navigate, useLocation } from './location.ts';
import type { MapProps, WorldMap } from './map.tsx';
import { type Column, Message, Panel, refusedToCaller } from './panel.tsx';
import { SessionsPanel } from './sessions.tsx';
import { type Filter, filterInputs, rangeInput, searchOf, type View, viewOf, withView } from './view.ts';

interface Scope {
  id: string;
  range: DateRangeInput;
  filters: ReturnType<typeof filterInputs>;
  /** The saved segment the figures are seen through (`analytics(segment:)`), if any. */
  segment: string | null;
  view: View;
  timezone: string;
  /** Adds a filter (a new history entry). */
  pick: (filter: Filter) => void;
  /** Whether organization-wide panels (monitors, links) may be asked for. */
  member: boolean;
  /**
   * Whether the overview (cards and main chart) has its answer for this view: the panels ask only
   * then, so the chart's queries are not queued behind theirs (embedded ClickHouse runs one query
   * at a time).
   */
  ready: boolean;
  /** The overview calls it with the view it answered. */
  overviewAnswered: (search: string) => void;
}

const DIMENSION_LABELS: Partial<Record<AnalyticsDimension, string>> = {
  SOURCE: 'Source',
  CHANNEL: 'Channel',
  REFERRER_DOMAIN: 'Referrer',
  UTM_SOURCE: 'UTM source',
  UTM_MEDIUM: 'UTM medium',
  UTM_CAMPAIGN: 'UTM campaign',
  UTM_TERM: 'UTM term',
  UTM_CONTENT: 'UTM content',
  PATH: 'Page',
  ENTRY_PAGE: 'Entry page',
  EXIT_PAGE: 'Exit page',
  COUNTRY: 'Country',
  REGION: 'Region',
  CITY: 'City',
  DEVICE: 'Device',
  BROWSER: 'Browser',
  OS: 'OS',
  SCREEN_RESOLUTION: 'Screen size',
  LANGUAGE: 'Language',
  EVENT_NAME: 'Event',
  PROPERTY: 'Property',
  TIMEZONE: 'Timezone',
};

export const dimensionLabel = (field: AnalyticsDimension) => DIMENSION_LABELS[field] ?? field;

function timezoneOf(settings: unknown): string {
  const zone = settings && typeof settings === 'object' ? (settings as { timezone?: unknown }).timezone : undefined;
  if (typeof zone !== 'string') return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

export function WebsiteDashboard({ id, basePath, member }: { id: string; basePath: string; member: boolean }) {
  const { search } = useLocation();
  const view = useMemo(() => viewOf(search), [search]);
  const [answered, setAnswered] = useState<string>();
  const website = useQuery(DashboardWebsiteDocument, { id });
  const settings = useQuery(DashboardWebsiteSettingsDocument, { id }, { skip: !member });
  const site = website.data?.website;
  const title = site ? (site.name ?? site.domain) : undefined;
  useEffect(() => {
    if (title) document.title = `${title} · Tidemark`;
    return () => {
      document.title = 'Tidemark';
    };
  }, [title]);
  // Public and shared views read no settings: their days are UTC days.
  if (!site || settings.loading) return <Message state={website} empty />;
  const timezone = timezoneOf(settings.data?.website.settings);
  const go = (next: View) => navigate(`${basePath}${searchOf(next)}`);
  const scope: Scope = {
    id,
    view,
    timezone,
    range: rangeInput(view, timezone),
    filters: filterInputs(view.filters),
    segment: view.segment ?? null,
    pick: (filter) => {
      const rest = view.filters.filter((f) => f.field !== filter.field || f.key !== filter.key);
      go(withView(view, { filters: [...rest, filter] }));
    },
    member,
    ready: answered === search,
    overviewAnswered: setAnswered,
  };
  return (
    <>
      <div class="site-head">
        <h1>
          {site.name ?? site.domain} <small>{site.domain}</small>
        </h1>
        {member && (
          <a href={`/manage/websites/${id}`} onClick={link(`/manage/websites/${id}`)}>
            Settings
          </a>
        )}
        <Realtime id={id} />
      </div>
      <RangeControls view={view} timezone={timezone} onChange={go} />
      <SegmentControls id={id} view={view} timezone={timezone} member={member} ready={scope.ready} onChange={go} />
      <Filters view={view} onChange={go} />
      <Overview scope={scope} search={search} />
      <div class="grid">
        <BreakdownPanel
          scope={scope}
          id="sources"
          title="Sources"
          tabs={[
            'SOURCE',
            'CHANNEL',
            'REFERRER_DOMAIN',
            'UTM_SOURCE',
            'UTM_MEDIUM',
            'UTM_CAMPAIGN',
            'UTM_TERM',
            'UTM_CONTENT',
          ]}
        />
        <PagesPanel scope={scope} />
        <BreakdownPanel scope={scope} id="locations" title="Locations" tabs={['COUNTRY', 'REGION', 'CITY']}>
          {/* The default geolocation database's licence (CC BY 4.0) asks pages showing locations to credit it. */}
          <p class="credit">
            IP geolocation by <a href="https://db-ip.com">DB-IP</a>
          </p>
        </BreakdownPanel>
        <BreakdownPanel
          scope={scope}
          id="devices"
          title="Devices"
          tabs={['DEVICE', 'BROWSER', 'OS', 'SCREEN_RESOLUTION']}
        />
        <BreakdownPanel scope={scope} id="languages" title="Languages" tabs={['LANGUAGE']} />
        <GoalsPanel scope={scope} />
        <CustomEventsPanel scope={scope} />
        <FunnelsPanel scope={scope} />
        <VitalsPanel scope={scope} />
        <ErrorsPanel scope={scope} />
        <RevenuePanel scope={scope} />
        <RetentionPanel scope={scope} />
        {member && (
          <SessionsPanel
            id={scope.id}
            range={scope.range}
            filters={scope.filters}
            segment={scope.segment}
            timezone={scope.timezone}
            ready={scope.ready}
          />
        )}
        {member && <MonitorsPanel scope={scope} />}
        {member && <LinksPanel scope={scope} />}
      </div>
    </>
  );
}

/** Realtime visitors, asked again every 30 s. */
function Realtime({ id }: { id: string }) {
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setRefresh((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const realtime = useQuery(DashboardRealtimeDocument, { id }, { refresh });
  const visitors = realtime.data?.website.analytics.realtimeVisitors;
  return (
    <p class="realtime" data-panel="realtime">
      <span class="dot" aria-hidden="true" />
      <span data-figure="realtime">{visitors == null ? '…' : formatInt(visitors)}</span>{' '}
      {visitors === 1 ? 'visitor' : 'visitors'} in the last 5 minutes
    </p>
  );
}

function Filters({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  if (!view.filters.length) return null;
  return (
    <ul class="filters" aria-label="Filters">
      {view.filters.map((f, i) => (
        <li key={`${f.field}${f.key}${f.op}${f.value}`}>
          <span>
            {dimensionLabel(f.field)}
            {f.key ? ` ${f.key}` : ''} {f.op === 'IS' ? 'is' : f.op.toLowerCase().replace('_', ' ')}{' '}
            <strong>{f.field === 'COUNTRY' ? countryName(f.value) : f.value || '(none)'}</strong>
          </span>
          <button
            type="button"
            aria-label={`Remove filter ${dimensionLabel(f.field)} ${f.value}`}
            onClick={() => onChange(withView(view, { filters: view.filters.filter((_, j) => j !== i) }))}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" class="link" onClick={() => onChange(withView(view, { filters: [] }))}>
          Clear all
        </button>
      </li>
    </ul>
  );
}

const METRICS = [
  { key: 'visitors', label: 'Visitors', color: '#0369a1' },
  { key: 'pageviews', label: 'Page views', color: '#7c3aed' },
  { key: 'sessions', label: 'Visits', color: '#047857' },
] as const;

function Overview({ scope, search }: { scope: Scope; search: string }) {
  const [metric, setMetric] = useState<(typeof METRICS)[number]['key']>('visitors');
  const variables = {
    id: scope.id,
    range: scope.range,
    filters: scope.filters,
    segment: scope.segment,
    interval: scope.view.interval,
  };
  const overview = useQuery(DashboardOverviewDocument, variables);
  const { overviewAnswered } = scope;
  useEffect(() => {
    if (overview.key === JSON.stringify(variables) && !overview.loading) overviewAnswered(search);
  });
  const analytics = overview.data?.website.analytics;
  const resolved = analytics?.range;
  const previous = useQuery(DashboardPreviousSeriesDocument, variables, { skip: !scope.view.compare || !resolved });
  const summary = analytics?.summary;
  const chosen = METRICS.find((m) => m.key === metric) ?? METRICS[0];
  const points = analytics?.timeseries;
  const times = useMemo(() => (points ?? []).map((p) => Date.parse(String(p.time)) / 1000), [points]);
  const series = useMemo(() => {
    const list: Series[] = [
      { label: chosen.label, values: (points ?? []).map((p) => p[chosen.key]), color: chosen.color },
    ];
    const before = previous.data?.website.analytics.comparison?.timeseries;
    if (scope.view.compare && before) {
      list.push({
        label: `${chosen.label} (previous period)`,
        values: times.map((_, i) => before[i]?.[chosen.key] ?? null),
        color: '#78716c',
        dashed: true,
      });
    }
    return list;
  }, [points, chosen, previous.data, scope.view.compare, times]);
  const annotations = useQuery(DashboardAnnotationsDocument, { id: scope.id }, { skip: !scope.member }).data?.website
    .annotations.edges;
  const markers = useMemo<Marker[]>(
    () =>
      (annotations ?? []).map(({ node }) => ({
        text: node.text,
        start: Date.parse(String(node.startsAt)) / 1000,
        end: node.endsAt ? Date.parse(String(node.endsAt)) / 1000 : undefined,
        color: node.color,
      })),
    [annotations],
  );
  const cards = summary && [
    {
      key: 'visitors',
      label: 'Visitors',
      now: summary.current.visitors,
      before: summary.previous.visitors,
      change: summary.visitorsChange,
      format: formatInt,
    },
    {
      key: 'pageviews',
      label: 'Page views',
      now: summary.current.pageviews,
      before: summary.previous.pageviews,
      change: summary.pageviewsChange,
      format: formatInt,
    },
    {
      key: 'sessions',
      label: 'Visits',
      now: summary.current.sessions,
      before: summary.previous.sessions,
      change: summary.sessionsChange,
      format: formatInt,
    },
    {
      key: 'bounceRate',
      label: 'Bounce rate',
      now: summary.current.bounceRate,
      before: summary.previous.bounceRate,
      change: summary.bounceRateChange,
      format: formatPercent,
      lowerIsBetter: true,
    },
    {
      key: 'avgSessionSeconds',
      label: 'Visit duration',
      now: summary.current.avgSessionSeconds,
      before: summary.previous.avgSessionSeconds,
      change: summary.avgSessionSecondsChange,
      format: formatDuration,
    },
    {
      key: 'pagesPerSession',
      label: 'Pages per visit',
      now: summary.current.pagesPerSession,
      before: summary.previous.pagesPerSession,
      change: null,
      format: (n: number) => formatNumber(n),
    },
  ];
  return (
    <section class="overview" aria-label="Overview" data-panel="overview">
      <Message state={overview} empty={!summary} />
      {cards && (
        <dl class="cards">
          {cards.map((card) => (
            <div class="card" key={card.key} data-card={card.key}>
              <dt>{card.label}</dt>
              <dd class="figure" data-figure={card.key}>
                {card.format(card.now)}
              </dd>
              <dd class="change">
                <span
                  data-change={card.key}
                  class={
                    card.change == null
                      ? ''
                      : card.change > 0 !== !!card.lowerIsBetter
                        ? 'up'
                        : card.change === 0
                          ? ''
                          : 'down'
                  }
                >
                  {formatChange(card.change)}
                </span>
                {scope.view.compare && <span class="before"> from {card.format(card.before)}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <fieldset class="tabs">
        <legend class="visually-hidden">Chart shows</legend>
        {METRICS.map((m) => (
          <button type="button" key={m.key} aria-pressed={m.key === metric} onClick={() => setMetric(m.key)}>
            {m.label}
          </button>
        ))}
      </fieldset>
      {points && (
        <TimeChart
          times={times}
          series={series}
          markers={markers}
          timezone={scope.timezone}
          label={`${chosen.label} per ${scope.view.interval.toLowerCase()}`}
          timed
        />
      )}
      {!!markers.length && (
        <ul class="annotations" aria-label="Annotations">
          {markers.map((m) => (
            <li key={`${m.start}${m.text}`}>
              <time dateTime={new Date(m.start * 1000).toISOString()}>
                {new Date(m.start * 1000).toLocaleDateString('en-GB', { timeZone: scope.timezone })}
              </time>{' '}
              {m.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const TRAFFIC_COLUMNS: Column<{ visitors: number; visits: number; pageviews: number; bounceRate?: number | null }>[] = [
  { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
  { label: 'Visits', value: (r) => r.visits, format: formatInt },
  { label: 'Page views', value: (r) => r.pageviews, format: formatInt },
  { label: 'Bounce rate', value: (r) => r.bounceRate, format: formatPercent },
];

function BreakdownPanel({
  scope,
  id,
  title,
  tabs,
  children,
}: {
  scope: Scope;
  id: string;
  title: string;
  tabs: AnalyticsDimension[];
  children?: ComponentChildren;
}) {
  const [dimension, setDimension] = useState<AnalyticsDimension>(tabs[0] as AnalyticsDimension);
  const map = dimension === 'COUNTRY';
  // The map shades every country with visitors; the table lists the first ten of them.
  const state = useQuery(
    DashboardBreakdownDocument,
    {
      id: scope.id,
      range: scope.range,
      filters: scope.filters,
      segment: scope.segment,
      dimension,
      first: map ? MAP_COUNTRIES : 10,
    },
    { wait: !scope.ready },
  );
  const rows = state.data?.website.analytics.breakdown;
  return (
    <Panel
      id={id}
      title={title}
      tabs={tabs.length > 1 ? tabs.map((key) => ({ key, label: dimensionLabel(key) })) : undefined}
      tab={dimension}
      onTab={(key) => setDimension(key as AnalyticsDimension)}
      state={state}
      rows={map ? rows?.slice(0, 10) : rows}
      keyOf={(row) => row.value}
      labelOf={map ? (row) => countryName(row.value) : undefined}
      keyLabel={dimensionLabel(dimension)}
      onPick={(row) => scope.pick({ field: dimension, op: 'IS', value: row.value })}
      columns={TRAFFIC_COLUMNS}
      footer={children}
    >
      {map && !!rows?.length && (
        <LazyWorldMap
          values={new Map(rows.map((row) => [row.value, row.visitors]))}
          nameOf={countryName}
          format={(visitors) => `${formatInt(visitors)} visitors`}
          onPick={(code) => scope.pick({ field: 'COUNTRY', op: 'IS', value: code })}
        />
      )}
    </Panel>
  );
}

/** Countries the map asks for: every ISO 3166-1 country fits. */
const MAP_COUNTRIES = 300;

/** The world map, imported the first time a Locations panel shows countries (build.ts splits it out). */
function LazyWorldMap(props: MapProps) {
  const [Loaded, setLoaded] = useState<typeof WorldMap | null>(null);
  useEffect(() => {
    let live = true;
    import('./map.tsx').then((module) => live && setLoaded(() => module.WorldMap));
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : <div class="world-map" aria-hidden="true" />;
}

function PagesPanel({ scope }: { scope: Scope }) {
  const [tab, setTab] = useState<'PATH' | 'ENTRY_PAGE' | 'EXIT_PAGE'>('PATH');
  const pages = useQuery(
    DashboardBreakdownDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment, dimension: 'PATH', first: 10 },
    { skip: tab !== 'PATH', wait: !scope.ready },
  );
  const entryExit = useQuery(
    DashboardEntryExitDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment, first: 10 },
    { skip: tab === 'PATH', wait: !scope.ready },
  );
  const tabs = (['PATH', 'ENTRY_PAGE', 'EXIT_PAGE'] as const).map((key) => ({
    key: key.toLowerCase(),
    label: key === 'PATH' ? 'Pages' : dimensionLabel(key).replace(' page', ''),
  }));
  const common = {
    id: 'pages',
    title: 'Pages',
    tabs,
    tab: tab.toLowerCase(),
    onTab: (key: string) => setTab(key.toUpperCase() as typeof tab),
    keyLabel: dimensionLabel(tab),
  };
  if (tab === 'PATH') {
    return (
      <Panel
        {...common}
        state={pages}
        rows={pages.data?.website.analytics.breakdown}
        keyOf={(row) => row.value}
        onPick={(row) => scope.pick({ field: 'PATH', op: 'IS', value: row.value })}
        columns={TRAFFIC_COLUMNS}
      />
    );
  }
  const analytics = entryExit.data?.website.analytics;
  return (
    <Panel
      {...common}
      state={entryExit}
      rows={tab === 'ENTRY_PAGE' ? analytics?.entryPages : analytics?.exitPages}
      keyOf={(row) => row.value}
      onPick={(row) => scope.pick({ field: tab, op: 'IS', value: row.value })}
      columns={[
        { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
        { label: 'Visits', value: (r) => r.sessions, format: formatInt },
        { label: 'Bounce rate', value: (r) => r.bounceRate, format: formatPercent },
      ]}
    />
  );
}

function GoalsPanel({ scope }: { scope: Scope }) {
  const state = useQuery(
    DashboardGoalsDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment },
    { wait: !scope.ready },
  );
  return (
    <Panel
      id="goals"
      title="Goals"
      state={state}
      rows={state.data?.website.analytics.goals}
      keyOf={(row) => row.name}
      keyLabel="Goal"
      columns={[
        { label: 'Conversions', value: (r) => r.conversions, format: formatInt },
        { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
        { label: 'Conversion rate', value: (r) => r.rate, format: formatPercent },
      ]}
    />
  );
}

function CustomEventsPanel({ scope }: { scope: Scope }) {
  const [tab, setTab] = useState('events');
  const state = useQuery(
    DashboardCustomEventsDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment },
    { wait: !scope.ready },
  );
  const events = state.data?.website.analytics.customEvents;
  // Properties of the event the dashboard is filtered by, else of the most frequent one.
  const name = scope.view.filters.find((f) => f.field === 'EVENT_NAME' && f.op === 'IS')?.value ?? events?.[0]?.name;
  const properties = useQuery(
    DashboardEventPropertiesDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment, name: name ?? '' },
    { skip: tab !== 'properties' || !name },
  );
  const tabs = scope.member
    ? [
        { key: 'events', label: 'Events' },
        { key: 'properties', label: name ? `Properties of ${name}` : 'Properties' },
      ]
    : undefined;
  if (tab === 'properties') {
    return (
      <Panel
        id="events"
        title="Custom events"
        tabs={tabs}
        tab={tab}
        onTab={setTab}
        state={properties}
        rows={properties.data?.website.analytics.eventProperties}
        keyOf={(row) => `${row.key}=${row.value}`}
        keyLabel="Property"
        onPick={(row) => scope.pick({ field: 'PROPERTY', key: row.key, op: 'IS', value: row.value })}
        columns={[{ label: 'Occurrences', value: (r) => r.occurrences, format: formatInt }]}
      />
    );
  }
  return (
    <Panel
      id="events"
      title="Custom events"
      tabs={tabs}
      tab={tab}
      onTab={setTab}
      state={state}
      rows={events}
      keyOf={(row) => row.name}
      keyLabel="Event"
      onPick={(row) => scope.pick({ field: 'EVENT_NAME', op: 'IS', value: row.name })}
      columns={[
        { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
        { label: 'Occurrences', value: (r) => r.occurrences, format: formatInt },
      ]}
    />
  );
}

function FunnelsPanel({ scope }: { scope: Scope }) {
  const list = useQuery(DashboardFunnelsDocument, { id: scope.id }, { wait: !scope.ready });
  const funnels = list.data?.website.funnels.edges.map((e) => e.node).filter((f) => f.enabled) ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  const funnelId = chosen ?? funnels[0]?.id;
  const state = useQuery(
    DashboardFunnelDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment, funnelId: funnelId ?? '' },
    { skip: !funnelId, wait: !scope.ready },
  );
  return (
    <Panel
      id="funnels"
      title="Funnels"
      tabs={funnels.length > 1 ? funnels.map((f) => ({ key: f.id, label: f.name })) : undefined}
      tab={funnelId}
      onTab={setChosen}
      state={funnelId ? state : list}
      rows={funnelId ? state.data?.website.analytics.funnel : []}
      keyOf={(row) => row.name}
      keyLabel="Step"
      columns={[
        { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
        { label: 'Conversion', value: (r) => r.conversion, format: formatPercent },
        { label: 'Drop-off', value: (r) => r.dropOff, format: formatPercent },
      ]}
    />
  );
}

const VITALS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
const formatVital = (metric: string) => (value: number) =>
  metric === 'CLS' ? formatNumber(value, 3) : `${formatInt(value)} ms`;

function VitalsPanel({ scope }: { scope: Scope }) {
  const [metric, setMetric] = useState('LCP');
  const state = useQuery(
    DashboardVitalsDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment },
    { wait: !scope.ready },
  );
  const analytics = state.data?.website.analytics;
  const overall = analytics?.overall.find((v) => v.metric === metric);
  const format = formatVital(metric);
  return (
    <Panel
      id="vitals"
      title="Web vitals"
      tabs={VITALS.map((key) => ({ key, label: key }))}
      tab={metric}
      onTab={setMetric}
      state={state}
      rows={analytics?.byPage.filter((v) => v.metric === metric)}
      keyOf={(row) => row.value}
      keyLabel="Page"
      onPick={(row) => scope.pick({ field: 'PATH', op: 'IS', value: row.value })}
      columns={[
        { label: 'Samples', value: (r) => r.samples, format: formatInt },
        { label: 'p75', value: (r) => r.p75, format },
        { label: 'Good', value: (r) => r.good, format: formatPercent },
        { label: 'Needs improvement', value: (r) => r.needsImprovement, format: formatPercent },
        { label: 'Poor', value: (r) => r.poor, format: formatPercent },
      ]}
    >
      {overall && (
        <p class="vital" data-vital={metric}>
          <strong data-figure="p75">{format(overall.p75)}</strong> p75 over {formatInt(overall.samples)} page views ·{' '}
          <span class="good">{formatPercent(overall.good)} good</span> ·{' '}
          <span>{formatPercent(overall.needsImprovement)} needs improvement</span> ·{' '}
          <span class="poor">{formatPercent(overall.poor)} poor</span>
        </p>
      )}
    </Panel>
  );
}

function ErrorsPanel({ scope }: { scope: Scope }) {
  const [tab, setTab] = useState('groups');
  const state = useQuery(
    DashboardErrorsDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment, interval: scope.view.interval },
    { wait: !scope.ready },
  );
  const recent = useQuery(
    DashboardRecentErrorsDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment },
    { skip: tab !== 'recent' },
  );
  const analytics = state.data?.website.analytics;
  const trend = analytics?.errorTrend;
  const times = useMemo(() => (trend ?? []).map((p) => Date.parse(String(p.time)) / 1000), [trend]);
  const series = useMemo<Series[]>(
    () => [{ label: 'Errors', values: (trend ?? []).map((p) => p.errors), color: '#b91c1c' }],
    [trend],
  );
  const common = {
    id: 'errors',
    title: 'Errors',
    tabs: [
      { key: 'groups', label: 'Errors' },
      { key: 'pages', label: 'By page' },
      ...(scope.member ? [{ key: 'recent', label: 'Latest' }] : []),
    ],
    tab,
    onTab: setTab,
  };
  const chart = !!trend?.some((p) => p.errors > 0) && (
    <TimeChart
      times={times}
      series={series}
      timezone={scope.timezone}
      label="Errors over time"
      height={120}
      legend={false}
    />
  );
  if (tab === 'recent') {
    return (
      <Panel
        {...common}
        state={recent}
        rows={recent.data?.website.analytics.recentErrors}
        keyOf={(row) => `${row.time}${row.message}`}
        labelOf={(row) => row.message}
        keyLabel="Error"
        columns={[
          { label: 'Page', value: (r) => r.path, format: (v: string) => v },
          { label: 'Browser', value: (r) => r.browser, format: (v: string) => v },
          {
            label: 'When',
            value: (r) => String(r.time),
            format: (v: string) => new Date(v).toLocaleString('en-GB', { timeZone: scope.timezone }),
          },
        ]}
        footer={
          recent.data?.website.analytics.recentErrors[0]?.stack && (
            <details class="stack">
              <summary>Stack of the latest error</summary>
              <pre>{recent.data.website.analytics.recentErrors[0].stack}</pre>
            </details>
          )
        }
      />
    );
  }
  if (tab === 'pages') {
    return (
      <Panel
        {...common}
        state={state}
        rows={analytics?.errorsByPage}
        keyOf={(row) => row.value}
        keyLabel="Page"
        onPick={(row) => scope.pick({ field: 'PATH', op: 'IS', value: row.value })}
        columns={[
          { label: 'Errors', value: (r) => r.errors, format: formatInt },
          { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
        ]}
      >
        {chart}
      </Panel>
    );
  }
  return (
    <Panel
      {...common}
      state={state}
      rows={analytics?.errors}
      keyOf={(row) => `${row.type}: ${row.message}`}
      labelOf={(row) => row.message}
      keyLabel="Error"
      columns={[
        { label: 'Occurrences', value: (r) => r.occurrences, format: formatInt },
        { label: 'Visitors', value: (r) => r.visitors, format: formatInt },
      ]}
    >
      {chart}
    </Panel>
  );
}

function RevenuePanel({ scope }: { scope: Scope }) {
  const state = useQuery(
    DashboardRevenueDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment },
    { wait: !scope.ready },
  );
  const money = (currency: string) => (amount: number) =>
    amount.toLocaleString('en-US', { style: 'currency', currency: currency.toUpperCase() || 'USD' });
  return (
    <Panel
      id="revenue"
      title="Revenue"
      state={state}
      rows={state.data?.website.analytics.revenue}
      keyOf={(row) => row.currency}
      keyLabel="Currency"
      columns={[
        { label: 'Revenue', value: (r) => r.revenue, format: (n: number) => formatNumber(n) },
        { label: 'Transactions', value: (r) => r.transactions, format: formatInt },
        { label: 'Refunds', value: (r) => r.refunds, format: formatInt },
        { label: 'Refunded', value: (r) => r.refunded, format: (n: number) => formatNumber(n) },
      ]}
      labelOf={(row) => `${row.currency.toUpperCase()} (${money(row.currency)(0).replace(/[\d.,\s]/g, '')})`}
    />
  );
}

function RetentionPanel({ scope }: { scope: Scope }) {
  const state = useQuery(
    DashboardRetentionDocument,
    { id: scope.id, range: scope.range, filters: scope.filters, segment: scope.segment },
    { wait: !scope.ready },
  );
  const cohorts = state.data?.website.analytics.retention ?? [];
  const weeks = Math.max(0, ...cohorts.map((c) => c.visitors.length));
  return (
    <section class="panel wide" aria-labelledby="panel-retention" data-panel="retention">
      <header>
        <h2 id="panel-retention">Retention</h2>
      </header>
      <Message state={state as QueryState<unknown>} empty={!cohorts.length} />
      {!!cohorts.length && (
        <div class="scroll">
          <table class="retention">
            <thead>
              <tr>
                <th scope="col">Cohort week</th>
                {Array.from({ length: weeks }, (_, week) => (
                  <th scope="col" key={week}>
                    {week === 0 ? 'Visitors' : `Week ${week}`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={String(cohort.week)}>
                  <th scope="row">
                    {new Date(String(cohort.week)).toLocaleDateString('en-GB', { timeZone: scope.timezone })}
                  </th>
                  {cohort.visitors.map((visitors, week) => {
                    const share = cohort.visitors[0] ? visitors / (cohort.visitors[0] as number) : 0;
                    return (
                      <td
                        key={week}
                        class={share > 0.45 ? 'cell strong' : 'cell'}
                        style={{ backgroundColor: `rgba(3, 105, 161, ${(share * 0.8).toFixed(2)})` }}
                      >
                        {week === 0 ? formatInt(visitors) : formatPercent(share)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Organization-wide panels are for members: a public or shared view leaves them out. */
const memberOnly = (error: unknown) => refusedToCaller(error) || errorCode(error) === 'NOT_FOUND';

function MonitorsPanel({ scope }: { scope: Scope }) {
  const state = useQuery(DashboardMonitorsDocument, { range: scope.range }, { wait: !scope.ready });
  if (memberOnly(state.error)) return null;
  const rows = state.data?.organization.uptimeMonitors.edges
    .map((e) => e.node)
    .filter((m) => !m.websiteId || m.websiteId === scope.id);
  return (
    <Panel
      id="uptime"
      title="Uptime"
      state={state}
      rows={rows}
      keyOf={(row) => row.name}
      keyLabel="Monitor"
      columns={[
        { label: 'Checks', value: (r) => r.stats.checks, format: formatInt },
        { label: 'Availability', value: (r) => r.stats.availability, format: formatPercent },
        {
          label: 'p95 latency',
          value: (r) => r.stats.latencyP95Ms,
          format: (n: number | null) => (n == null ? '—' : `${formatInt(n)} ms`),
        },
        { label: 'Incidents', value: (r) => r.stats.incidents.length, format: formatInt },
      ]}
    />
  );
}

function LinksPanel({ scope }: { scope: Scope }) {
  const state = useQuery(DashboardLinksDocument, { range: scope.range }, { wait: !scope.ready });
  if (memberOnly(state.error)) return null;
  const rows = state.data?.organization.links.edges.map((e) => e.node).filter((l) => l.websiteId === scope.id);
  return (
    <Panel
      id="links"
      title="Short links"
      state={state}
      rows={rows}
      keyOf={(row) => row.slug}
      labelOf={(row) => `/l/${row.slug}`}
      keyLabel="Link"
      columns={[
        { label: 'Clicks', value: (r) => r.stats.clicks, format: formatInt },
        { label: 'Unique clickers', value: (r) => r.stats.uniqueClickers, format: formatInt },
      ]}
    />
  );
}
