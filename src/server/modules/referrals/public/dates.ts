/**
 * A date typed into GOV.UK's three boxes, read the way the Design System asks: month names and
 * their first three letters count, and a problem says which part is missing or that the date is
 * not real.
 */

export type DateRead =
  | { kind: 'blank' }
  | { kind: 'date'; iso: string }
  | { kind: 'missing'; parts: string[] }
  | { kind: 'not-real' };

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(text: string): number {
  const named = months.indexOf(text.slice(0, 3).toLowerCase());
  if (/^[a-z]{3,9}$/i.test(text)) return named >= 0 ? named + 1 : Number.NaN;
  return /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
}

export function readDate(day: string, month: string, year: string): DateRead {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return { kind: 'blank' };
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter((p): p is string => Boolean(p));
  if (missing.length > 0) return { kind: 'missing', parts: missing };
  const dn = /^\d{1,2}$/.test(d) ? Number(d) : Number.NaN;
  const mn = monthNumber(m);
  const yn = /^\d{4}$/.test(y) ? Number(y) : Number.NaN;
  if (![dn, mn, yn].every(Number.isInteger) || yn < 1800 || mn < 1 || mn > 12 || dn < 1) return { kind: 'not-real' };
  const date = new Date(Date.UTC(yn, mn - 1, dn));
  if (date.getUTCMonth() !== mn - 1) return { kind: 'not-real' };
  return { kind: 'date', iso: date.toISOString().slice(0, 10) };
}

/** "day and year", "month" … for "must include a …". */
export function partsInWords(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0] ?? '';
}

/** "27 March 2007", as the check page shows a date. */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
