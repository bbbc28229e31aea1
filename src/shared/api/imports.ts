import { z } from 'zod';
import { uuid } from './common.ts';
import { owner } from './records.ts';

/** The largest CSV text an import takes (the route's body limit is a little above it). */
export const maxImportCsvLength = 5_000_000;
/** Rows of people in one import, not counting the header. */
export const maxImportRows = 5000;

/**
 * The columns of an import file, in the order a template lists them, with the profile field each
 * fills. Headers are matched ignoring case, spaces, hyphens and underscores ("Date of birth",
 * "date_of_birth"); lists (aliases, roles, vulnerabilities, warning markers) are separated by `;`.
 */
export const importColumns = [
  { header: 'first name', field: 'firstName', required: true },
  { header: 'last name', field: 'lastName', required: true },
  { header: 'date of birth', field: 'dateOfBirth', required: false },
  { header: 'gender', field: 'gender', required: false },
  { header: 'ethnicity', field: 'ethnicity', required: false },
  { header: 'aliases', field: 'aliases', required: false },
  { header: 'roles', field: 'roles', required: false },
  { header: 'vulnerabilities', field: 'vulnerabilities', required: false },
  { header: 'warning markers', field: 'warningMarkers', required: false },
  { header: 'phone', field: 'phone', required: false },
  { header: 'email', field: 'email', required: false },
  { header: 'address line 1', field: 'addressLine1', required: false },
  { header: 'town', field: 'town', required: false },
  { header: 'postcode', field: 'postcode', required: false },
  { header: 'key information', field: 'keyInformation', required: false },
  { header: 'reason created', field: 'reasonCreated', required: true },
] as const;
export type ImportField = (typeof importColumns)[number]['field'];

/**
 * A team in an import file: "Organisation / Team", or the team's name alone when no other team
 * of the partnership has it. Users, cases and locations go into a team the importer administers.
 */
export const userImportColumns = [
  { header: 'name', field: 'name', required: true },
  { header: 'email', field: 'email', required: true },
  { header: 'team', field: 'team', required: true },
  { header: 'role', field: 'role', required: true },
  { header: 'supervisor', field: 'isSupervisor', required: false },
  { header: 'job title', field: 'jobTitle', required: false },
  { header: 'phone', field: 'phone', required: false },
] as const;
export type UserImportField = (typeof userImportColumns)[number]['field'];

/** People are linked by profile id, each with their role on the case: `<id> victim; <id> perpetrator`. */
export const caseImportColumns = [
  { header: 'title', field: 'title', required: true },
  { header: 'case type', field: 'caseType', required: true },
  { header: 'owning team', field: 'team', required: false },
  { header: 'opened', field: 'startDate', required: false },
  { header: 'summary', field: 'summary', required: false },
  { header: 'previous reference', field: 'previousReference', required: false },
  { header: 'parent case', field: 'parentCase', required: false },
  { header: 'people', field: 'people', required: false },
] as const;
export type CaseImportField = (typeof caseImportColumns)[number]['field'];

export const locationImportColumns = [
  { header: 'address line 1', field: 'addressLine1', required: true },
  { header: 'address line 2', field: 'addressLine2', required: false },
  { header: 'town', field: 'town', required: false },
  { header: 'postcode', field: 'postcode', required: true },
  { header: 'name', field: 'name', required: false },
  { header: 'kind', field: 'kind', required: false },
  { header: 'uprn', field: 'uprn', required: false },
  { header: 'owning team', field: 'team', required: false },
] as const;
export type LocationImportField = (typeof locationImportColumns)[number]['field'];

/** What the Administration "Import" screen offers, each with its columns. */
export const importColumnsOf = { profiles: importColumns, users: userImportColumns, cases: caseImportColumns, locations: locationImportColumns } as const;
export type ImportKind = keyof typeof importColumnsOf;

export const profileImportBody = z.strictObject({
  /** The file's text: a header row, then one person per row. */
  csv: z.string().min(1, 'must not be empty').max(maxImportCsvLength, `must be at most ${maxImportCsvLength} characters`),
  /** True: check every row and report, creating nothing. False: create them all, or nothing if any row has a problem. */
  dryRun: z.boolean(),
});

const problem = z.object({ field: z.string(), problem: z.string() });

/** A profile already on the record that the row very likely describes. */
const existingMatch = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  /** Whether the importer may open it; if not, they can ask its owner for access. */
  accessible: z.boolean(),
  owner,
  score: z.number(),
});

/** An earlier row of the same file that describes the same person. */
const earlierRowMatch = z.object({
  row: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
});

/** Users, cases and locations: the same file and the same two runs as people. */
export const recordImportBody = profileImportBody;

export const importRow = z.object({
  /** As a spreadsheet numbers it: the header is row 1. */
  row: z.number().int(),
  status: z.enum(['create', 'match', 'error']),
  problems: z.array(problem),
  match: z.union([existingMatch, earlierRowMatch]).optional(),
  /** After a real import: the profile (user, case, location) created from the row. */
  id: uuid.optional(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.array(importRow),
  summary: z.object({ create: z.number().int(), match: z.number().int(), error: z.number().int() }),
});
export type ImportReport = z.infer<typeof importReport>;
