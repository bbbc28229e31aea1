import { CsvError, parse } from 'csv-parse/sync';
import { importColumns, maxImportRows, type ImportField } from '../../../shared/api/imports.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';

export interface CsvRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The row's cells by the field their column fills; blank cells are left out. */
  values: Partial<Record<ImportField, string>>;
  problems: FieldProblem[];
}

/** "Date of birth", "date_of_birth" and "DateOfBirth" are the same column. */
const headerKey = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');
const columnsByKey = new Map(importColumns.map((c) => [headerKey(c.header), c]));

function headerFields(header: string[]): ImportField[] {
  const problems: FieldProblem[] = [];
  const fields = header.map((name) => {
    const column = columnsByKey.get(headerKey(name));
    if (!column) problems.push({ field: 'csv', problem: `has a column "${name}" that is not imported; the columns are: ${importColumns.map((c) => c.header).join(', ')}` });
    return column?.field;
  });
  const seen = new Set<ImportField>();
  for (const field of fields) {
    if (field && seen.has(field)) problems.push({ field: 'csv', problem: `has the column "${importColumns.find((c) => c.field === field)!.header}" more than once` });
    if (field) seen.add(field);
  }
  for (const column of importColumns) {
    if (column.required && !seen.has(column.field)) problems.push({ field: 'csv', problem: `needs a "${column.header}" column` });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'The file cannot be imported.');
  return fields as ImportField[];
}

/**
 * Reads the file: its header names the columns (in any order), every other row is a person.
 * Problems with the whole file (unreadable, unknown or missing columns, too many rows) stop it
 * with 422; a row with the wrong number of cells is reported against that row. Blank lines are
 * skipped but still counted, so row numbers are the ones a spreadsheet shows.
 */
export function readCsv(text: string): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ValidationError([{ field: 'csv', problem: `could not be read as CSV: ${error.message}` }], 'The file cannot be imported.');
  }
  const [header, ...rest] = records;
  if (!header) throw new ValidationError([{ field: 'csv', problem: 'has no header row' }], 'The file cannot be imported.');
  const fields = headerFields(header);
  const rows: CsvRow[] = [];
  rest.forEach((cells, index) => {
    if (cells.every((cell) => cell === '')) return;
    const values: Partial<Record<ImportField, string>> = {};
    fields.forEach((field, i) => {
      if (cells[i]) values[field] = cells[i];
    });
    const problems = cells.length === fields.length ? [] : [{ field: 'csv', problem: `has ${cells.length} values but the header has ${fields.length} columns` }];
    rows.push({ row: index + 2, values, problems });
  });
  if (rows.length === 0) throw new ValidationError([{ field: 'csv', problem: 'has no rows of people under the header' }], 'The file cannot be imported.');
  if (rows.length > maxImportRows) throw new ValidationError([{ field: 'csv', problem: `has ${rows.length} rows; import at most ${maxImportRows} at a time` }], 'The file cannot be imported.');
  return rows;
}
