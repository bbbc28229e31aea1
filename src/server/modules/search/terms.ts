/**
 * What the one search box was given, taken apart: a date of birth if the query holds one
 * (12/03/1985 as people write it in the UK, or 1985-03-12), and the words of a name.
 */
export interface SearchTerms {
  /** The query without the date, spaces collapsed: matched against titles and addresses. */
  text: string;
  /** The words that can be part of a name (letters, apostrophes, hyphens), in the order typed. */
  nameWords: string[];
  dateOfBirth: string | null;
}

const isoDate = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const ukDate = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])/;
const nameWord = /^[\p{L}\p{M}'’-]*\p{L}[\p{L}\p{M}'’-]*$/u;

function calendarDate(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function findDate(query: string): { date: string; at: string } | null {
  const iso = isoDate.exec(query);
  if (iso) {
    const date = calendarDate(iso[1]!, iso[2]!, iso[3]!);
    if (date) return { date, at: iso[0] };
  }
  const uk = ukDate.exec(query);
  if (uk) {
    const date = calendarDate(uk[3]!, uk[2]!, uk[1]!);
    if (date) return { date, at: uk[0] };
  }
  return null;
}

export function searchTermsOf(query: string): SearchTerms {
  const found = findDate(query);
  const text = (found ? query.replace(found.at, ' ') : query).replace(/\s+/g, ' ').trim();
  return {
    text,
    nameWords: text.split(/[\s,]+/).filter((word) => nameWord.test(word)),
    dateOfBirth: found?.date ?? null,
  };
}
