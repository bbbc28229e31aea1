import { describe, expect, it } from 'vitest';
import { newCardNumber, normaliseCardNumber, printedCardNumber } from './schemes.ts';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A seeded generator, so a failure names the numbers it failed on every time. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('card numbers', () => {
  const numbers = Array.from({ length: 300 }, ((random) => () => newCardNumber(random))(seeded(7)));

  it('are KS and eight Crockford characters, and read back as themselves', () => {
    for (const n of numbers) {
      expect(n).toMatch(/^KS[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(normaliseCardNumber(n)).toBe(n);
    }
  });

  it('are read as typed: lower case, spaces, hyphens, O for 0 and I or L for 1', () => {
    const body = 'KS0011ABC';
    const valid = normaliseCardNumber(body + alphabet.split('').find((c) => normaliseCardNumber(body + c) !== null)!)!;
    expect(valid).toMatch(/^KS0011ABC.$/);
    const typed = printedCardNumber(valid).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(' ', '-');
    expect(normaliseCardNumber(typed)).toBe(valid);
    expect(normaliseCardNumber(` ${printedCardNumber(valid)} `)).toBe(valid);
  });

  it('print in groups of four after the prefix', () => {
    expect(printedCardNumber('KS4F7K9QX2')).toBe('KS 4F7K 9QX2');
  });

  it('refuse what is not a card number', () => {
    for (const typed of ['', 'KS', 'KS123', 'XX4F7K9QX2', 'KS4F7K9QX2Z', 'KS4F7K9QXU']) expect(normaliseCardNumber(typed)).toBeNull();
  });

  it('catch every single wrong character', () => {
    for (const n of numbers.slice(0, 60)) {
      for (let i = 2; i < n.length; i += 1) {
        for (const c of alphabet) {
          if (c === n[i]) continue;
          expect(normaliseCardNumber(n.slice(0, i) + c + n.slice(i + 1)), `${n} with ${c} at ${i}`).toBeNull();
        }
      }
    }
  });

  it('catch every swap of two different neighbours but the one pair Luhn cannot tell apart', () => {
    // Luhn mod N misses swapping the characters worth 0 and N - 1 (here 0 and Z), as Luhn misses 09 and 90.
    const blind = (a: string, b: string) => [a, b].sort().join('') === '0Z';
    for (const n of numbers) {
      for (let i = 2; i < n.length - 1; i += 1) {
        const [a, b] = [n[i]!, n[i + 1]!];
        if (a === b || blind(a, b)) continue;
        expect(normaliseCardNumber(n.slice(0, i) + b + a + n.slice(i + 2)), `${n} swapped at ${i}`).toBeNull();
      }
    }
  });
});
