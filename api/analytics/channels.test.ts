import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { sql } from '../../clickhouse/sql.ts';
import { freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import SOURCES from './channel-sources.json' with { type: 'json' };
import { CHANNEL_RULES, CHANNELS, channelSql, domainPattern, type SourceKind } from './channels.ts';

// The channel rules evaluated by ClickHouse itself (the expression the registry uses), on visits
// described by their first page view's referrer and UTM tags.

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await freshClickHouse({ migrate: false });
});
afterAll(() => ch?.close());

interface Visit {
  referrer?: string;
  source?: string;
  medium?: string;
  campaign?: string;
}

/** The channel of each visit, in one query. */
async function channels(visits: Visit[]): Promise<string[]> {
  const column = (pick: (v: Visit) => string | undefined) =>
    sql.array(
      visits.map((v) => pick(v) ?? ''),
      'String',
    );
  const rows = await runQuery<{ channel: string }>(ch.client, {
    name: 'test_channels',
    query: sql`SELECT ${channelSql({ referrer: sql`r`, utmSource: sql`s`, utmMedium: sql`m`, utmCampaign: sql`c` })} AS channel
      FROM (SELECT arrayJoin(arrayZip(range(length(${column((v) => v.referrer)})), ${column((v) => v.referrer)},
        ${column((v) => v.source)}, ${column((v) => v.medium)}, ${column((v) => v.campaign)})) AS t,
        t.1 AS i, t.2 AS r, t.3 AS s, t.4 AS m, t.5 AS c)
      ORDER BY i`,
  });
  return rows.map((row) => row.channel);
}

/** One example per rule (and the rule-order cases that matter), by the channel it must give. */
const EXAMPLES: [string, Visit][] = [
  ['Direct', {}],
  ['Direct', { campaign: 'spring' }],
  ['AI Assistants', { referrer: 'https://chatgpt.com/' }],
  ['AI Assistants', { source: 'chatgpt.com' }],
  ['AI Assistants', { referrer: 'https://gemini.google.com/app' }],
  ['AI Assistants', { referrer: 'https://www.perplexity.ai/search?q=x' }],
  ['Cross-network', { source: 'google', medium: 'cpc', campaign: 'Cross-Network Q3' }],
  ['Paid Shopping', { source: 'amazon', medium: 'cpc' }],
  ['Paid Shopping', { source: 'newsletter', medium: 'paid', campaign: 'summer-shop' }],
  ['Paid Search', { source: 'google', medium: 'cpc' }],
  ['Paid Search', { source: 'bing', medium: 'ppc' }],
  ['Paid Social', { source: 'facebook', medium: 'paid_social' }],
  ['Paid Social', { source: 'linkedin', medium: 'cpm' }],
  ['Paid Video', { source: 'youtube', medium: 'cpv' }],
  ['Display', { source: 'adnetwork', medium: 'banner' }],
  ['Display', { source: 'adnetwork', medium: 'cpm' }],
  ['Display', { source: 'adnetwork', medium: 'display' }],
  ['Paid Other', { source: 'partner-site', medium: 'retargeting' }],
  ['Email', { source: 'newsletter', medium: 'email' }],
  ['Email', { source: 'e-mail' }],
  ['Email', { referrer: 'https://mail.google.com/mail/u/0/' }],
  ['Email', { referrer: 'https://outlook.live.com/' }],
  ['Organic Shopping', { referrer: 'https://www.amazon.co.uk/dp/1' }],
  ['Organic Shopping', { referrer: 'https://shopping.google.com/' }],
  ['Organic Shopping', { source: 'blog', medium: 'post', campaign: 'shop-launch' }],
  ['Organic Social', { referrer: 'https://t.co/abc' }],
  ['Organic Social', { referrer: 'https://news.ycombinator.com/item?id=1' }],
  ['Organic Social', { referrer: 'https://l.facebook.com/' }],
  ['Organic Social', { source: 'mastodon-instance', medium: 'social' }],
  ['Organic Video', { referrer: 'https://www.youtube.com/watch?v=1' }],
  ['Organic Video', { source: 'webinar', medium: 'video' }],
  ['Organic Search', { referrer: 'https://www.google.com/search' }],
  ['Organic Search', { referrer: 'https://www.google.co.uk/' }],
  ['Organic Search', { referrer: 'https://www.google.com.br/' }],
  ['Organic Search', { referrer: 'https://duckduckgo.com/' }],
  ['Organic Search', { referrer: 'https://search.brave.com/search?q=x' }],
  ['Organic Search', { source: 'Google' }],
  ['Organic Search', { source: 'directory', medium: 'organic' }],
  ['Referral', { referrer: 'https://example.org/post' }],
  // A lookalike of a listed domain is not that domain.
  ['Referral', { referrer: 'https://notgoogle.com/' }],
  ['Referral', { referrer: 'https://box.com/' }],
  ['Referral', { source: 'partner', medium: 'link' }],
  ['Affiliates', { source: 'partner', medium: 'affiliate' }],
  ['Audio', { source: 'podcast', medium: 'audio' }],
  ['SMS', { source: 'sms' }],
  ['SMS', { source: 'twilio', medium: 'sms' }],
  ['Mobile Push Notifications', { source: 'app', medium: 'web-push' }],
  ['Mobile Push Notifications', { source: 'firebase' }],
  ['Other', { source: 'newsletter' }],
  ['Other', { source: 'partner', medium: 'qr' }],
];

describe('channels', () => {
  it('puts each example visit in its channel', async () => {
    const got = await channels(EXAMPLES.map(([, visit]) => visit));
    expect(EXAMPLES.map(([channel, visit], i) => [channel, visit, got[i]])).toEqual(
      EXAMPLES.map(([channel, visit]) => [channel, visit, channel]),
    );
  });

  it('has an example for every channel', () => {
    expect(new Set(EXAMPLES.map(([channel]) => channel))).toEqual(new Set(CHANNELS));
    expect(CHANNELS).toHaveLength(CHANNEL_RULES.length + 1);
  });

  // Each listed source, as a referrer without tags and as an untagged utm_source, lands in its
  // kind's organic channel: the lists and the rule order agree.
  const ORGANIC: Record<SourceKind, string> = {
    ai: 'AI Assistants',
    email: 'Email',
    shopping: 'Organic Shopping',
    search: 'Organic Search',
    social: 'Organic Social',
    video: 'Organic Video',
  };
  const kinds = Object.keys(ORGANIC) as SourceKind[];

  it.each(kinds)('classifies every listed %s domain and name', async (kind) => {
    const hosts = SOURCES[kind].domains.flatMap((d) =>
      d.endsWith('.*') ? [`${d.slice(0, -2)}.com`, `${d.slice(0, -2)}.co.uk`] : [d, `www.${d}`, `m.${d}`],
    );
    const visits = [
      ...hosts.map((host) => ({ referrer: `https://${host}/some/page` })),
      ...SOURCES[kind].names.map((name) => ({ source: name })),
    ];
    expect(new Set(await channels(visits))).toEqual(new Set([ORGANIC[kind]]));
  });

  it('writes domain patterns that match the domain and its subdomains only', () => {
    const pattern = new RegExp(domainPattern(['t.co', 'google.*']));
    for (const host of ['t.co', 'x.t.co', 'google.com', 'www.google.de', 'google.co.uk', 'google.com.br']) {
      expect(host, host).toMatch(pattern);
    }
    for (const host of ['at.co', 't.com', 'notgoogle.com', 'google.evil.example', 'google.com.evil.example']) {
      expect(host, host).not.toMatch(pattern);
    }
  });
});
