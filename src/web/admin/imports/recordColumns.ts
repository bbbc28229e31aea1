import { importColumnsOf, type ImportKind } from '../../../shared/api/imports.ts';
import { locationKindLabels, profileRoleLabels } from '../../../shared/records.ts';
import { columnTitle } from './columns.ts';

export type RecordImportKind = Exclude<ImportKind, 'profiles'>;

const team = 'The team, as "Organisation / Team" (or the team\'s name alone when no other team has it). It must be a team you administer.';

/** Each kind's API path, its words, and what to put in each column, in the words of someone filling in a spreadsheet. */
export const recordImports: Record<RecordImportKind, { path: string; one: string; many: string; where: string; help: Record<string, string> }> = {
  users: {
    path: '/user-imports',
    one: 'user',
    many: 'users',
    where: 'Each user is invited by email to choose a password, as when added on the Users screen.',
    help: {
      name: 'Their full name.',
      email: 'Their work email address: the invitation goes there.',
      team,
      role: 'Practitioner, Read only, Team administrator, Organisation administrator or System administrator: no higher than your own.',
      isSupervisor: 'Yes if they supervise their team; blank or no otherwise.',
      jobTitle: 'Their job title.',
      phone: 'A work phone number.',
    },
  },
  cases: {
    path: '/case-imports',
    one: 'case',
    many: 'cases',
    where: 'Each case is owned by the team named (yours if blank), numbered and shared as its case type says.',
    help: {
      title: 'A short title for the case.',
      caseType: 'A case type from the partnership\'s list (ASB, IOM, MARAC …).',
      team: `${team} Blank: your own team.`,
      startDate: 'The date it was opened, as 15/01/2026 or 2026-01-15.',
      summary: 'A summary of the case.',
      previousReference: 'Its reference in the system it comes from: kept in the summary, so it can be searched for.',
      parentCase: 'The reference of the case it is a sub-case of (ASB/2026/00042).',
      people: `People linked to it by their profile id and role (${Object.values(profileRoleLabels).join(', ')}), separated by ;.`,
    },
  },
  locations: {
    path: '/location-imports',
    one: 'location',
    many: 'locations',
    where: 'Each location is owned by the team named (yours if blank). A UPRN already on Concord is refused.',
    help: {
      addressLine1: 'The first line of the address.',
      addressLine2: 'The second line, if any.',
      town: 'The town.',
      postcode: 'The postcode, e.g. NG1 5AB.',
      name: 'A name for the place, such as a park or a shop\'s name.',
      kind: `One of: ${Object.values(locationKindLabels).join(', ')}. Blank: Premises.`,
      uprn: 'The Unique Property Reference Number, up to 12 digits.',
      team: `${team} Blank: your own team.`,
    },
  },
};

const fieldsOf = (kind: RecordImportKind): readonly { header: string; field: string; required: boolean }[] => importColumnsOf[kind];

/** The columns of a kind, with their header as the template writes it. */
export function columnsOf(kind: RecordImportKind) {
  return fieldsOf(kind).map((c) => ({ ...c, title: columnTitle(c.header), help: recordImports[kind].help[c.field] ?? '' }));
}

export function fieldTitleOf(kind: RecordImportKind, field: string): string {
  const column = fieldsOf(kind).find((c) => c.field === field);
  return column ? columnTitle(column.header) : field === 'csv' ? 'File' : 'Row';
}

/** A template with the header row only, so no example row is imported by mistake. */
export function templateOf(kind: RecordImportKind): string {
  return `${fieldsOf(kind).map((c) => columnTitle(c.header)).join(',')}\r\n`;
}
