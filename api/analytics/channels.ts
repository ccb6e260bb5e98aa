import { type Sql, sql } from '../../clickhouse/sql.ts';
import SOURCES from './channel-sources.json' with { type: 'json' };

/**
 * Acquisition channels: each visit's source and medium sorted into the channel it came through,
 * by Google Analytics 4's default channel grouping (so figures compare with what people know),
 * with AI assistants as a channel of their own and webmail counted as email. The source lists are
 * data (channel-sources.json); the rules below are the only place channels are decided, compiled
 * to one ClickHouse expression over a visit's first page view, so a change to either applies to
 * all data at once.
 *
 * Inputs, lower-cased:
 * - source: utm_source, else the referrer's domain without www.;
 * - medium: utm_medium when the visit is tagged (utm_source or utm_medium), else "referral" for a
 *   visit with a referrer and nothing for one without;
 * - campaign: utm_campaign.
 */

export type SourceKind = Exclude<keyof typeof SOURCES, '$comment'>;

interface Inputs {
  source: Sql;
  medium: Sql;
  campaign: Sql;
}

/** A rule's condition, compiled against the inputs. */
type Condition = (inputs: Inputs) => Sql;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A host pattern for a kind's domains: the domain or any subdomain of it; `name.*` is the name
 * under any top-level domain, one or two labels (google.com, google.de, google.co.uk, google.com.br).
 */
export function domainPattern(domains: readonly string[]): string {
  const alternatives = domains.map((domain) =>
    domain.endsWith('.*') ? `${escapeRegex(domain.slice(0, -2))}\\.[a-z]{2,3}(?:\\.[a-z]{2})?` : escapeRegex(domain),
  );
  return `^(?:[^.]+\\.)*(?:${alternatives.join('|')})$`;
}

/** The source is of this kind: one of its names, or one of its domains (or a subdomain). */
const sourceOf =
  (kind: SourceKind): Condition =>
  ({ source }) =>
    sql`(has(${sql.array(SOURCES[kind].names, 'String')}, ${source}) OR match(${source}, ${domainPattern(SOURCES[kind].domains)}))`;

const mediumIn =
  (...media: string[]): Condition =>
  ({ medium }) =>
    sql`has(${sql.array(media, 'String')}, ${medium})`;
const mediumMatches =
  (pattern: string): Condition =>
  ({ medium }) =>
    sql`match(${medium}, ${pattern})`;
const sourceIn =
  (...sources: string[]): Condition =>
  ({ source }) =>
    sql`has(${sql.array(sources, 'String')}, ${source})`;
const campaignMatches =
  (pattern: string): Condition =>
  ({ campaign }) =>
    sql`match(${campaign}, ${pattern})`;
const any =
  (...conditions: Condition[]): Condition =>
  (inputs) =>
    sql`(${sql.join(
      conditions.map((c) => c(inputs)),
      ' OR ',
    )})`;
const all =
  (...conditions: Condition[]): Condition =>
  (inputs) =>
    sql`(${sql.join(
      conditions.map((c) => c(inputs)),
      ' AND ',
    )})`;

/** GA4's "paid" media: cpc, cpm, cpv…, ppc, retargeting, paid… */
const PAID = mediumMatches('^(?:.*cp.*|ppc|retargeting|paid.*)$');
/** GA4's shopping campaigns: a campaign name with "shop" as a word start, or "shopping". */
const SHOPPING_CAMPAIGN = campaignMatches('^.*(?:(?:[^a-df-z]|^)shop|shopping).*$');
const EMAIL = ['email', 'e-mail', 'e_mail', 'e mail'];

/** The channels in the order they are tried: the first rule that holds names the visit's channel. */
export const CHANNEL_RULES: readonly { channel: string; when: Condition }[] = [
  { channel: 'Direct', when: ({ source, medium }) => sql`(${source} = '' AND ${medium} = '')` },
  // Before search: gemini.google.com and copilot.microsoft.com are assistants, not search engines.
  { channel: 'AI Assistants', when: sourceOf('ai') },
  { channel: 'Cross-network', when: campaignMatches('cross-network') },
  { channel: 'Paid Shopping', when: all(any(sourceOf('shopping'), SHOPPING_CAMPAIGN), PAID) },
  { channel: 'Paid Search', when: all(sourceOf('search'), PAID) },
  { channel: 'Paid Social', when: all(sourceOf('social'), PAID) },
  { channel: 'Paid Video', when: all(sourceOf('video'), PAID) },
  { channel: 'Display', when: mediumIn('display', 'banner', 'expandable', 'interstitial', 'cpm') },
  { channel: 'Paid Other', when: PAID },
  // Before search: mail.google.com is webmail.
  { channel: 'Email', when: any(sourceOf('email'), mediumIn(...EMAIL)) },
  // Before search: shopping.google.com.
  { channel: 'Organic Shopping', when: any(sourceOf('shopping'), SHOPPING_CAMPAIGN) },
  {
    channel: 'Organic Social',
    when: any(
      sourceOf('social'),
      mediumIn('social', 'social-network', 'social-media', 'sm', 'social network', 'social media'),
    ),
  },
  { channel: 'Organic Video', when: any(sourceOf('video'), mediumMatches('video')) },
  { channel: 'Organic Search', when: any(sourceOf('search'), mediumIn('organic')) },
  { channel: 'Referral', when: mediumIn('referral', 'app', 'link') },
  { channel: 'Affiliates', when: mediumIn('affiliate') },
  { channel: 'Audio', when: mediumIn('audio') },
  { channel: 'SMS', when: any(sourceIn('sms'), mediumIn('sms')) },
  {
    channel: 'Mobile Push Notifications',
    when: any(mediumMatches('(?:push$|mobile|notification)'), sourceIn('firebase')),
  },
];

/** What no rule claims (GA4's "Unassigned"). */
export const OTHER_CHANNEL = 'Other';

/** Every channel a visit can have, in rule order. */
export const CHANNELS = [...CHANNEL_RULES.map((rule) => rule.channel), OTHER_CHANNEL];

/** The channel of a visit, from the columns of its first page view. */
export function channelSql(columns: { referrer: Sql; utmSource: Sql; utmMedium: Sql; utmCampaign: Sql }): Sql {
  const { referrer, utmSource, utmMedium, utmCampaign } = columns;
  const inputs: Inputs = {
    source: sql`lower(if(${utmSource} != '', ${utmSource}, domainWithoutWWW(${referrer})))`,
    medium: sql`lower(if(${utmSource} != '' OR ${utmMedium} != '', ${utmMedium}, if(domainWithoutWWW(${referrer}) != '', 'referral', '')))`,
    campaign: sql`lower(${utmCampaign})`,
  };
  const branches = CHANNEL_RULES.map(({ channel, when }) => sql`${when(inputs)}, ${channel}`);
  return sql`multiIf(${sql.join(branches, ', ')}, ${OTHER_CHANNEL})`;
}
