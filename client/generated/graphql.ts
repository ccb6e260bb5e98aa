/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Something done in the range: a browser event of a name (custom events, screen_view, outgoing_link…), or what one of the website’s goals counts (by id; BAD_USER_INPUT for a goal the website does not have). Give exactly one. Server-side events (POST /v1/track) are not looked at. */
export type AnalyticsBehaviourInput = {
  /** Event name. */
  event?: string | null | undefined;
  /** Goal of the website. */
  goalId?: string | number | null | undefined;
  /** The visit or its visitor. */
  per?: AnalyticsBehaviourScope | null | undefined;
};

/** Who must have done it: the visit itself, or its visitor in any of their visits. */
export type AnalyticsBehaviourScope =
  /** The visit. */
  | 'VISIT'
  /** The visit’s visitor, in any visit, within the range. */
  | 'VISITOR';

/** What the figures are compared with. */
export type AnalyticsCompareInput = {
  /** Move the comparison back by whole weeks so each day faces the same weekday (PREVIOUS_PERIOD: the smallest whole number of weeks covering the range; YEAR_OVER_YEAR: 52 weeks). */
  matchDayOfWeek?: boolean | null | undefined;
  /** The kind of comparison. */
  period: AnalyticsComparison;
  /** The range, for CUSTOM only. */
  range?: DateRangeInput | null | undefined;
};

/** What a range is compared with. */
export type AnalyticsComparison =
  /** The range given in `range`. */
  | 'CUSTOM'
  /** The period of the same length just before: as many local days for a range of whole days (DST changes included), else the same duration. */
  | 'PREVIOUS_PERIOD'
  /** The same local dates and times a year before (29 February faces 28 February; a range ending on 1 March ends on 1 March). Raw events are kept one year and the daily rollup two: a year back, only figures the rollup answers (unfiltered daily or coarser page views, visitors and sessions in UTC days) have data. */
  | 'YEAR_OVER_YEAR';

/** What filters compare and breakdowns group by. A visit dimension (marked "visit") is fixed at the start of a visit: a filter on it selects whole visits, and every event of those visits counts. An event dimension (marked "event") belongs to each event: a filter on it selects events, and for visit figures (visitors, visits, bounce rate, duration, entry and exit pages, sessions, journeys, goals, funnels, retention) the visits containing a matching event. A family that cannot apply a filter refuses it with UNSUPPORTED_FILTER. */
export type AnalyticsDimension =
  /** Browser (visit). */
  | 'BROWSER'
  /** Browser and version (visit). */
  | 'BROWSER_VERSION'
  /** Acquisition channel (visit): Direct, Organic Search, Paid Search, Organic Social, Paid Social, Email, Referral, AI Assistants, Display, Affiliates… or Other, from the UTM tags and referrer of the first page view by Google Analytics 4’s default channel rules (api/analytics/channels.ts; README “Channels”). */
  | 'CHANNEL'
  /** City (visit). */
  | 'CITY'
  /** Country code (visit). */
  | 'COUNTRY'
  /** Device type: desktop, mobile or tablet (visit). */
  | 'DEVICE'
  /** First page of the visit (visit). */
  | 'ENTRY_PAGE'
  /** Event name (event): screen_view, page_exit, outgoing_link or a custom event name. Filters only. */
  | 'EVENT_NAME'
  /** Last page of the visit (visit). */
  | 'EXIT_PAGE'
  /** Browser language (visit). */
  | 'LANGUAGE'
  /** Operating system (visit). */
  | 'OS'
  /** Operating system and version (visit). */
  | 'OS_VERSION'
  /** Target of an outgoing link click (event). */
  | 'OUTGOING_LINK'
  /** Page path (event): the page an event happened on. */
  | 'PATH'
  /** A custom event property (event); give its key. Filters only. */
  | 'PROPERTY'
  /** External referrer of the visit’s first page view (visit). */
  | 'REFERRER'
  /** Referrer domain without www. (visit). */
  | 'REFERRER_DOMAIN'
  /** Region (visit). */
  | 'REGION'
  /** Screen resolution (visit). */
  | 'SCREEN_RESOLUTION'
  /** Traffic source (visit): the UTM source, else the referrer’s domain, else “direct”. */
  | 'SOURCE'
  /** Browser timezone (visit). */
  | 'TIMEZONE'
  /** utm_campaign of the first page view (visit). */
  | 'UTM_CAMPAIGN'
  /** utm_content of the first page view (visit). */
  | 'UTM_CONTENT'
  /** utm_medium of the first page view (visit). */
  | 'UTM_MEDIUM'
  /** utm_source of the first page view (visit). */
  | 'UTM_SOURCE'
  /** utm_term of the first page view (visit). */
  | 'UTM_TERM';

/** One filter; all filters must hold. */
export type AnalyticsFilterInput = {
  /** Compare letter case. Default: false for CONTAINS and NOT_CONTAINS, true for the other operators. */
  caseSensitive?: boolean | null | undefined;
  /** What to compare. */
  field: AnalyticsDimension;
  /** Property key, for field PROPERTY. */
  key?: string | null | undefined;
  /** How to compare. */
  op: AnalyticsFilterOperator;
  /** The value (several for IN / NOT_IN). */
  value: Array<string>;
};

/** How a filter compares. */
export type AnalyticsFilterOperator =
  /** contains */
  | 'CONTAINS'
  /** in */
  | 'IN'
  /** is */
  | 'IS'
  /** is not */
  | 'IS_NOT'
  /** not contains */
  | 'NOT_CONTAINS'
  /** not in */
  | 'NOT_IN'
  /** regex */
  | 'REGEX'
  /** starts with */
  | 'STARTS_WITH';

/** A boolean filter tree: set exactly one of `and`, `or`, `not`, or the leaf fields (`field`, `op`, `value`, `key`, `caseSensitive`); anything else is BAD_USER_INPUT. Limits: 20 leaves in all, nesting depth 5 (a leaf alone is depth 1), values of 1000 characters, regular expressions of 200. Semantics, one rule for every tree: it is evaluated on each event together with the attributes of its visit (visit dimensions) and the event’s own (event dimensions). Event figures (page views, time on page, scroll depth, link clicks, custom events, vitals, errors) count the events for which it holds; visit figures (visitors, visits, bounce rate, duration, entry/exit pages, sessions, journeys, goals, funnels, retention) count the visits that contain such an event in the range. So a tree of visit dimensions only selects whole visits; `{ or: [country IS FR, path IS /pricing] }` counts the page views of French visits plus the /pricing views of the others, and the visits from France or that viewed /pricing; `{ not: path IS /pricing }` counts the views of other pages and the visits with a view of another page (not the visits that never viewed /pricing). Revenue refuses event dimensions anywhere in the tree (UNSUPPORTED_FILTER). Behavioural leaves `hasDone` / `hasNotDone` select the visits whose visit (or visitor) did / did not do an event or reach a goal in the range: they are visit attributes for these rules (a tree of them and visit dimensions selects whole visits). */
export type AnalyticsFilterTreeInput = {
  /** All of these hold (at least one). */
  and?: Array<AnalyticsFilterTreeInput> | null | undefined;
  /** Leaf: compare letter case. default: false for contains and not_contains, true for the other operators. */
  caseSensitive?: boolean | null | undefined;
  /** Leaf: what to compare. */
  field?: AnalyticsDimension | null | undefined;
  /** Behavioural leaf: did it. */
  hasDone?: AnalyticsBehaviourInput | null | undefined;
  /** Behavioural leaf: did not. */
  hasNotDone?: AnalyticsBehaviourInput | null | undefined;
  /** Leaf: property key, for field PROPERTY. */
  key?: string | null | undefined;
  /** This does not hold. */
  not?: AnalyticsFilterTreeInput | null | undefined;
  /** Leaf: how to compare. */
  op?: AnalyticsFilterOperator | null | undefined;
  /** One of these holds (at least one). */
  or?: Array<AnalyticsFilterTreeInput> | null | undefined;
  /** Leaf: the value (several for IN / NOT_IN). */
  value?: Array<string> | null | undefined;
};

/** Timeseries bucket size, in the range’s timezone. */
export type AnalyticsInterval =
  /** One day. */
  | 'DAY'
  /** One hour. */
  | 'HOUR'
  /** One minute. */
  | 'MINUTE'
  /** One month. */
  | 'MONTH'
  /** One week. */
  | 'WEEK';

/** An annotation’s fields. */
export type AnnotationInput = {
  /** Colour. */
  color?: string | null | undefined;
  /** End, not before the start; omit for a point in time. */
  endsAt?: unknown;
  /** Show on public dashboards. */
  isPublic?: boolean | null | undefined;
  /** Start (or the point in time). */
  startsAt: unknown;
  /** Tags. */
  tags?: Array<string> | null | undefined;
  /** The note. */
  text: string;
};

/** Who uses a key: a person, an SDK embedded in an app, or an automation. */
export type ApiKeyType =
  /** Used by an automation such as CI. */
  | 'AUTOMATION'
  /** Embedded in an application (browser or server SDK). */
  | 'SDK'
  /** Used by a person, e.g. from scripts or the dashboard. */
  | 'USER';

/** What a key may do: READ_ANALYTICS (read:analytics), WRITE_METADATA (write:metadata), TRACK_EVENTS (track:events), WRITE_LLM (write:llm), ADMIN (admin: everything in its organization, including members and keys), INSTANCE_ADMIN (instance:admin: create and list organizations). */
export type ApiScope =
  /** admin — everything, including members and API keys (when not restricted to a website). */
  | 'ADMIN'
  /** instance:admin — create and list the organizations of this instance (not restricted to a website); only a key holding it can grant it. */
  | 'INSTANCE_ADMIN'
  /** read:analytics — read analytics and metadata, evaluate flags. */
  | 'READ_ANALYTICS'
  /** track:events — send events to ingest and evaluate flags. */
  | 'TRACK_EVENTS'
  /** write:llm — send LLM spans to ingest. */
  | 'WRITE_LLM'
  /** write:metadata — also create, change and delete metadata. */
  | 'WRITE_METADATA';

/** A new API key. */
export type CreateApiKeyInput = {
  /** When the key stops working. */
  expiresAt?: unknown;
  /** What the key is for. */
  name: string;
  /** Runs persisted operations only (sent by hash, README "Persisted operations"): a query text sent with this key is refused with PERSISTED_QUERY_ONLY (HTTP 403) and does not run. Default false. */
  persistedOnly?: boolean | null | undefined;
  /** Requests per window. */
  rateLimitMax?: number | null | undefined;
  /** Window in milliseconds (1 s to 1 day). */
  rateLimitTimeWindow?: number | null | undefined;
  /** What the key may do. */
  scopes: Array<ApiScope>;
  /** Who uses the key. */
  type?: ApiKeyType | null | undefined;
  /** Restrict the key to this website. */
  websiteId?: string | number | null | undefined;
};

/** A new website. */
export type CreateWebsiteInput = {
  /** Extra origins allowed to send events. */
  allowedOrigins?: Array<string> | null | undefined;
  /** Hostname, e.g. example.com. */
  domain: string;
  /** Whether anyone may read its analytics. */
  isPublic?: boolean | null | undefined;
  /** Display name. */
  name?: string | null | undefined;
};

/** A preset, or from/to (YYYY-MM-DD local days, or ISO instants), in a timezone. */
export type DateRangeInput = {
  /** First day (inclusive) or instant. */
  from?: string | null | undefined;
  /** A range relative to now. */
  preset?: DateRangePreset | null | undefined;
  /** IANA timezone for day boundaries. */
  timezone?: string | null | undefined;
  /** Last day (inclusive) or instant (exclusive). */
  to?: string | null | undefined;
};

/** A range relative to now, in local days. */
export type DateRangePreset =
  /** last 7 days */
  | 'LAST_7_DAYS'
  /** last 12 months */
  | 'LAST_12_MONTHS'
  /** last 30 days */
  | 'LAST_30_DAYS'
  /** month to date */
  | 'MONTH_TO_DATE'
  /** today */
  | 'TODAY'
  /** yesterday */
  | 'YESTERDAY';

/** Who is asking: at least an anonymous id or a user id, for rollouts and variants. */
export type FlagContextInput = {
  /** The tracker’s anonymous visitor id. */
  anonymousId?: string | null | undefined;
  /** Email, for EMAIL rules. */
  email?: string | null | undefined;
  /** Environment, e.g. production. */
  environment?: string | null | undefined;
  /** Properties for PROPERTY rules, a JSON object. */
  properties?: unknown;
  /** Signed-in user id. */
  userId?: string | null | undefined;
};

/** A feature flag’s fields. */
export type FlagInput = {
  /** Value when no rule matches (default false). */
  defaultValue?: unknown;
  /** Keys of prerequisite flags. */
  dependencies?: Array<string> | null | undefined;
  /** What the flag controls. */
  description?: string | null | undefined;
  /** Environment (e.g. production); omit for all. */
  environment?: string | null | undefined;
  /** Key the code asks for. */
  key: string;
  /** Display name. */
  name?: string | null | undefined;
  /** Data served with the flag when on. */
  payload?: unknown;
  /** Keep the anonymous value after sign-in. */
  persistAcrossAuth?: boolean | null | undefined;
  /** "user" (default) or "anonymous". */
  rolloutBy?: string | null | undefined;
  /** Share of visitors on (ROLLOUT). */
  rolloutPercentage?: number | null | undefined;
  /** Targeting rules; the first match wins. */
  rules?: Array<FlagRuleInput> | null | undefined;
  /** Lifecycle status. */
  status?: FlagStatus | null | undefined;
  /** How the flag decides. */
  type?: FlagType | null | undefined;
  /** Variants of a MULTIVARIANT flag; weights add up to 100. */
  variants?: Array<FlagVariantInput> | null | undefined;
  /** Website; omit for organization-wide. */
  websiteId?: string | number | null | undefined;
};

/** Why a flag has its value. */
export type FlagReason =
  /** No rule matched: the default value. */
  | 'DEFAULT'
  /** A flag it depends on is off. */
  | 'DEPENDENCY_NOT_MET'
  /** The flag is not ACTIVE. */
  | 'DISABLED'
  /** Neither user id nor anonymous id was given, so the visitor cannot be bucketed. */
  | 'NO_IDENTITY'
  /** The visitor is outside the rollout percentage. */
  | 'ROLLOUT_EXCLUDED'
  /** The visitor is inside the rollout percentage. */
  | 'ROLLOUT_INCLUDED'
  /** A targeting rule matched. */
  | 'RULE_MATCH'
  /** A variant was picked by weight. */
  | 'VARIANT';

/** What a targeting rule looks at. */
export type FlagRuleAttribute =
  /** The context’s email (else properties.email), compared case-insensitively. */
  | 'EMAIL'
  /** The context property named by the rule’s `property`. */
  | 'PROPERTY'
  /** The context’s userId. */
  | 'USER_ID';

/** A targeting rule. */
export type FlagRuleInput = {
  /** What it looks at. */
  attribute: FlagRuleAttribute;
  /** How it compares. */
  operator: FlagRuleOperator;
  /** Property name, required for PROPERTY rules. */
  property?: string | null | undefined;
  /** Value served on a match (default true). */
  value?: unknown;
  /** Values to compare with (at least one unless EXISTS). */
  values?: Array<string> | null | undefined;
  /** Variant served on a match (MULTIVARIANT). */
  variant?: string | null | undefined;
};

/** How a rule compares the attribute with its values (non-string attributes compare as JSON text). */
export type FlagRuleOperator =
  /** Contains one of the values. */
  | 'CONTAINS'
  /** Ends with one of the values. */
  | 'ENDS_WITH'
  /** Equals one of the values. */
  | 'EQUALS'
  /** Is present and not empty; values are ignored. */
  | 'EXISTS'
  /** Is one of the values (same as EQUALS). */
  | 'IN'
  /** Is missing or none of the values. */
  | 'NOT_IN'
  /** Starts with one of the values. */
  | 'STARTS_WITH';

/** Only ACTIVE flags turn on; ARCHIVED ones are not evaluated at all. */
export type FlagStatus =
  /** Evaluated normally. */
  | 'ACTIVE'
  /** Not evaluated at all. */
  | 'ARCHIVED'
  /** Off for everyone (reason DISABLED). */
  | 'INACTIVE';

/** BOOLEAN: on/off by rules; ROLLOUT: a percentage of visitors; MULTIVARIANT: weighted variants. */
export type FlagType =
  /** On for visitors a rule matches, else the default value. */
  | 'BOOLEAN'
  /** Each visitor gets one of the variants, by weight (or by rule). */
  | 'MULTIVARIANT'
  /** On for rule matches and for rolloutPercentage % of the other visitors. */
  | 'ROLLOUT';

/** A variant of a MULTIVARIANT flag. */
export type FlagVariantInput = {
  /** Variant key. */
  key: string;
  /** Value served (default: the key). */
  value?: unknown;
  /** Share of visitors in percent. */
  weight: number;
};

/** A funnel’s fields and steps. */
export type FunnelInput = {
  /** Longer explanation. */
  description?: string | null | undefined;
  /** Whether it is reported. */
  enabled?: boolean | null | undefined;
  /** Display name. */
  name: string;
  /** The steps, in order (2 to 20). */
  steps: Array<FunnelStepInput>;
  /** Time allowed to complete the funnel (1 minute to 90 days). */
  windowSeconds?: number | null | undefined;
};

/** One step; steps are ordered as given. */
export type FunnelStepInput = {
  /** Display name. */
  name?: string | null | undefined;
  /** What the type matches (see GoalType). */
  target: string;
  /** What completes it (see GoalType; not SCROLL_DEPTH). */
  type: GoalType;
};

/** A goal’s fields. */
export type GoalInput = {
  /** Longer explanation. */
  description?: string | null | undefined;
  /** Whether it is reported. */
  enabled?: boolean | null | undefined;
  /** Display name. */
  name: string;
  /** EVENT: a property to match. */
  propertyKey?: string | null | undefined;
  /** EVENT: the value it must have. */
  propertyValue?: string | null | undefined;
  /** SCROLL_DEPTH: 1–100. */
  scrollPercent?: number | null | undefined;
  /** What the type matches (see GoalType). */
  target: string;
  /** What completes it (see GoalType). */
  type: GoalType;
};

/** What completes a goal or funnel step (api/analytics/conditions.ts). Patterns use `*` for any run of characters. */
export type GoalType =
  /** A custom event whose name equals the target; with `propertyKey`, only events whose property has `propertyValue`. */
  | 'EVENT'
  /** A click on a link to a file whose extension is in the target list (comma-separated; `*`: pdf xlsx docx txt rtf csv exe key pps ppt pptx 7z pkg rar gz zip avi mov mp4 mpeg wmv midi mp3 wav wma dmg), on the site (the tracker sends `file_download`) or on another host (an outgoing link). */
  | 'FILE_DOWNLOAD'
  /** A visit to a page that does not exist, on paths matching the target: the site's 404 page calls `tidemark.track('404')` (the tracker cannot tell a 404 by itself). */
  | 'NOT_FOUND'
  /** A click on a link to another site whose URL matches the target pattern (`*`: any link). */
  | 'OUTGOING_LINK'
  /** A page view whose path matches the target pattern, e.g. `/blog/*`. */
  | 'PAGE_VIEW'
  /** A page matching the target scrolled past `scrollPercent` % before the visitor left it. */
  | 'SCROLL_DEPTH';

/** A short link’s fields. */
export type LinkInput = {
  /** Whether it redirects. */
  enabled?: boolean | null | undefined;
  /** When it stops redirecting. */
  expiresAt?: unknown;
  /** Display name. */
  name?: string | null | undefined;
  /** 301 instead of 302. */
  permanent?: boolean | null | undefined;
  /** Public path segment. */
  slug: string;
  /** Where to redirect (http or https). */
  targetUrl: string;
  /** Website the clicks are attributed to. */
  websiteId?: string | number | null | undefined;
};

/** What a member may do in an organization. */
export type MemberRole =
  /** Manages members, keys and all metadata. */
  | 'ADMIN'
  /** Manages metadata. */
  | 'MEMBER'
  /** Full control, including the organization itself; there is always at least one. */
  | 'OWNER'
  /** Reads only. */
  | 'VIEWER';

/** A segment’s fields. */
export type SegmentInput = {
  /** The filter tree (same rules and limits as `Website.analytics(filter:)`). */
  filter: AnalyticsFilterTreeInput;
  /** Display name. */
  name: string;
  /** Who sees it. */
  visibility?: SegmentVisibility | null | undefined;
};

/** Who sees a segment. */
export type SegmentVisibility =
  /** Everyone of the organization who reads metadata. */
  | 'ORGANIZATION'
  /** Its owner only. */
  | 'PRIVATE';

/** Changes to a website; omitted fields stay as they are. */
export type UpdateWebsiteInput = {
  /** Replaces the extra origins allowed to send events. */
  allowedOrigins?: Array<string> | null | undefined;
  /** New hostname. */
  domain?: string | null | undefined;
  /** Replaces the origins allowed to embed share links of this website in a frame. */
  frameAncestors?: Array<string> | null | undefined;
  /** Whether anyone may read its analytics. */
  isPublic?: boolean | null | undefined;
  /** New display name. */
  name?: string | null | undefined;
  /** Replaces the other tracking settings (a JSON object; respectDoNotTrack and allowBots, when present, are booleans). */
  settings?: unknown;
  /** ACTIVE or INACTIVE (use archiveWebsite to archive). */
  status?: WebsiteStatus | null | undefined;
};

/** An uptime monitor’s fields. */
export type UptimeMonitorInput = {
  /** Whether checks run. */
  enabled?: boolean | null | undefined;
  /** Expected HTTP status. */
  expectedStatus?: number | null | undefined;
  /** Seconds between checks (30 s to 1 day). */
  intervalSeconds?: number | null | undefined;
  /** GET, HEAD or POST. */
  method?: string | null | undefined;
  /** Display name. */
  name: string;
  /** Timeout in milliseconds. */
  timeoutMs?: number | null | undefined;
  /** URL to check. */
  url: string;
  /** Website the monitor belongs to. */
  websiteId?: string | number | null | undefined;
};

/** Lifecycle of a website. */
export type WebsiteStatus =
  /** Tracked. */
  | 'ACTIVE'
  /** Retired: hidden from default lists and from anonymous readers; its data is kept. */
  | 'ARCHIVED'
  /** Paused by its owner. */
  | 'INACTIVE';

export type ViewerFieldsFragment = { role: MemberRole, user: { id: string, email: string, name: string }, organization: { id: string, name: string }, organizations: Array<{ id: string, name: string, role: MemberRole }> } & { ' $fragmentName'?: 'ViewerFieldsFragment' };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } } | null };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { sessions: Array<{ id: string, userAgent: string | null, createdAt: unknown, lastSeenAt: unknown, expiresAt: unknown, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type SwitchOrganizationMutationVariables = Exact<{
  id: string | number;
}>;


export type SwitchOrganizationMutation = { switchOrganization: { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } } };

export type CreateInvitationMutationVariables = Exact<{
  role: MemberRole;
  email?: string | null | undefined;
}>;


export type CreateInvitationMutation = { createInvitation: { url: string, token: string, expiresAt: unknown, role: MemberRole, email: string | null } };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
  name: string;
  password: string;
  email?: string | null | undefined;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } } };

export type CompleteSetupMutationVariables = Exact<{
  token: string;
  email: string;
  name: string;
  password: string;
}>;


export type CompleteSetupMutation = { completeSetup: { ' $fragmentRefs'?: { 'ViewerFieldsFragment': ViewerFieldsFragment } } };

export type DashboardWebsitesQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type DashboardWebsitesQuery = { organization: { id: string, name: string, websites: { totalCount: number, edges: Array<{ node: { id: string, name: string | null, domain: string, isPublic: boolean, analytics: { summary: { current: { visitors: number } }, timeseries: Array<{ time: unknown, visitors: number }> } } }> } } };

export type DashboardWebsiteQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardWebsiteQuery = { website: { id: string, name: string | null, domain: string, isPublic: boolean } };

export type DashboardWebsiteSettingsQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardWebsiteSettingsQuery = { website: { id: string, settings: unknown } };

export type DashboardOverviewQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  interval: AnalyticsInterval;
}>;


export type DashboardOverviewQuery = { website: { id: string, analytics: { range: { from: unknown, to: unknown, timezone: string }, summary: { visitorsChange: number | null, pageviewsChange: number | null, sessionsChange: number | null, bounceRateChange: number | null, avgSessionSecondsChange: number | null, current: { visitors: number, pageviews: number, sessions: number, bounceRate: number, avgSessionSeconds: number, pagesPerSession: number }, previous: { visitors: number, pageviews: number, sessions: number, bounceRate: number, avgSessionSeconds: number, pagesPerSession: number } }, timeseries: Array<{ time: unknown, visitors: number, pageviews: number, sessions: number }> } } };

export type DashboardAnnotationsQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardAnnotationsQuery = { website: { id: string, annotations: { edges: Array<{ node: { id: string, text: string, color: string | null, startsAt: unknown, endsAt: unknown } }> } } };

export type DashboardPreviousSeriesQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  interval: AnalyticsInterval;
}>;


export type DashboardPreviousSeriesQuery = { website: { id: string, analytics: { comparison: { timeseries: Array<{ time: unknown, visitors: number, pageviews: number, sessions: number }> } | null } } };

export type DashboardRealtimeQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardRealtimeQuery = { website: { id: string, analytics: { realtimeVisitors: number } } };

export type DashboardBreakdownQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  dimension: AnalyticsDimension;
  first?: number | null | undefined;
}>;


export type DashboardBreakdownQuery = { website: { id: string, analytics: { breakdown: Array<{ value: string, visitors: number, visits: number, pageviews: number, bounceRate: number | null }> } } };

export type DashboardEntryExitQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type DashboardEntryExitQuery = { website: { id: string, analytics: { entryPages: Array<{ value: string, visitors: number, sessions: number, bounceRate: number }>, exitPages: Array<{ value: string, visitors: number, sessions: number, bounceRate: number }> } } };

export type DashboardGoalsQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type DashboardGoalsQuery = { website: { id: string, analytics: { goals: Array<{ goalId: string, name: string, conversions: number, visitors: number, rate: number }> } } };

export type DashboardFunnelsQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardFunnelsQuery = { website: { id: string, funnels: { edges: Array<{ node: { id: string, name: string, enabled: boolean } }> } } };

export type DashboardFunnelQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  funnelId: string | number;
}>;


export type DashboardFunnelQuery = { website: { id: string, analytics: { funnel: Array<{ name: string, visitors: number, conversion: number, dropOff: number }> } } };

export type DashboardRetentionQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type DashboardRetentionQuery = { website: { id: string, analytics: { retention: Array<{ week: unknown, visitors: Array<number> }> } } };

export type DashboardVitalsQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type DashboardVitalsQuery = { website: { id: string, analytics: { overall: Array<{ metric: string, value: string, p75: number, good: number | null, needsImprovement: number | null, poor: number | null, samples: number }>, byPage: Array<{ metric: string, value: string, p75: number, good: number | null, needsImprovement: number | null, poor: number | null, samples: number }> } } };

export type DashboardErrorsQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  interval: AnalyticsInterval;
}>;


export type DashboardErrorsQuery = { website: { id: string, analytics: { errorTrend: Array<{ time: unknown, errors: number }>, errors: Array<{ type: string, message: string, occurrences: number, visitors: number, lastSeen: unknown }>, errorsByPage: Array<{ value: string, errors: number, visitors: number }> } } };

export type DashboardRecentErrorsQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type DashboardRecentErrorsQuery = { website: { id: string, analytics: { recentErrors: Array<{ time: unknown, type: string, message: string, path: string, browser: string, stack: string | null }> } } };

export type DashboardCustomEventsQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type DashboardCustomEventsQuery = { website: { id: string, analytics: { customEvents: Array<{ name: string, occurrences: number, visitors: number }> } } };

export type DashboardEventPropertiesQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  name: string;
}>;


export type DashboardEventPropertiesQuery = { website: { id: string, analytics: { eventProperties: Array<{ key: string, value: string, occurrences: number }> } } };

export type DashboardRevenueQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type DashboardRevenueQuery = { website: { id: string, analytics: { revenue: Array<{ currency: string, revenue: number, transactions: number, refunds: number, refunded: number }> } } };

export type DashboardMonitorsQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type DashboardMonitorsQuery = { organization: { id: string, uptimeMonitors: { edges: Array<{ node: { id: string, name: string, url: string, websiteId: string | null, stats: { availability: number | null, checks: number, latencyP95Ms: number | null, incidents: Array<{ started: unknown, ended: unknown }> } } }> } } };

export type DashboardLinksQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type DashboardLinksQuery = { organization: { id: string, links: { edges: Array<{ node: { id: string, slug: string, targetUrl: string, websiteId: string | null, stats: { clicks: number, uniqueClickers: number } } }> } } };

export type DashboardSessionsQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
  segment?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type DashboardSessionsQuery = { website: { id: string, analytics: { sessions: Array<{ id: string, started: unknown, durationSeconds: number, pageviews: number, entryPage: string, referrer: string, country: string, browser: string, device: string }> } } };

export type DashboardSessionTimelineQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  sessionId: string | number;
}>;


export type DashboardSessionTimelineQuery = { website: { id: string, analytics: { sessionTimeline: Array<{ time: unknown, name: string, path: string, properties: unknown }> } } };

export type EvaluateFlagsQueryVariables = Exact<{
  websiteId: string | number;
  context: FlagContextInput;
}>;


export type EvaluateFlagsQuery = { evaluateFlags: Array<{ key: string, enabled: boolean, value: unknown, variant: string | null, reason: FlagReason }> };

export type GoalFiguresQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  goal?: string | number | null | undefined;
  currency: string;
}>;


export type GoalFiguresQuery = { website: { analytics: { goals: Array<{ goalId: string, name: string, conversions: number, rate: number, revenue: Array<{ currency: string, amount: number }> }>, summary: { conversionRateChange: number | null, current: { visitors: number, conversions: number, conversionRate: number | null, revenue: Array<{ currency: string, amount: number }> } }, bySource: Array<{ value: string, visitors: number, conversions: number, conversionRate: number | null, revenue: Array<{ currency: string, amount: number }> }>, byCountryDevice: Array<{ dimensions: { country: string, device: string }, metrics: { visitors: number, conversions: number, conversionRate: number | null, revenue: number } }> } } };

export type GroupsCountryDeviceQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  filters?: Array<AnalyticsFilterInput> | AnalyticsFilterInput | null | undefined;
}>;


export type GroupsCountryDeviceQuery = { website: { analytics: { groups: Array<{ dimensions: { country: string, device: string }, metrics: { visitors: number, visits: number, pageviews: number, bounceRate: number | null, visitDuration: number | null } }> } } };

export type GroupsDailyPagesAndPlansQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  key: string;
}>;


export type GroupsDailyPagesAndPlansQuery = { website: { analytics: { pages: Array<{ dimensions: { day: unknown, path: string }, metrics: { pageviews: number, visitors: number, timeOnPage: number | null } }>, plans: Array<{ dimensions: { channel: string, plan: string }, metrics: { visitors: number, visits: number } }> } } };

export type GroupsChannelsComparedQueryVariables = Exact<{
  id: string | number;
  range: DateRangeInput;
  compare?: AnalyticsCompareInput | null | undefined;
}>;


export type GroupsChannelsComparedQuery = { website: { analytics: { groupsCsv: string, groups: Array<{ dimensions: { channel: string }, metrics: { visitors: number, bounceRate: number | null }, comparison: { visitors: number, bounceRate: number | null } | null, change: { visitors: number | null, bounceRate: number | null } }> } } };

type Failure_ConflictError_Fragment = { code: string, message: string } & { ' $fragmentName'?: 'Failure_ConflictError_Fragment' };

type Failure_NotFoundError_Fragment = { code: string, message: string } & { ' $fragmentName'?: 'Failure_NotFoundError_Fragment' };

export type FailureFragment =
  | Failure_ConflictError_Fragment
  | Failure_NotFoundError_Fragment
;

export type ManageWebsitesQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageWebsitesQuery = { organization: { id: string, websites: { edges: Array<{ node: { id: string, name: string | null, domain: string, status: WebsiteStatus, isPublic: boolean } }> } } };

export type ManageWebsiteQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageWebsiteQuery = { website: { id: string, name: string | null, domain: string, status: WebsiteStatus, isPublic: boolean, allowedOrigins: Array<string> } };

export type ManageFirstEventQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageFirstEventQuery = { website: { id: string, analytics: { realtimeVisitors: number, summary: { current: { visitors: number } } } } };

export type ManageCreateWebsiteMutationVariables = Exact<{
  input: CreateWebsiteInput;
}>;


export type ManageCreateWebsiteMutation = { createWebsite:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateWebsiteSuccess', data: { id: string } }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateWebsiteMutationVariables = Exact<{
  id: string | number;
  input: UpdateWebsiteInput;
}>;


export type ManageUpdateWebsiteMutation = { updateWebsite:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateWebsiteSuccess', data: { id: string, name: string | null, domain: string, status: WebsiteStatus, isPublic: boolean, allowedOrigins: Array<string> } }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageArchiveWebsiteMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageArchiveWebsiteMutation = { archiveWebsite:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationArchiveWebsiteSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageGoalsQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageGoalsQuery = { website: { id: string, goals: { edges: Array<{ node: { id: string, description: string | null, name: string, type: GoalType, target: string, propertyKey: string | null, propertyValue: string | null, scrollPercent: number | null, enabled: boolean } }> } } };

export type ManageCreateGoalMutationVariables = Exact<{
  websiteId: string | number;
  input: GoalInput;
}>;


export type ManageCreateGoalMutation = { createGoal:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateGoalSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageDeleteGoalMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageDeleteGoalMutation = { deleteGoal:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationDeleteGoalSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageFunnelsQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageFunnelsQuery = { website: { id: string, funnels: { edges: Array<{ node: { id: string, description: string | null, name: string, windowSeconds: number, enabled: boolean, steps: Array<{ id: string, name: string | null, type: GoalType, target: string }> } }> } } };

export type ManageCreateFunnelMutationVariables = Exact<{
  websiteId: string | number;
  input: FunnelInput;
}>;


export type ManageCreateFunnelMutation = { createFunnel:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateFunnelSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageDeleteFunnelMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageDeleteFunnelMutation = { deleteFunnel:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationDeleteFunnelSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageAnnotationsQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageAnnotationsQuery = { website: { id: string, annotations: { edges: Array<{ node: { id: string, color: string | null, tags: Array<string>, text: string, startsAt: unknown, endsAt: unknown, isPublic: boolean } }> } } };

export type ManageCreateAnnotationMutationVariables = Exact<{
  websiteId: string | number;
  input: AnnotationInput;
}>;


export type ManageCreateAnnotationMutation = { createAnnotation:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateAnnotationSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageDeleteAnnotationMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageDeleteAnnotationMutation = { deleteAnnotation:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationDeleteAnnotationSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageFlagsQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageFlagsQuery = { organization: { id: string, flags: { edges: Array<{ node: { id: string, description: string | null, environment: string | null, payload: unknown, dependencies: Array<string>, persistAcrossAuth: boolean, rolloutBy: string | null, key: string, name: string | null, type: FlagType, status: FlagStatus, defaultValue: unknown, rolloutPercentage: number, websiteId: string | null, rules: Array<{ __typename: 'FlagRule' }>, variants: Array<{ key: string }> } }> } } };

export type ManageCreateFlagMutationVariables = Exact<{
  input: FlagInput;
}>;


export type ManageCreateFlagMutation = { createFlag:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateFlagSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageDeleteFlagMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageDeleteFlagMutation = { deleteFlag:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationDeleteFlagSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageLinksQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageLinksQuery = { organization: { id: string, links: { edges: Array<{ node: { id: string, permanent: boolean, expiresAt: unknown, slug: string, name: string | null, targetUrl: string, enabled: boolean, websiteId: string | null } }> } } };

export type ManageCreateLinkMutationVariables = Exact<{
  input: LinkInput;
}>;


export type ManageCreateLinkMutation = { createLink:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateLinkSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageDeleteLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageDeleteLinkMutation = { deleteLink:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationDeleteLinkSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageMonitorsQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageMonitorsQuery = { organization: { id: string, uptimeMonitors: { edges: Array<{ node: { id: string, expectedStatus: number | null, timeoutMs: number, name: string, url: string, method: string, intervalSeconds: number, enabled: boolean, websiteId: string | null } }> } } };

export type ManageCreateMonitorMutationVariables = Exact<{
  input: UptimeMonitorInput;
}>;


export type ManageCreateMonitorMutation = { createUptimeMonitor:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateUptimeMonitorSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageDeleteMonitorMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageDeleteMonitorMutation = { deleteUptimeMonitor:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationDeleteUptimeMonitorSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageMembersQuery = { organization: { id: string, members: { edges: Array<{ node: { id: string, name: string, role: MemberRole, createdAt: unknown, user: { id: string, email: string } } }> } } };

export type ManageUpdateMemberRoleMutationVariables = Exact<{
  id: string | number;
  role: MemberRole;
}>;


export type ManageUpdateMemberRoleMutation = { updateMemberRole:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateMemberRoleSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageRemoveMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageRemoveMemberMutation = { removeMember:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationRemoveMemberSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageApiKeysQuery = { organization: { id: string, apiKeys: { edges: Array<{ node: { id: string, name: string, prefix: string, start: string, scopes: Array<ApiScope>, websiteId: string | null, createdAt: unknown, lastUsedAt: unknown, expiresAt: unknown, revokedAt: unknown } }> } } };

export type ManageCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ManageCreateApiKeyMutation = { createApiKey:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationCreateApiKeySuccess', data: { secret: string, apiKey: { id: string, name: string, prefix: string, start: string, scopes: Array<ApiScope>, websiteId: string | null, createdAt: unknown, lastUsedAt: unknown, expiresAt: unknown, revokedAt: unknown } } }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageRotateApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageRotateApiKeyMutation = { rotateApiKey:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationRotateApiKeySuccess', data: { secret: string, apiKey: { id: string, name: string, prefix: string, start: string, scopes: Array<ApiScope>, websiteId: string | null, createdAt: unknown, lastUsedAt: unknown, expiresAt: unknown, revokedAt: unknown } } }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type ManageRevokeApiKeyMutation = { revokeApiKey:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationRevokeApiKeySuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateGoalMutationVariables = Exact<{
  id: string | number;
  input: GoalInput;
}>;


export type ManageUpdateGoalMutation = { updateGoal:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateGoalSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateFunnelMutationVariables = Exact<{
  id: string | number;
  input: FunnelInput;
}>;


export type ManageUpdateFunnelMutation = { updateFunnel:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateFunnelSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateAnnotationMutationVariables = Exact<{
  id: string | number;
  input: AnnotationInput;
}>;


export type ManageUpdateAnnotationMutation = { updateAnnotation:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateAnnotationSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateFlagMutationVariables = Exact<{
  id: string | number;
  input: FlagInput;
}>;


export type ManageUpdateFlagMutation = { updateFlag:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateFlagSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateLinkMutationVariables = Exact<{
  id: string | number;
  input: LinkInput;
}>;


export type ManageUpdateLinkMutation = { updateLink:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateLinkSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageUpdateMonitorMutationVariables = Exact<{
  id: string | number;
  input: UptimeMonitorInput;
}>;


export type ManageUpdateMonitorMutation = { updateUptimeMonitor:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateUptimeMonitorSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type ManageOrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageOrganizationQuery = { organization: { id: string, name: string, slug: string | null } };

export type ManageUpdateOrganizationMutationVariables = Exact<{
  name?: string | null | undefined;
  slug?: string | null | undefined;
}>;


export type ManageUpdateOrganizationMutation = { updateOrganization:
    | (
      { __typename: 'ConflictError' }
      & { ' $fragmentRefs'?: { 'Failure_ConflictError_Fragment': Failure_ConflictError_Fragment } }
    )
    | { __typename: 'MutationUpdateOrganizationSuccess' }
    | (
      { __typename: 'NotFoundError' }
      & { ' $fragmentRefs'?: { 'Failure_NotFoundError_Fragment': Failure_NotFoundError_Fragment } }
    )
   };

export type SegmentsQueryVariables = Exact<{
  websiteId?: string | number | null | undefined;
}>;


export type SegmentsQuery = { segments: Array<{ id: string, name: string, websiteId: string | null, visibility: SegmentVisibility, owned: boolean, filter: unknown }> };

export type CreateSegmentMutationVariables = Exact<{
  websiteId?: string | number | null | undefined;
  input: SegmentInput;
}>;


export type CreateSegmentMutation = { createSegment:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'MutationCreateSegmentSuccess', data: { id: string, name: string, visibility: SegmentVisibility } }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type UpdateSegmentMutationVariables = Exact<{
  id: string | number;
  input: SegmentInput;
}>;


export type UpdateSegmentMutation = { updateSegment:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'MutationUpdateSegmentSuccess', data: { id: string, name: string, visibility: SegmentVisibility } }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type DeleteSegmentMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSegmentMutation = { deleteSegment:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'MutationDeleteSegmentSuccess' }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type FilteredSummaryQueryVariables = Exact<{
  websiteId: string | number;
  range: DateRangeInput;
  filter?: AnalyticsFilterTreeInput | null | undefined;
  segment?: string | number | null | undefined;
}>;


export type FilteredSummaryQuery = { website: { id: string, analytics: { summary: { current: { pageviews: number, visitors: number, sessions: number, bounceRate: number } } } } };

export type ShareLinksQueryVariables = Exact<{
  websiteId: string | number;
}>;


export type ShareLinksQuery = { shareLinks: Array<{ id: string, websiteId: string, passwordProtected: boolean, createdAt: unknown }> };

export type CreateShareLinkMutationVariables = Exact<{
  websiteId: string | number;
  password?: string | null | undefined;
}>;


export type CreateShareLinkMutation = { createShareLink: { id: string, url: string, token: string, passwordProtected: boolean } };

export type RevokeShareLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeShareLinkMutation = { revokeShareLink: boolean };

export type UnlockShareLinkMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type UnlockShareLinkMutation = { unlockShareLink: string };

export type SharedWebsiteQueryVariables = Exact<{ [key: string]: never; }>;


export type SharedWebsiteQuery = { sharedWebsite: { id: string, domain: string, name: string | null } };

export type SetFrameAncestorsMutationVariables = Exact<{
  websiteId: string | number;
  frameAncestors: Array<string> | string;
}>;


export type SetFrameAncestorsMutation = { updateWebsite:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'MutationUpdateWebsiteSuccess', data: { id: string, frameAncestors: Array<string> } }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export type ApiVersionQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiVersionQuery = { version: string };

export type WebsitesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebsitesQuery = { organization: { id: string, name: string, websites: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, domain: string, name: string | null, isPublic: boolean, allowedOrigins: Array<string> } }> } } };

export type CreateWebsiteMutationVariables = Exact<{
  input: CreateWebsiteInput;
}>;


export type CreateWebsiteMutation = { createWebsite:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'MutationCreateWebsiteSuccess', data: { id: string, domain: string } }
    | { __typename: 'NotFoundError', code: string, message: string }
   };

export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const FailureFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<FailureFragment, unknown>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:aeadf28a3c0c843d927878ed197e56c58cae826198e2c12d2b93b71bf150a654"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:1fc10fc0b47075a22565657bf0da5637c57a88bdd784dffdc15f5e7dd249a47e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"__meta__":{"hash":"sha256:39300be1f6ff47633a8c264de2a924d5b71367b646d3bf86d82d7c51c6543956"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SessionsDocument = {"__meta__":{"hash":"sha256:fbf043427b95d1f79f15a7ed1bef0539913ed7081737d6a055538f0adf6307f6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]} as unknown as DocumentNode<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = {"__meta__":{"hash":"sha256:0da1f5ad6ca30b47e1cb2c8f9b833664fb3647a47c585080a1a7fa8bc04c825c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const SwitchOrganizationDocument = {"__meta__":{"hash":"sha256:3dea6cee0b5b176ffaa7837e65cc04502d91fe40a4b863dcc77f20fafa348aed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SwitchOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"switchOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SwitchOrganizationMutation, SwitchOrganizationMutationVariables>;
export const CreateInvitationDocument = {"__meta__":{"hash":"sha256:ff14511f18204df7a7fc1462dc70e62e73164cc25e84511b959c9d0bdeffe9a0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<CreateInvitationMutation, CreateInvitationMutationVariables>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"sha256:dc7193c5c602b73722984a1d7a3b573572ace5e4adf2c0d87fa6a2e85fcf5e59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const CompleteSetupDocument = {"__meta__":{"hash":"sha256:4200fa6e07059ee0dbf169f97554966e72a2c86a7dc8c4cb010c599ada9d93d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteSetup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeSetup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<CompleteSetupMutation, CompleteSetupMutationVariables>;
export const DashboardWebsitesDocument = {"__meta__":{"hash":"sha256:57e6f9c70136aeaccb9f353df33ae7d6455aab6c0557500a00316aa3082d569e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardWebsites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"websites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeseries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardWebsitesQuery, DashboardWebsitesQueryVariables>;
export const DashboardWebsiteDocument = {"__meta__":{"hash":"sha256:5c73ad9f3da05e6dd0c6b81c5169fae5ef404421ef9ac2d86bd8778b2e6a570a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardWebsite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}}]}}]}}]} as unknown as DocumentNode<DashboardWebsiteQuery, DashboardWebsiteQueryVariables>;
export const DashboardWebsiteSettingsDocument = {"__meta__":{"hash":"sha256:9760ab88b77add55d083310a14583dc35c1ab94c5c17c9b9819d9fa41ba99024"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardWebsiteSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"settings"}}]}}]}}]} as unknown as DocumentNode<DashboardWebsiteSettingsQuery, DashboardWebsiteSettingsQueryVariables>;
export const DashboardOverviewDocument = {"__meta__":{"hash":"sha256:9d5e868c8cf83da18d0fd0525b0896d7fcfecd92ba6415b5ac98b30bf317f7b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"range"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgSessionSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pagesPerSession"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previous"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgSessionSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pagesPerSession"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitorsChange"}},{"kind":"Field","name":{"kind":"Name","value":"pageviewsChange"}},{"kind":"Field","name":{"kind":"Name","value":"sessionsChange"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRateChange"}},{"kind":"Field","name":{"kind":"Name","value":"avgSessionSecondsChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeseries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardOverviewQuery, DashboardOverviewQueryVariables>;
export const DashboardAnnotationsDocument = {"__meta__":{"hash":"sha256:cf6172f4e8fcc8cbcce3c34417a038640929a8d565e48b7b5e58ffb63572d41b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardAnnotations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardAnnotationsQuery, DashboardAnnotationsQueryVariables>;
export const DashboardPreviousSeriesDocument = {"__meta__":{"hash":"sha256:a4c7e89c35a017427f33df10e1434bcbbe7fd9f8a6d779b868abd7908b4da731"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPreviousSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeseries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPreviousSeriesQuery, DashboardPreviousSeriesQueryVariables>;
export const DashboardRealtimeDocument = {"__meta__":{"hash":"sha256:ea7f323d2cca92fcc0eb184ed9ee85b2cf84d0da038b685f0093b35398ba5a5f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRealtime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"preset"},"value":{"kind":"EnumValue","value":"TODAY"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realtimeVisitors"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardRealtimeQuery, DashboardRealtimeQueryVariables>;
export const DashboardBreakdownDocument = {"__meta__":{"hash":"sha256:09ebeac89dd972f22add727f6954b4e1d31a2caf0a7b22dbbc6d0bfccdf04765"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsDimension"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dimension"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardBreakdownQuery, DashboardBreakdownQueryVariables>;
export const DashboardEntryExitDocument = {"__meta__":{"hash":"sha256:3379e232e20cbf9fb461c2d8b0ccee17d05e732d5e9591c4141bf016dea3d477"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardEntryExit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entryPages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exitPages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardEntryExitQuery, DashboardEntryExitQueryVariables>;
export const DashboardGoalsDocument = {"__meta__":{"hash":"sha256:41623d66d42163fb1d6dbb5eb00ed892dc0f442abb0400c499142527a88a7d0c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardGoals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardGoalsQuery, DashboardGoalsQueryVariables>;
export const DashboardFunnelsDocument = {"__meta__":{"hash":"sha256:0fa8e78eac7dcc7281241e15f79df6ec5c2ed4891558f84430ee79a2c795cec8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardFunnels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funnels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardFunnelsQuery, DashboardFunnelsQueryVariables>;
export const DashboardFunnelDocument = {"__meta__":{"hash":"sha256:e7abfc477e80e5208aa1bcbb3c8578f966e2a710864f5efa6a0c4823413dfcbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardFunnel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"funnelId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"funnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"funnelId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"funnelId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"conversion"}},{"kind":"Field","name":{"kind":"Name","value":"dropOff"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardFunnelQuery, DashboardFunnelQueryVariables>;
export const DashboardRetentionDocument = {"__meta__":{"hash":"sha256:f18a58da674fd2db677a7309e78bb26c00022a657e6bf0e5aff7631749405fc2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardRetentionQuery, DashboardRetentionQueryVariables>;
export const DashboardVitalsDocument = {"__meta__":{"hash":"sha256:a7468e0a1c25e44c6f2be0b165a7eb551cc5bce4743e3f712f057bc82a940e72"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardVitals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"overall"},"name":{"kind":"Name","value":"vitals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"EnumValue","value":"NONE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"p75"}},{"kind":"Field","name":{"kind":"Name","value":"good"}},{"kind":"Field","name":{"kind":"Name","value":"needsImprovement"}},{"kind":"Field","name":{"kind":"Name","value":"poor"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byPage"},"name":{"kind":"Name","value":"vitals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"EnumValue","value":"PATH"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"p75"}},{"kind":"Field","name":{"kind":"Name","value":"good"}},{"kind":"Field","name":{"kind":"Name","value":"needsImprovement"}},{"kind":"Field","name":{"kind":"Name","value":"poor"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardVitalsQuery, DashboardVitalsQueryVariables>;
export const DashboardErrorsDocument = {"__meta__":{"hash":"sha256:eb3bfe6dcaf365a85015bc42c327b771bb895382bb9b694badca09ca297f07b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardErrors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"occurrences"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorsByPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardErrorsQuery, DashboardErrorsQueryVariables>;
export const DashboardRecentErrorsDocument = {"__meta__":{"hash":"sha256:4a77228170fb349c3bb0e7d7c5de41f147afac9338c6efb527728170b0e9732a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRecentErrors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recentErrors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"browser"}},{"kind":"Field","name":{"kind":"Name","value":"stack"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardRecentErrorsQuery, DashboardRecentErrorsQueryVariables>;
export const DashboardCustomEventsDocument = {"__meta__":{"hash":"sha256:40e3ab3aad2c827cb303c46db94b7b91603a8e6b4f49681b68f6bd0d74ecfbc5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardCustomEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"occurrences"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardCustomEventsQuery, DashboardCustomEventsQueryVariables>;
export const DashboardEventPropertiesDocument = {"__meta__":{"hash":"sha256:2972ed559faee729aa889dd7d25a9f931913d5ffa68b556bcb9d6777db9f8737"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardEventProperties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventProperties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"occurrences"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardEventPropertiesQuery, DashboardEventPropertiesQueryVariables>;
export const DashboardRevenueDocument = {"__meta__":{"hash":"sha256:6fedd188f2d45ccff20d3e9af0b43089897ebc47899150bff6f9ac5d6fb436fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRevenue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"NONE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"}},{"kind":"Field","name":{"kind":"Name","value":"refunds"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardRevenueQuery, DashboardRevenueQueryVariables>;
export const DashboardMonitorsDocument = {"__meta__":{"hash":"sha256:3d7d48216ca3a91ed643ade65b6a389f6b66f80261de67cc68738d4fc774ca19"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardMonitors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeMonitors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"}},{"kind":"Field","name":{"kind":"Name","value":"checks"}},{"kind":"Field","name":{"kind":"Name","value":"latencyP95Ms"}},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"started"}},{"kind":"Field","name":{"kind":"Name","value":"ended"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardMonitorsQuery, DashboardMonitorsQueryVariables>;
export const DashboardLinksDocument = {"__meta__":{"hash":"sha256:aa9f6f55342bc5f7698e0adaadf9d88946e896c771ea252f3b421bfb2828b0db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"targetUrl"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueClickers"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardLinksQuery, DashboardLinksQueryVariables>;
export const DashboardSessionsDocument = {"__meta__":{"hash":"sha256:8a38a17149237e6295b5c964532c8ab34160fbfd51d1d6d4b04412819ee95c72"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"started"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"entryPage"}},{"kind":"Field","name":{"kind":"Name","value":"referrer"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"browser"}},{"kind":"Field","name":{"kind":"Name","value":"device"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardSessionsQuery, DashboardSessionsQueryVariables>;
export const DashboardSessionTimelineDocument = {"__meta__":{"hash":"sha256:b1868ad0c1743d65c30f23fb43e1b1f77d8ae01aadb0f3021f61fdc47a63aae8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardSessionTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionTimeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"properties"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardSessionTimelineQuery, DashboardSessionTimelineQueryVariables>;
export const EvaluateFlagsDocument = {"__meta__":{"hash":"sha256:0c593003d17e58fe8aacdae242b0a6f6c7593990be302fb585ee8dd41e6cc6c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvaluateFlags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"context"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlagContextInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluateFlags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"context"},"value":{"kind":"Variable","name":{"kind":"Name","value":"context"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<EvaluateFlagsQuery, EvaluateFlagsQueryVariables>;
export const GoalFiguresDocument = {"__meta__":{"hash":"sha256:c9f088958b6181612911634ad052b9665cdf64e54190776dc7f4f85fce78b4a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GoalFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"goal"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"goal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"goal"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionRateChange"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bySource"},"name":{"kind":"Name","value":"breakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dimension"},"value":{"kind":"EnumValue","value":"SOURCE"}},{"kind":"Argument","name":{"kind":"Name","value":"goal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"goal"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byCountryDevice"},"name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"device"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"goal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"goal"}}}]},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"goal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"goal"}}}]},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"goal"},"value":{"kind":"Variable","name":{"kind":"Name","value":"goal"}}},{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}}]}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GoalFiguresQuery, GoalFiguresQueryVariables>;
export const GroupsCountryDeviceDocument = {"__meta__":{"hash":"sha256:44ba888736bb31cf4d0395df53d1b6b3bfeaed2ccc666c6c32a6f67a124fdc72"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsCountryDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterInput"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"visitors_DESC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"device"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}},{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"visitDuration"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupsCountryDeviceQuery, GroupsCountryDeviceQueryVariables>;
export const GroupsDailyPagesAndPlansDocument = {"__meta__":{"hash":"sha256:0c7b813e6ba3247d769155ae31fa219484c4e3e6b879d86f2b76274d7e0365a0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsDailyPagesAndPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"pages"},"name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"day_ASC"},{"kind":"EnumValue","value":"pageviews_DESC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"timeOnPage"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"plans"},"name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"property"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}]},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupsDailyPagesAndPlansQuery, GroupsDailyPagesAndPlansQueryVariables>;
export const GroupsChannelsComparedDocument = {"__meta__":{"hash":"sha256:9f704e5932238761df528c583f47e2e54e5432900a0c56faada5e3d0bdae574c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsChannelsCompared"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"compare"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsCompareInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"compare"},"value":{"kind":"Variable","name":{"kind":"Name","value":"compare"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"visitors_DESC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupsCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"dimensions"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"channel"}}]}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"metrics"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"visitors"},{"kind":"EnumValue","value":"bounceRate"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"compare"},"value":{"kind":"BooleanValue","value":true}}]}}]}]}}]}}]}}]} as unknown as DocumentNode<GroupsChannelsComparedQuery, GroupsChannelsComparedQueryVariables>;
export const ManageWebsitesDocument = {"__meta__":{"hash":"sha256:2d163bcb3793d1c5c816466ad7ec9b4aca6429f37763ba8e6a88559ca3925314"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageWebsites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"websites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageWebsitesQuery, ManageWebsitesQueryVariables>;
export const ManageWebsiteDocument = {"__meta__":{"hash":"sha256:7c4d5dc494c296cb7c49f223a7d2e6af716c02258a66dd9a22ca595d18931beb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageWebsite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOrigins"}}]}}]}}]} as unknown as DocumentNode<ManageWebsiteQuery, ManageWebsiteQueryVariables>;
export const ManageFirstEventDocument = {"__meta__":{"hash":"sha256:d232f5581edcb882fb69cf12802a10a451ee3d8a88634df717dcc633dea15ebb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageFirstEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"preset"},"value":{"kind":"EnumValue","value":"LAST_12_MONTHS"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realtimeVisitors"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitors"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageFirstEventQuery, ManageFirstEventQueryVariables>;
export const ManageCreateWebsiteDocument = {"__meta__":{"hash":"sha256:f5351a4127929bebe73ce45ce3810b3ed000ba84a2c23710509a7f3485592fa5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateWebsite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebsiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebsite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateWebsiteSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateWebsiteMutation, ManageCreateWebsiteMutationVariables>;
export const ManageUpdateWebsiteDocument = {"__meta__":{"hash":"sha256:08bdbe1fd2aefd4c6fe69402718caed8af8b3c112e36fad3897531821925cecd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateWebsite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWebsiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebsite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationUpdateWebsiteSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOrigins"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateWebsiteMutation, ManageUpdateWebsiteMutationVariables>;
export const ManageArchiveWebsiteDocument = {"__meta__":{"hash":"sha256:ef400fad35141b5ed3725e6395aa3a0d8f9054dce4aa615cd372b28e6c4facdd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageArchiveWebsite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveWebsite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageArchiveWebsiteMutation, ManageArchiveWebsiteMutationVariables>;
export const ManageGoalsDocument = {"__meta__":{"hash":"sha256:30e2184517de23ce4d9f843d57778886e170389b2cbfcd13119dfc459ec6b516"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageGoals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"propertyKey"}},{"kind":"Field","name":{"kind":"Name","value":"propertyValue"}},{"kind":"Field","name":{"kind":"Name","value":"scrollPercent"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageGoalsQuery, ManageGoalsQueryVariables>;
export const ManageCreateGoalDocument = {"__meta__":{"hash":"sha256:92b8ac8b7787d41026bf607ef325e6e3b45d08f5fdfce28fe4344fb061258faf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GoalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateGoalMutation, ManageCreateGoalMutationVariables>;
export const ManageDeleteGoalDocument = {"__meta__":{"hash":"sha256:abd35a01fb32366c6a78f3995fb567b89e01671f677d4908e46815d6a37b6ea7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageDeleteGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageDeleteGoalMutation, ManageDeleteGoalMutationVariables>;
export const ManageFunnelsDocument = {"__meta__":{"hash":"sha256:5c5a084f5b281d9fecf8d742a436b9df2fcc5cbf5928567f4d998532ccd43a83"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageFunnels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funnels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"windowSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageFunnelsQuery, ManageFunnelsQueryVariables>;
export const ManageCreateFunnelDocument = {"__meta__":{"hash":"sha256:a37fd6217a34cd9fa0e66762acc7d56f167cd811d8eb0bb1ab73c204b927da63"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateFunnel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FunnelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFunnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateFunnelMutation, ManageCreateFunnelMutationVariables>;
export const ManageDeleteFunnelDocument = {"__meta__":{"hash":"sha256:3b304cd5d14f55b8cdc866429819b32a6eaea5e62754e1f248e3c7f4e37ca76e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageDeleteFunnel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteFunnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageDeleteFunnelMutation, ManageDeleteFunnelMutationVariables>;
export const ManageAnnotationsDocument = {"__meta__":{"hash":"sha256:8c194cdc1dfbf92aeb3ee5e9b513c45386602c2963442488735030af2b5c72cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageAnnotations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageAnnotationsQuery, ManageAnnotationsQueryVariables>;
export const ManageCreateAnnotationDocument = {"__meta__":{"hash":"sha256:2e9ab56486f93e924b95ad0764996541678324270aa7a1dc1972602696381f4e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateAnnotation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnnotationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateAnnotationMutation, ManageCreateAnnotationMutationVariables>;
export const ManageDeleteAnnotationDocument = {"__meta__":{"hash":"sha256:4fe4d124ddd7dbb8f802b5609e90ae77d37bc9079542f6dc0186edfafd5d392d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageDeleteAnnotation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageDeleteAnnotationMutation, ManageDeleteAnnotationMutationVariables>;
export const ManageFlagsDocument = {"__meta__":{"hash":"sha256:bb1ddd847f69b438df45b1d92d445f1e95aa78cdbad8f0144c0818af70b00d1a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageFlags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"dependencies"}},{"kind":"Field","name":{"kind":"Name","value":"persistAcrossAuth"}},{"kind":"Field","name":{"kind":"Name","value":"rolloutBy"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"rolloutPercentage"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageFlagsQuery, ManageFlagsQueryVariables>;
export const ManageCreateFlagDocument = {"__meta__":{"hash":"sha256:8a962c21612ea64179c0d4bf7071b3223fabcd34e46128b21ebd1a804fa1311d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateFlagMutation, ManageCreateFlagMutationVariables>;
export const ManageDeleteFlagDocument = {"__meta__":{"hash":"sha256:c46c24feaad90209c0204c5c501c18ef13043e885092c334beae0d035633a9d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageDeleteFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageDeleteFlagMutation, ManageDeleteFlagMutationVariables>;
export const ManageLinksDocument = {"__meta__":{"hash":"sha256:5a110f6753b389482f5ef6546bfe8ae7132a49bd319597d48bf6bdc20cee1f36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"targetUrl"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageLinksQuery, ManageLinksQueryVariables>;
export const ManageCreateLinkDocument = {"__meta__":{"hash":"sha256:1b87eace4e0c704d1f7f8725c61a9cebeb24e5688404c3037c3ab7abe0cb9e94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateLinkMutation, ManageCreateLinkMutationVariables>;
export const ManageDeleteLinkDocument = {"__meta__":{"hash":"sha256:ac0965ef206a66147dbc191978055183ea84cdf6552745669d708e55f4b785b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageDeleteLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageDeleteLinkMutation, ManageDeleteLinkMutationVariables>;
export const ManageMonitorsDocument = {"__meta__":{"hash":"sha256:fdabec1232f3b816d7d7b4c2d40aee72d12fdbe2e1d43910c63943476854cbd4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageMonitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeMonitors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expectedStatus"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"intervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageMonitorsQuery, ManageMonitorsQueryVariables>;
export const ManageCreateMonitorDocument = {"__meta__":{"hash":"sha256:85ca32975031e3dbc9931bff9a10d7376c77b010a2fc526fb870183864d65458"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UptimeMonitorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUptimeMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateMonitorMutation, ManageCreateMonitorMutationVariables>;
export const ManageDeleteMonitorDocument = {"__meta__":{"hash":"sha256:e9db3c11693d3528bfcb7717063aa81dce6ccb3b3eceade32ca40bedf7f88028"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageDeleteMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUptimeMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageDeleteMonitorMutation, ManageDeleteMonitorMutationVariables>;
export const ManageMembersDocument = {"__meta__":{"hash":"sha256:3e251e9b4c045e2003703aa1c81664a9ac58777fa4fc74d9a1710023061d4d87"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageMembersQuery, ManageMembersQueryVariables>;
export const ManageUpdateMemberRoleDocument = {"__meta__":{"hash":"sha256:a8bcc30712630416d6626195a4f3eed814ecaf4e0a4f58d9967e1136ba7defe3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateMemberRoleMutation, ManageUpdateMemberRoleMutationVariables>;
export const ManageRemoveMemberDocument = {"__meta__":{"hash":"sha256:f3eea96632cf77b022d2575ecb186afc17d1fb732c6fba489a19850231f23913"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageRemoveMemberMutation, ManageRemoveMemberMutationVariables>;
export const ManageApiKeysDocument = {"__meta__":{"hash":"sha256:50e6715c941ff06b8061e6fe64768792110121c42720dab17ffe45f701c068e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageApiKeysQuery, ManageApiKeysQueryVariables>;
export const ManageCreateApiKeyDocument = {"__meta__":{"hash":"sha256:699cc0db8bd977e2b824da3ed9ce9d4bc1436766941019a15271c9d3165af4f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateApiKeySuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageCreateApiKeyMutation, ManageCreateApiKeyMutationVariables>;
export const ManageRotateApiKeyDocument = {"__meta__":{"hash":"sha256:11bc71b805ef7e8b2aa12365a9eb2a5e217cf595d5a7ca9be30f38f4b15bb40b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageRotateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationRotateApiKeySuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageRotateApiKeyMutation, ManageRotateApiKeyMutationVariables>;
export const ManageRevokeApiKeyDocument = {"__meta__":{"hash":"sha256:a5ec570400f50894a3d354a35c3921fba46406bae1b4dd87452baa72dc7f9385"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageRevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageRevokeApiKeyMutation, ManageRevokeApiKeyMutationVariables>;
export const ManageUpdateGoalDocument = {"__meta__":{"hash":"sha256:34ee5a135a4b745697456a03c0cd3ec5ba485462f1eea832a4ccc66d436551e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GoalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateGoalMutation, ManageUpdateGoalMutationVariables>;
export const ManageUpdateFunnelDocument = {"__meta__":{"hash":"sha256:39e68b1c17ab55bc5f6eb394dde21e6ed95cd50723239b2dbb5b21cf6aeb355a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateFunnel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FunnelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFunnel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateFunnelMutation, ManageUpdateFunnelMutationVariables>;
export const ManageUpdateAnnotationDocument = {"__meta__":{"hash":"sha256:e3fe831ec7a749d5fb33963ab0d1705648a694b782149128e16b1f6546fc2077"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateAnnotation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnnotationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateAnnotationMutation, ManageUpdateAnnotationMutationVariables>;
export const ManageUpdateFlagDocument = {"__meta__":{"hash":"sha256:254fbb67bd82c1b97d17a025a30b95e02e1a910c2ff347db78d80628b9d965d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateFlag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFlag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateFlagMutation, ManageUpdateFlagMutationVariables>;
export const ManageUpdateLinkDocument = {"__meta__":{"hash":"sha256:e9b20be7d16af04e5f0cadd95c86b0a0eb813ef4fc494e0ae58d9b3372fca4d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateLinkMutation, ManageUpdateLinkMutationVariables>;
export const ManageUpdateMonitorDocument = {"__meta__":{"hash":"sha256:57c0a6ddda766fdbc629add8d2461fd55bb6eb3f81d11064da01bd7f44a4a88d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UptimeMonitorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUptimeMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateMonitorMutation, ManageUpdateMonitorMutationVariables>;
export const ManageOrganizationDocument = {"__meta__":{"hash":"sha256:3526f039527970738cbedca070884e130c3a0a1503ead86708959a4ae00ca5e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<ManageOrganizationQuery, ManageOrganizationQueryVariables>;
export const ManageUpdateOrganizationDocument = {"__meta__":{"hash":"sha256:4cf40d65e9d2ad404560a9d385f98b49d0429118535c8d2429024a516290ea0b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ManageUpdateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Failure"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Failure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ManageUpdateOrganizationMutation, ManageUpdateOrganizationMutationVariables>;
export const SegmentsDocument = {"__meta__":{"hash":"sha256:4f95535e450e4299c56e0a42f25b6a0ead6523d45caed0a13cbaa65faa48a167"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Segments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"owned"}},{"kind":"Field","name":{"kind":"Name","value":"filter"}}]}}]}}]} as unknown as DocumentNode<SegmentsQuery, SegmentsQueryVariables>;
export const CreateSegmentDocument = {"__meta__":{"hash":"sha256:6976508c534083c688605ac812beeeb2ad4588a2384a4d0d08cf1d9e20e275dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateSegmentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateSegmentMutation, CreateSegmentMutationVariables>;
export const UpdateSegmentDocument = {"__meta__":{"hash":"sha256:0bb7fa61b80cbec1fd11c0f216385213f121b0177006a96c0f833cd51f59a00f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationUpdateSegmentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSegmentMutation, UpdateSegmentMutationVariables>;
export const DeleteSegmentDocument = {"__meta__":{"hash":"sha256:65afac70433b2900cc6ae7ac394492208e4bc9bf9dd9fccf37336738bda54d86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteSegmentMutation, DeleteSegmentMutationVariables>;
export const FilteredSummaryDocument = {"__meta__":{"hash":"sha256:064d6666f7f96c1a25846b66ffd9fcc68057b2e68881c5fac605acac383dbd5b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilteredSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilterTreeInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"segment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageviews"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FilteredSummaryQuery, FilteredSummaryQueryVariables>;
export const ShareLinksDocument = {"__meta__":{"hash":"sha256:2213ea40c2f0b31a819bb0c81d02b3a77d09fe480d4e54293b2bad0daf7ee921"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShareLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareLinks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"websiteId"}},{"kind":"Field","name":{"kind":"Name","value":"passwordProtected"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ShareLinksQuery, ShareLinksQueryVariables>;
export const CreateShareLinkDocument = {"__meta__":{"hash":"sha256:fef924d133dbe56fdb757eba3bb250bf42814b91a48df4b44d697ab29c20db48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateShareLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"websiteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"passwordProtected"}}]}}]}}]} as unknown as DocumentNode<CreateShareLinkMutation, CreateShareLinkMutationVariables>;
export const RevokeShareLinkDocument = {"__meta__":{"hash":"sha256:ebc39fb23bc2c0b4b21e8836f772294308805326b74e8b011dce42376a454daa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeShareLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeShareLinkMutation, RevokeShareLinkMutationVariables>;
export const UnlockShareLinkDocument = {"__meta__":{"hash":"sha256:4b6260741c9a219698316a41798c78c90befeabb037f2ead033386a0c8f2a804"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnlockShareLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlockShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}]}]}}]} as unknown as DocumentNode<UnlockShareLinkMutation, UnlockShareLinkMutationVariables>;
export const SharedWebsiteDocument = {"__meta__":{"hash":"sha256:6c5a6ad12761417d4597c979bef5dddd4c508acff7dc2073261ef18246e59a25"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedWebsite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sharedWebsite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SharedWebsiteQuery, SharedWebsiteQueryVariables>;
export const SetFrameAncestorsDocument = {"__meta__":{"hash":"sha256:ee0586785c5da2be29760cc8d66a8f0ea1cb47864521b44d5724c04100d99a34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFrameAncestors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"frameAncestors"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebsite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"websiteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"frameAncestors"},"value":{"kind":"Variable","name":{"kind":"Name","value":"frameAncestors"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationUpdateWebsiteSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"frameAncestors"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetFrameAncestorsMutation, SetFrameAncestorsMutationVariables>;
export const ApiVersionDocument = {"__meta__":{"hash":"sha256:02987b65761fae76b46e29c88ee5cec7a967de1a837052be6bfaae6bd1deee43"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ApiVersionQuery, ApiVersionQueryVariables>;
export const WebsitesDocument = {"__meta__":{"hash":"sha256:a75967238780e839f1e51894937394f388a2713451c2f1fa2658cdf664db598a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Websites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"websites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOrigins"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebsitesQuery, WebsitesQueryVariables>;
export const CreateWebsiteDocument = {"__meta__":{"hash":"sha256:2f4ea989705194da43e70af6b7d21baa7d31d0d23c594925c4f35b1e1e1089dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebsite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebsiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebsite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationCreateWebsiteSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebsiteMutation, CreateWebsiteMutationVariables>;