import { parse } from 'csv-parse/browser/esm/sync';
import { importColumns } from '../../../shared/api/imports.ts';

/** "Date of birth", "date_of_birth" and "DateOfBirth" are the same column, as the server reads them. */
const headerKey = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');
const firstNameKey = headerKey(importColumns.find((c) => c.field === 'firstName')!.header);
const lastNameKey = headerKey(importColumns.find((c) => c.field === 'lastName')!.header);

/**
 * The name on each row of the file, by row number as a spreadsheet shows it (the header is row 1),
 * read the way the server reads the file; the report gives only row numbers.
 */
export function rowNames(csv: string): Map<number, string> {
  const names = new Map<number, string>();
  let records: string[][];
  try {
    records = parse(csv, { bom: true, trim: true, relax_column_count: true, skip_empty_lines: false });
  } catch {
    return names;
  }
  const [header = [], ...rest] = records;
  const keys = header.map(headerKey);
  const first = keys.indexOf(firstNameKey);
  const last = keys.indexOf(lastNameKey);
  rest.forEach((cells, index) => {
    const name = [cells[first] ?? '', cells[last] ?? ''].join(' ').trim();
    if (name) names.set(index + 2, name);
  });
  return names;
}
