import { expect, it } from 'vitest';
import { CHROME_DESKTOP } from '../test-support.ts';
import { UserAgentParser } from './user-agent.ts';

it('parses user agents once each, but keeps no overlong one in the cache', () => {
  const parser = new UserAgentParser();
  expect(parser.parse(CHROME_DESKTOP)).toBe(parser.parse(CHROME_DESKTOP));
  expect(parser.parse(CHROME_DESKTOP)).toMatchObject({ browserName: 'Chrome', deviceType: 'desktop', bot: false });
  const overlong = `${CHROME_DESKTOP}${' x'.repeat(4_000)}`;
  expect(parser.parse(overlong)).not.toBe(parser.parse(overlong));
  expect(parser.parse(overlong)).toEqual(parser.parse(CHROME_DESKTOP));
});
