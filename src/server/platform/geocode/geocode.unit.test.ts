import { describe, expect, it } from 'vitest';
import { LruCache } from './cache.ts';
import { titleCase } from './os-places.ts';

describe('the lookup cache', () => {
  it('forgets the least recently used entry when full', () => {
    const cache = new LruCache<number>(2, 60_000);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('never gives an entry older than its time to live', () => {
    let now = 0;
    const cache = new LruCache<string>(10, 1000, () => now);
    cache.set('NG1 5AB', 'found');
    now = 999;
    expect(cache.get('NG1 5AB')).toBe('found');
    now = 1000;
    expect(cache.get('NG1 5AB')).toBeUndefined();
  });
});

describe('addresses as people write them', () => {
  it.each([
    ['4 ADANAC DRIVE', '4 Adanac Drive'],
    ['FLAT 2A', 'Flat 2A'],
    ["ST JOHN'S CLOSE", "St John's Close"],
    ["O'NEILL HOUSE", "O'Neill House"],
    ['NEWCASTLE UPON TYNE', 'Newcastle upon Tyne'],
    ['STRATFORD-UPON-AVON', 'Stratford-upon-Avon'],
    ['THE OLD BARN', 'The Old Barn'],
    ['  ASHBY-DE-LA-ZOUCH ', 'Ashby-de-la-Zouch'],
  ])('writes %s as %s', (capitals, written) => {
    expect(titleCase(capitals)).toBe(written);
  });
});
