import { describe, expect, it } from 'vitest';
import { profileSearchParams } from './sql.ts';
import { searchTermsOf } from './terms.ts';

describe('taking a search apart', () => {
  it('finds a date of birth written the UK way or as ISO, and leaves the rest', () => {
    expect(searchTermsOf('John Smith 12/03/1985')).toEqual({ text: 'John Smith', nameWords: ['John', 'Smith'], dateOfBirth: '1985-03-12' });
    expect(searchTermsOf('1985-03-12')).toEqual({ text: '', nameWords: [], dateOfBirth: '1985-03-12' });
    expect(searchTermsOf('1.3.1985 smith').dateOfBirth).toBe('1985-03-01');
  });

  it('ignores what is not a real date, and a case reference', () => {
    expect(searchTermsOf('31/02/1985').dateOfBirth).toBeNull();
    expect(searchTermsOf('ASB/2026/00042')).toEqual({ text: 'ASB/2026/00042', nameWords: [], dateOfBirth: null });
  });

  it('keeps names with apostrophes, hyphens and accents as words, and drops numbers', () => {
    expect(searchTermsOf("Siobhán O'Brien-Smith, 12 Acacia").nameWords).toEqual(['Siobhán', "O'Brien-Smith", 'Acacia']);
  });
});

describe('the parameters of the profile name search', () => {
  it('gives the first and last words for the sounds, and the two longest words of three letters or more', () => {
    expect(profileSearchParams('p', 'Jo Ann Smithson 12/03/1985', 20)).toEqual(['p', 'Jo Ann Smithson', 'Jo', 'Smithson', '1985-03-12', 20, 'Smithson', 'Ann']);
    expect(profileSearchParams('p', 'smith', 20)).toEqual(['p', 'smith', null, 'smith', null, 20, 'smith', null]);
    expect(profileSearchParams('p', '12/03/1985', 5)).toEqual(['p', null, null, null, '1985-03-12', 5, null, null]);
  });
});
