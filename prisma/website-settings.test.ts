import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, ok, refusalCode, startTestApi, type TestApi } from '../api/test-support.ts';
import { toSite } from '../ingest/websites.ts';
import { pglite } from './test-support.ts';
import { readWebsiteIntegrations, readWebsiteSettings } from './website-settings.ts';

describe('reading stored website settings', () => {
  it.each([
    { stored: null, settings: {} },
    { stored: [1, 2], settings: {} },
    { stored: { respectDoNotTrack: true, theme: 'dark' }, settings: { respectDoNotTrack: true, theme: 'dark' } },
    // Wrong types read as unset rather than failing the website (rows written before the schema).
    { stored: { respectDoNotTrack: 'yes', allowBots: 1 }, settings: {} },
    { stored: { allowedOrigins: 'https://a.example' }, settings: {} },
    { stored: { allowedOrigins: ['https://a.example'] }, settings: { allowedOrigins: ['https://a.example'] } },
  ])('$stored → $settings, the same in ingest', ({ stored, settings }) => {
    expect(readWebsiteSettings(stored)).toEqual(settings);
    const site = toSite({
      id: 'w',
      organizationId: 'o',
      domain: 'example.com',
      status: 'ACTIVE',
      settings: stored,
      integrations: null,
    });
    expect(site.respectDoNotTrack).toBe(settings.respectDoNotTrack ?? false);
    expect(site.allowBots).toBe(false);
    expect(site.allowedHosts).toEqual(['example.com', ...(settings.allowedOrigins ? ['a.example'] : [])]);
  });

  it('reads webhook secrets of both providers, an empty or non-string secret as none', () => {
    const stored = { stripe: { webhookSecret: 'whsec_1' }, paddle: { webhookSecret: '' }, other: 1 };
    expect(readWebsiteIntegrations(stored)).toEqual({ stripe: { webhookSecret: 'whsec_1' }, other: 1 });
    expect(readWebsiteIntegrations({ stripe: { webhookSecret: 5 } }).stripe).toBeUndefined();
    const site = toSite({
      id: 'w',
      organizationId: 'o',
      domain: 'a.example',
      status: 'ACTIVE',
      settings: {},
      integrations: stored,
    });
    expect(site.webhookSecrets).toEqual({ stripe: 'whsec_1', paddle: undefined });
  });
});

describe('website settings through the API', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(pglite);
  });
  afterAll(() => t.close());

  it('types respectDoNotTrack and allowBots: stored booleans are read back, other types refused', async () => {
    const tenant = await createTenant(t.prisma, 'settings');
    const update = (settings: string) =>
      t.graphql(
        `mutation { updateWebsite(id: "${tenant.websiteId}", input: { settings: ${settings} }) {
          ... on MutationUpdateWebsiteSuccess { data { respectDoNotTrack allowBots settings } } ... on Error { code } } }`,
        { key: tenant.adminKey },
      );
    expect(ok(await update('{ respectDoNotTrack: true, theme: "dark" }'), 'updateWebsite')).toEqual({
      respectDoNotTrack: true,
      allowBots: false,
      settings: { respectDoNotTrack: true, theme: 'dark' },
    });
    expect(refusalCode(await update('{ respectDoNotTrack: "yes" }'), 'updateWebsite')).toBe('BAD_USER_INPUT');
    const stored = await t.prisma.website.findUniqueOrThrow({ where: { id: tenant.websiteId } });
    expect(readWebsiteSettings(stored.settings).respectDoNotTrack).toBe(true);
  });
});
