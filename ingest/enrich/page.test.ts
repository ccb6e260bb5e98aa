import { expect, it } from 'vitest';
import { normalisePath, PageParser, pageFields } from './page.ts';

it('keeps external referrers without their query and drops internal ones', () => {
  const page = 'https://www.example.com/pricing?utm_source=news&utm_campaign=launch#top';
  expect(pageFields({ url: page, referrer: 'https://News.ycombinator.com/item?id=1' })).toEqual({
    url: 'https://www.example.com/pricing?utm_source=news&utm_campaign=launch',
    path: '/pricing',
    referrer: 'https://news.ycombinator.com/item',
    utm: { utm_source: 'news', utm_medium: null, utm_campaign: 'launch', utm_term: null, utm_content: null },
  });
  expect(pageFields({ url: page, referrer: 'https://example.com/' }).referrer).toBeNull();
  expect(pageFields({ url: page, referrer: 'javascript:alert(1)' }).referrer).toBeNull();
  expect(pageFields({ url: 'https://a.com/?ref=producthunt' }).utm.utm_source).toBe('producthunt');
});

it('normalises paths and survives garbage', () => {
  expect(normalisePath('/docs/')).toBe('/docs');
  expect(normalisePath('docs?x=1')).toBe('/docs');
  expect(normalisePath('')).toBe('/');
  expect(normalisePath('/')).toBe('/');
  // Hash-routed sites send the fragment in the path on purpose.
  expect(normalisePath('/docs#install')).toBe('/docs#install');
  expect(normalisePath('/app/?x=1#/settings')).toBe('/app#/settings');
  expect(pageFields({ url: 'not a url', path: undefined })).toMatchObject({ url: '', path: '/', referrer: null });
});

it('parses through its caches as pageFields does', () => {
  const parser = new PageParser();
  const urls = [
    undefined,
    '',
    'not a url',
    'https://www.example.com/a/?utm_medium=x#h',
    'http://example.com/',
    'ftp://example.com/',
  ];
  const referrers = [
    undefined,
    'https://example.com/x?q=1',
    'https://www.google.com/',
    'javascript:alert(1)',
    'https://Other.org',
  ];
  for (let round = 0; round < 2; round++) {
    for (const url of urls) {
      for (const referrer of referrers) {
        for (const path of [undefined, '', '/docs/', 'app#/x']) {
          expect(parser.parse({ url, path, referrer })).toEqual(pageFields({ url, path, referrer }));
        }
      }
    }
  }
});
