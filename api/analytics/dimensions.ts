import { type Sql, sql } from '../../clickhouse/sql.ts';
import { channelSql } from './channels.ts';

/**
 * The dimension registry: every dimension analytics knows, declared once with its scope, its
 * SQL per table, and whether it filters, groups, or both. Filters, breakdowns and the API enum
 * read this and nothing else.
 *
 * Scopes (as in Plausible's `visit:*` / `event:*`):
 * - `visit`: an attribute fixed at the start of a visit (source, referrer, UTM, entry page, geo,
 *   device…), read from the visit row (analytics.visits). A filter selects whole visits: every
 *   event of a matching visit counts. Tables that carry a session id (events, vitals, errors,
 *   server events) are filtered through their visit.
 * - `event`: an attribute of one event (page, event name, property, link target), read from the
 *   event row. A filter selects events; for visit figures, the visits containing such an event.
 */

/** Where a dimension's SQL is evaluated. `visits` is a finalised visit row (see visits.ts). */
export type Table = 'events' | 'visits' | 'custom_events' | 'spans';

export interface DimensionDef {
  scope: 'visit' | 'event';
  /** The expression per table it can be read from directly; `key` is the property key, for PROPERTY. */
  sql: Partial<Record<Table, (key: string) => Sql>>;
  filter: boolean;
  group: boolean;
  /** Needs a key (custom property). */
  keyed?: boolean;
  /** For breakdowns of an event dimension: the events it is about (default: page views and exits). */
  events?: readonly string[];
  description: string;
}

const expr = (text: Sql) => () => text;
const visit = (column: Sql, description: string): DimensionDef => ({
  scope: 'visit',
  sql: { visits: expr(column) },
  filter: true,
  group: true,
  description,
});

export const DIMENSIONS = {
  PATH: {
    scope: 'event',
    sql: { events: expr(sql`path`), custom_events: expr(sql`ifNull(path, '')`), spans: expr(sql`path`) },
    filter: true,
    group: true,
    description: 'Page path (event): the page an event happened on.',
  },
  EVENT_NAME: {
    scope: 'event',
    sql: { events: expr(sql`event_name`), custom_events: expr(sql`event_name`) },
    filter: true,
    group: false,
    description: 'Event name (event): screen_view, page_exit, outgoing_link or a custom event name.',
  },
  PROPERTY: {
    scope: 'event',
    sql: {
      events: (key) => sql`JSONExtractString(properties, ${key})`,
      custom_events: (key) => sql`JSONExtractString(properties, ${key})`,
    },
    filter: true,
    group: false,
    keyed: true,
    description: 'A custom event property (event); give its key.',
  },
  OUTGOING_LINK: {
    scope: 'event',
    sql: { events: expr(sql`if(event_name = 'outgoing_link', JSONExtractString(properties, 'href'), '')`) },
    filter: true,
    group: true,
    events: ['outgoing_link'],
    description: 'Target of an outgoing link click (event).',
  },
  ENTRY_PAGE: visit(sql`entry_page`, 'First page of the visit (visit).'),
  EXIT_PAGE: visit(sql`exit_page`, 'Last page of the visit (visit).'),
  SOURCE: visit(
    sql`multiIf(utm_source != '', utm_source, domainWithoutWWW(referrer) != '', domainWithoutWWW(referrer), 'direct')`,
    'Traffic source (visit): the UTM source, else the referrer’s domain, else “direct”.',
  ),
  CHANNEL: visit(
    channelSql({
      referrer: sql`referrer`,
      utmSource: sql`utm_source`,
      utmMedium: sql`utm_medium`,
      utmCampaign: sql`utm_campaign`,
    }),
    'Acquisition channel (visit): Direct, Organic Search, Paid Search, Organic Social, Paid Social, Email, Referral, AI Assistants, Display, Affiliates… or Other, from the UTM tags and referrer of the first page view by Google Analytics 4’s default channel rules (api/analytics/channels.ts; README “Channels”).',
  ),
  REFERRER: visit(sql`referrer`, 'External referrer of the visit’s first page view (visit).'),
  REFERRER_DOMAIN: visit(sql`domainWithoutWWW(referrer)`, 'Referrer domain without www. (visit).'),
  UTM_SOURCE: visit(sql`utm_source`, 'utm_source of the first page view (visit).'),
  UTM_MEDIUM: visit(sql`utm_medium`, 'utm_medium of the first page view (visit).'),
  UTM_CAMPAIGN: visit(sql`utm_campaign`, 'utm_campaign of the first page view (visit).'),
  UTM_TERM: visit(sql`utm_term`, 'utm_term of the first page view (visit).'),
  UTM_CONTENT: visit(sql`utm_content`, 'utm_content of the first page view (visit).'),
  COUNTRY: visit(sql`country`, 'Country code (visit).'),
  REGION: visit(sql`region`, 'Region (visit).'),
  CITY: visit(sql`city`, 'City (visit).'),
  BROWSER: visit(sql`browser_name`, 'Browser (visit).'),
  BROWSER_VERSION: visit(
    sql`if(browser_version = '', browser_name, concat(browser_name, ' ', browser_version))`,
    'Browser and version (visit).',
  ),
  OS: visit(sql`os_name`, 'Operating system (visit).'),
  OS_VERSION: visit(
    sql`if(os_version = '', os_name, concat(os_name, ' ', os_version))`,
    'Operating system and version (visit).',
  ),
  DEVICE: visit(sql`device_type`, 'Device type: desktop, mobile or tablet (visit).'),
  SCREEN_RESOLUTION: visit(sql`screen_resolution`, 'Screen resolution (visit).'),
  LANGUAGE: visit(sql`language`, 'Browser language (visit).'),
  TIMEZONE: visit(sql`timezone`, 'Browser timezone (visit).'),
} as const satisfies Record<string, DimensionDef>;

export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];
