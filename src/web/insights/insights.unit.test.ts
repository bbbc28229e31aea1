import { describe, expect, it } from 'vitest';
import { rangeWords, sameArea } from './filters.ts';
import { hiddenText, placeName, weightWords } from './places.ts';

const range = { scope: 'partnership' as const, from: '2026-01-01', to: '2026-03-31', team: null, organisation: null, postcodeDistrict: null };

describe('insights in words', () => {
  it('says what the figures count, over which period and area', () => {
    expect(rangeWords(range)).toBe('Counted over the whole partnership, from 1 Jan 2026 to 31 Mar 2026.');
    expect(rangeWords({ ...range, scope: 'accessible', team: { id: 't', name: 'ASB team' }, postcodeDistrict: 'DE1' })).toBe(
      'Counted over the records you may open, from 1 Jan 2026 to 31 Mar 2026, records of ASB team, in postcode district DE1.',
    );
  });

  it('keeps the period and area, and nothing else, when moving between dashboards', () => {
    expect(sameArea('/insights/hotspots', { from: '2026-01-01', to: undefined, postcodeDistrict: 'DE1', role: 'victim' })).toBe('/insights/hotspots?from=2026-01-01&postcodeDistrict=DE1');
    expect(sameArea('/insights', {})).toBe('/insights');
  });

  it('counts what the reader may not open without naming it', () => {
    expect(hiddenText(12, 40, ['place', 'places'])).toBe('Another 12 places you cannot open account for 40 reports.');
    expect(hiddenText(1, 1, ['person', 'people'])).toBe('Another person you cannot open accounts for 1 report.');
  });

  it('names a place by its name before its address, and its weight in words', () => {
    const place = { id: 'l', name: null, address: '3 Quay Row, Penzance', postcode: 'TR19 7AA', latitude: null, longitude: null };
    expect(placeName(place)).toBe('3 Quay Row, Penzance');
    expect(placeName({ ...place, name: 'Harbour Steps' })).toBe('Harbour Steps, 3 Quay Row, Penzance');
    expect(weightWords(1)).toBe('1 report or case');
    expect(weightWords(5)).toBe('5 reports and cases');
  });
});
