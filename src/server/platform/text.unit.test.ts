import { describe, expect, it } from 'vitest';
import { safeFileName } from './files/content.ts';
import { cutText } from './text.ts';

const isWellFormed = (s: string) => !/\p{Cs}/u.test(s);

describe('cutting text to a length', () => {
  it('leaves text within the length alone', () => {
    expect(cutText('short', 200)).toBe('short');
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'a'.repeat(199)}😀 tail`;
    expect(text.charCodeAt(199)).toBeGreaterThanOrEqual(0xd800);
    const cut = cutText(text, 200);
    expect(cut).toBe('a'.repeat(199));
    expect(isWellFormed(cut)).toBe(true);
  });

  it('keeps a character made of several code points whole, or leaves it out', () => {
    const flag = '🇬🇧';
    expect(cutText(`${'a'.repeat(197)}${flag}`, 200)).toBe('a'.repeat(197));
    expect(cutText(`${'a'.repeat(196)}${flag}b`, 200)).toBe(`${'a'.repeat(196)}${flag}`);
  });

  it('cuts at every length to well-formed text no longer than asked', () => {
    const text = 'Ré😀🇬🇧e\u0301x'.repeat(20);
    for (let max = 0; max <= text.length; max++) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(isWellFormed(cut)).toBe(true);
      expect(text.startsWith(cut)).toBe(true);
    }
  });
});

describe('a safe file name', () => {
  it('cuts a long name with an emoji at the boundary to whole characters', () => {
    const name = safeFileName(`${'x'.repeat(199)}😀😀.pdf`, 'application/pdf');
    expect(isWellFormed(name)).toBe(true);
    expect(name).toBe(`${'x'.repeat(199)}.pdf`);
  });

  it('drops lone surrogates, control characters, quotes and folders', () => {
    expect(safeFileName('C:\\docs\\a\u0007"b\ud800c.pdf', 'application/pdf')).toBe('abc.pdf');
  });
});
