import { expect, it } from 'vitest';
import { Lru } from './lru.ts';

it('computes a value once, keeps recently used ones and stays bounded', () => {
  const cache = new Lru<string>(4);
  const computed: string[] = [];
  const get = (key: string) =>
    cache.get(key, () => {
      computed.push(key);
      return key.toUpperCase();
    });
  expect([get('a'), get('b'), get('a')]).toEqual(['A', 'B', 'A']);
  expect(computed).toEqual(['a', 'b']);
  get('c'); // a and b move to the older generation
  get('a'); // used again: back in the newer one
  get('d');
  get('e'); // b (not used since) is dropped, a is kept
  computed.length = 0;
  expect([get('a'), get('e'), get('b')]).toEqual(['A', 'E', 'B']);
  expect(computed).toEqual(['b']);
});
