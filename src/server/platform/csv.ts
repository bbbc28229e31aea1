/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab or carriage return) as a formula;
 * a leading quote keeps it text, so nothing a person typed can run anything.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: (string | number | null)[]) => cells.map(csvCell).join(',');
