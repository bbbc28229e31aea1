import { CsvError, parse } from 'csv-parse/sync';
import { maxImportRows, type ImportReport, type ImportRow } from '../../shared/api/imports.ts';
import { ValidationError, type FieldProblem } from './errors.ts';

/**
 * What every CSV import shares (people, users, cases, locations): reading the file against its
 * columns, the cell rules, the row-by-row report, and the all-or-nothing real run.
 */

export interface ImportColumn<F extends string> {
  readonly header: string;
  readonly field: F;
  readonly required: boolean;
}

export interface CsvRow<F extends string> {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The row's cells by the field their column fills; blank cells are left out. */
  values: Partial<Record<F, string>>;
  problems: FieldProblem[];
}

/** "Date of birth", "date_of_birth" and "DateOfBirth" are the same column. */
const headerKey = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

const unreadable = (problems: FieldProblem[]) => new ValidationError(problems, 'The file cannot be imported.');

function headerFields<F extends string>(header: string[], columns: readonly ImportColumn<F>[]): F[] {
  const byKey = new Map(columns.map((c) => [headerKey(c.header), c]));
  const problems: FieldProblem[] = [];
  const fields = header.map((name) => {
    const column = byKey.get(headerKey(name));
    if (!column) problems.push({ field: 'csv', problem: `has a column "${name}" that is not imported; the columns are: ${columns.map((c) => c.header).join(', ')}` });
    return column?.field;
  });
  const seen = new Set<F>();
  for (const field of fields) {
    if (field && seen.has(field)) problems.push({ field: 'csv', problem: `has the column "${columns.find((c) => c.field === field)!.header}" more than once` });
    if (field) seen.add(field);
  }
  for (const column of columns) {
    if (column.required && !seen.has(column.field)) problems.push({ field: 'csv', problem: `needs a "${column.header}" column` });
  }
  if (problems.length > 0) throw unreadable(problems);
  return fields as F[];
}

/**
 * Reads the file: its header names the columns (in any order), every other row is one record.
 * Problems with the whole file (unreadable, unknown or missing columns, too many rows) stop it
 * with 422; a row with the wrong number of cells is reported against that row. Blank lines are
 * skipped but still counted, so row numbers are the ones a spreadsheet shows.
 */
export function readCsv<F extends string>(text: string, columns: readonly ImportColumn<F>[], rowsOf: string): CsvRow<F>[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw unreadable([{ field: 'csv', problem: `could not be read as CSV: ${error.message}` }]);
  }
  const [header, ...rest] = records;
  if (!header) throw unreadable([{ field: 'csv', problem: 'has no header row' }]);
  const fields = headerFields(header, columns);
  const rows: CsvRow<F>[] = [];
  rest.forEach((cells, index) => {
    if (cells.every((cell) => cell === '')) return;
    const values: Partial<Record<F, string>> = {};
    fields.forEach((field, i) => {
      if (cells[i]) values[field] = cells[i];
    });
    const problems = cells.length === fields.length ? [] : [{ field: 'csv', problem: `has ${cells.length} values but the header has ${fields.length} columns` }];
    rows.push({ row: index + 2, values, problems });
  });
  if (rows.length === 0) throw unreadable([{ field: 'csv', problem: `has no rows of ${rowsOf} under the header` }]);
  if (rows.length > maxImportRows) throw unreadable([{ field: 'csv', problem: `has ${rows.length} rows; import at most ${maxImportRows} at a time` }]);
  return rows;
}

// Cells -----------------------------------------------------------------------------------------

/** A list cell: values separated by semicolons, blanks ignored. */
export const listOf = (cell: string | undefined) => (cell ?? '').split(';').map((v) => v.trim()).filter(Boolean);

function calendarDate(year: string, month: string, day: string): string | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** YYYY-MM-DD, or DD/MM/YYYY as people in the UK write it (and spreadsheets export it); a problem against `field` otherwise. */
export function dateCell(cell: string, field: string, problems: FieldProblem[]): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const date = iso ? calendarDate(iso[1]!, iso[2]!, iso[3]!) : uk ? calendarDate(uk[3]!, uk[2]!, uk[1]!) : null;
  if (!iso && !uk) problems.push({ field, problem: `"${cell}" must be a date as YYYY-MM-DD or DD/MM/YYYY` });
  else if (!date) problems.push({ field, problem: `"${cell}" is not a real date` });
  return date ?? undefined;
}

/** A fixed vocabulary value by its key ("non_binary") or its label ("Non-binary"), in any case. */
export function vocabularyValue<T extends string>(input: string, values: readonly T[], labels: Record<T, string>): T | undefined {
  const lower = input.toLowerCase().replace(/\s+/g, ' ');
  return values.find((v) => v === lower || v.replace(/_/g, ' ') === lower || labels[v].toLowerCase() === lower);
}

/** Yes or no, as a spreadsheet or a person writes it; blank is no. */
export function yesNoCell(cell: string | undefined, field: string, problems: FieldProblem[]): boolean {
  if (cell === undefined) return false;
  const lower = cell.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(lower)) return true;
  if (['no', 'n', 'false', '0'].includes(lower)) return false;
  problems.push({ field, problem: `"${cell}" must be yes or no` });
  return false;
}

const humanise = (message: string) => (/expected \w+, received undefined$/.test(message) ? 'is required' : message.replace(/^Invalid input: /, ''));

/** A schema's problems with a row's draft, each against its column's field unless that field already has one. */
export function schemaProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[], problems: FieldProblem[], fieldOf = (path: readonly PropertyKey[]) => String(path[0] ?? 'csv')) {
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (!problems.some((p) => p.field === field)) problems.push({ field, problem: humanise(issue.message) });
  }
}

// The report and the real run ---------------------------------------------------------------------

export interface PlannedRow<B> extends ImportRow {
  body?: B;
}

export function reportOf<B>(rows: PlannedRow<B>[], dryRun: boolean): ImportReport {
  const count = (status: ImportRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    dryRun,
    rows: rows.map(({ body: _body, ...row }) => row),
    summary: { create: count('create'), match: count('match'), error: count('error') },
  };
}

/** A real import that would leave something out: nothing is created, and the report says why. */
export class ImportRejectedError extends ValidationError {
  constructor(readonly report: ImportReport) {
    const problems = report.rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, ...p })));
    const rows = report.summary.error === 1 ? '1 row has' : `${report.summary.error} rows have`;
    super(problems, `${rows} problems, so nothing was imported. Correct them and import the file again.`);
  }
  override extra() {
    return { report: this.report };
  }
}

/**
 * The real run of a planned file: creates every "create" row with `create` (the transaction is
 * the caller's), or, if any row has a problem, before or while creating, throws
 * `ImportRejectedError` so that the transaction rolls back and nothing is kept. A row's creation
 * refused with a validation problem the plan did not foresee is reported against that row.
 * `refused` records the refusal (it is kept although the transaction is not).
 */
export async function createAll<B>(rows: PlannedRow<B>[], create: (body: B) => Promise<string>, refused: (report: ImportReport) => void): Promise<ImportReport> {
  const reject = () => {
    for (const row of rows) delete row.id;
    const report = reportOf(rows, false);
    refused(report);
    return new ImportRejectedError(report);
  };
  if (rows.some((r) => r.status === 'error')) throw reject();
  let failed = false;
  for (const row of rows) {
    if (row.status !== 'create') continue;
    try {
      row.id = await create(row.body!);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(row, { status: 'error', problems: error.details as FieldProblem[] });
      failed = true;
    }
  }
  if (failed) throw reject();
  return reportOf(rows, false);
}
