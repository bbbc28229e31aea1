import { importColumns, type ImportField } from '../../../shared/api/imports.ts';
import { genderLabels, profileRoleLabels, type LookupList } from '../../../shared/records.ts';

/** A column's header as the template writes it: "Date of birth". */
export function columnTitle(header: string): string {
  return header.charAt(0).toUpperCase() + header.slice(1);
}

/** What to put in each column, in the words of someone filling in a spreadsheet. */
export const columnHelp: Record<ImportField, string> = {
  firstName: 'Their first name, and any middle names.',
  lastName: 'Their surname.',
  dateOfBirth: 'As 23/04/1979 or 1979-04-23. Leave blank if not known.',
  gender: `One of: ${Object.values(genderLabels).join(', ')}.`,
  ethnicity: 'A value from the ethnicities list below.',
  aliases: 'Other names they are known by, first name then surname, separated by ; (Jonny Smith; John Smyth).',
  roles: `Any of: ${Object.values(profileRoleLabels).join(', ')}, separated by ;.`,
  vulnerabilities: 'Values from the vulnerabilities list below, separated by ;.',
  warningMarkers: 'Values from the warning markers list below, separated by ;. They warn staff before a visit.',
  phone: 'A phone number.',
  email: 'An email address.',
  addressLine1: 'Their current address: the first line. Needed when a town or postcode is given.',
  town: 'The town of that address.',
  postcode: 'The postcode of that address, e.g. NG1 5AB.',
  keyInformation: 'A short note of what matters most about them.',
  reasonCreated: 'Why they are being added to Concord, e.g. "Victim of repeated ASB, referred by housing".',
};

/** The lists whose values a column takes, to show beside the columns. */
export const listColumns: { list: LookupList; label: string }[] = [
  { list: 'ethnicity', label: 'Ethnicities' },
  { list: 'vulnerability', label: 'Vulnerabilities' },
  { list: 'warning_marker', label: 'Warning markers' },
];

/** The column a problem is about, as its header reads, or the whole row. */
export function fieldTitle(field: string): string {
  const column = importColumns.find((c) => c.field === field);
  return column ? columnTitle(column.header) : 'Row';
}

/** A template with the header row only, so no example row is imported by mistake. */
export function templateCsv(): string {
  return `${importColumns.map((c) => columnTitle(c.header)).join(',')}\r\n`;
}
