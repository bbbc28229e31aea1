/**
 * A date typed as day, month and year (the GOV.UK date input) is held as the text typed,
 * "year-month-day", so nothing typed is lost or silently corrected; it becomes an ISO date only
 * when it is one.
 */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function partsOf(value: string): DateParts {
  const [year = '', month = '', day = ''] = value === '' ? [] : value.split('-');
  return { day, month, year };
}

export function valueOf({ day, month, year }: DateParts): string {
  return day === '' && month === '' && year === '' ? '' : `${year}-${month}-${day}`;
}

const pad = (part: string) => (/^\d$/.test(part) ? `0${part}` : part);

/** The ISO date ("1990-04-12") the parts make, or the text as typed when they make none. */
export function isoOf(value: string): string {
  if (value === '') return '';
  const { day, month, year } = partsOf(value);
  return `${year}-${pad(month)}-${pad(day)}`;
}

const realDate = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? date : null;
};

/** What is wrong with the date typed, in the GOV.UK pattern's words; null when nothing is. */
export function dateProblem(value: string, label: string): string | null {
  if (value === '') return null;
  const { day, month, year } = partsOf(value);
  const missing = [['a day', day], ['a month', month], ['a year', year]].filter(([, part]) => part === '').map(([name]) => name);
  if (missing.length > 0) return `${label} must include ${missing.join(' and ')}`;
  if (![day, month, year].every((part) => /^\d+$/.test(part))) return `${label} must be a real date, in numbers`;
  if (year.length !== 4) return `${label}: the year must have 4 numbers`;
  // 12 25 1990 is a date keyed month first: said so, never swapped quietly.
  if (Number(month) > 12 && Number(day) <= 12) return `${label} must be a real date: the month comes second (day, month, year)`;
  const date = realDate(isoOf(value));
  if (!date) return `${label} must be a real date`;
  if (date.getTime() > Date.now()) return `${label} must be in the past`;
  return null;
}

/** The date read back in words ("12 April 1990"), once it is one. */
export function readBack(value: string): string | null {
  const date = realDate(isoOf(value));
  return date ? date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null;
}
