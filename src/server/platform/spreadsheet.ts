import ExcelJS from 'exceljs';
import { csvLine } from './csv.ts';

/** One table of figures as it is exported: a sheet of a workbook, or a CSV file of its own. */
export interface ExportTable {
  /** The sheet's name and the CSV's first line, e.g. "Cases by type". */
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** What a workbook says about itself on its first sheet: what it counts, over what, when and for whom. */
export interface ExportAbout {
  title: string;
  /** Lines such as "Period: 1 January 2026 to 31 December 2026". */
  lines: string[];
  /** The protective marking, repeated in every sheet's header and footer. */
  marking: string;
}

/** A table as CSV (RFC 4180 lines, formula-safe cells), with a line naming it and its marking. */
export function tableCsv(table: ExportTable, marking: string): string {
  const lines = [csvLine([marking]), csvLine([table.title]), csvLine(table.columns), ...table.rows.map(csvLine)];
  return `${lines.join('\r\n')}\r\n`;
}

// Excel refuses these in a sheet name and cuts names at 31 characters.
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

/**
 * The tables as an XLSX workbook (exceljs): an "About" sheet, then one sheet per table with a
 * bold, frozen header row and columns sized to their contents. Every value is written as a plain
 * string or number, never a formula, so nothing a person typed can run in a spreadsheet.
 */
export async function tablesXlsx(about: ExportAbout, tables: ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Concord';
  workbook.created = new Date();
  const marked = (sheet: ExcelJS.Worksheet) => {
    sheet.headerFooter.oddHeader = `&C${about.marking}`;
    sheet.headerFooter.oddFooter = `&L${about.marking}&RPage &P of &N`;
  };
  const cover = workbook.addWorksheet('About');
  marked(cover);
  cover.addRow([about.marking]).font = { bold: true };
  cover.addRow([about.title]).font = { bold: true, size: 14 };
  for (const line of about.lines) cover.addRow([line]);
  cover.getColumn(1).width = 80;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    marked(sheet);
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ''));
    table.columns.forEach((heading, i) => {
      const widest = Math.max(heading.length, ...table.rows.map((row) => String(row[i] ?? '').length));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
