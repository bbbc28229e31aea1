import { describe, expect, it } from 'vitest';
import { applyRedactions, findOccurrences, mergeSpans, nameForms } from './redact.ts';

describe('finding what to redact', () => {
  it('ignores case and accents, and keeps spans in the original text', () => {
    const text = 'Met ZOE Smith and zoë smith; then Zoë.';
    const spans = findOccurrences(text, 'Zoë Smith');
    expect(spans.map((s) => text.slice(s.start, s.start + s.length))).toEqual(['ZOE Smith', 'zoë smith']);
    expect(findOccurrences('Renée came', 'renee')).toEqual([{ start: 0, length: 5 }]);
  });

  it('finds whole words only when asked', () => {
    expect(findOccurrences('Alan and Al', 'Al', true)).toEqual([{ start: 9, length: 2 }]);
    expect(findOccurrences('Alan and Al', 'Al')).toHaveLength(2);
  });

  it('finds nothing for a blank phrase', () => {
    expect(findOccurrences('text', '  ')).toEqual([]);
  });
});

describe('applying redactions', () => {
  it('merges overlapping and adjacent spans into one mark', () => {
    const text = 'Quennell Ashgrove shouted';
    const spans = [
      { start: 0, length: 8, exemption: 'third-party' as const },
      { start: 9, length: 8, exemption: 'third-party' as const },
      { start: 4, length: 6, exemption: 'third-party' as const },
      { start: 8, length: 1, exemption: 'third-party' as const },
    ];
    expect(mergeSpans(spans)).toEqual([{ start: 0, length: 17, exemption: 'third-party' }]);
    expect(applyRedactions(text, spans)).toBe('[REDACTED: third party] shouted');
  });

  it('keeps separate spans apart and marks other exemptions plainly', () => {
    const text = 'one two three four';
    expect(applyRedactions(text, [
      { start: 14, length: 4, exemption: 'third-party' },
      { start: 0, length: 3, exemption: 'crime-and-taxation' },
    ])).toBe('[REDACTED] two three [REDACTED: third party]');
  });

  it('a third-party span joined to another exemption takes the other', () => {
    expect(mergeSpans([
      { start: 0, length: 5, exemption: 'third-party' },
      { start: 3, length: 5, exemption: 'legal-privilege' },
    ])).toEqual([{ start: 0, length: 8, exemption: 'legal-privilege' }]);
  });
});

describe('name forms', () => {
  it('gives the whole name first, then its parts, less the subject\'s own', () => {
    expect(nameForms([{ firstName: 'Quennell', lastName: 'Ashgrove' }, { firstName: 'Q', lastName: 'Smith' }], ['Smith'])).toEqual(['Quennell Ashgrove', 'Quennell', 'Ashgrove', 'Q Smith']);
  });
});
