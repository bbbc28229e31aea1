import type { z } from 'zod';
import { createCaseBody } from '../../../shared/api/cases.ts';
import {
  caseImportColumns, locationImportColumns, userImportColumns, type CaseImportField, type ImportKind, type ImportReport, type LocationImportField,
  type recordImportBody, type UserImportField,
} from '../../../shared/api/imports.ts';
import { createLocationBody } from '../../../shared/api/locations.ts';
import { createUserBody } from '../../../shared/api/users.ts';
import { locationKindLabels, locationKinds, profileRoleLabels, profileRoles, type ProfileRole } from '../../../shared/records.ts';
import { roleLabels, roles } from '../../../shared/roles.ts';
import { assignableRoles, canManageTeam } from '../../platform/access/administration.ts';
import type { Context } from '../../platform/context.ts';
import { createAll, dateCell, listOf, readCsv, reportOf, schemaProblems, vocabularyValue, yesNoCell, type CsvRow, type PlannedRow } from '../../platform/csv-import.ts';
import { NoAccessError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { createCase } from '../cases/service.ts';
import { linkProfile } from '../cases/links.ts';
import { create as createLocation } from '../locations/service.ts';
import { lookupResolver } from '../profile-imports/rows.ts';
import type { UserService } from '../users/service.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof recordImportBody>;

/**
 * Users, cases and locations from CSV, each into a team the importer administers (the same
 * policies as adding one by hand), with the dry run and the all-or-nothing real run that people
 * have. Another partnership's teams are not found at all.
 */

// Teams -------------------------------------------------------------------------------------------

const folded = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads a team cell ("Organisation / Team", or a name only one team has), refusing one the importer does not administer. */
async function teamResolver(ctx: Context) {
  const teams = await q.teamsOf(ctx.tx, ctx.actor.partnershipId);
  const own = teams.find((t) => t.id === ctx.actor.teamId);
  return (cell: string | undefined, problems: FieldProblem[]): q.TeamRow | undefined => {
    if (cell === undefined) {
      if (!own) problems.push({ field: 'team', problem: 'is required' });
      return own;
    }
    const slash = cell.lastIndexOf('/');
    const [organisation, name] = slash >= 0 ? [folded(cell.slice(0, slash)), folded(cell.slice(slash + 1))] : [null, folded(cell)];
    const found = teams.filter((t) => folded(t.name) === name && (organisation === null || folded(t.organisationName) === organisation));
    if (found.length > 1) {
      problems.push({ field: 'team', problem: `"${cell}" is the name of ${found.length} teams: write it as "Organisation / Team"` });
      return undefined;
    }
    const [team] = found;
    if (!team) problems.push({ field: 'team', problem: `"${cell}" is not a team of this partnership` });
    else if (!canManageTeam(ctx.actor, team)) problems.push({ field: 'team', problem: `"${cell}" is not a team you administer` });
    else return team;
    return undefined;
  };
}

/**
 * Cases and locations are made as the owning team's own, as if one of its members had made them
 * (numbering, default sharing, who may open what is linked); the audit trail still names the importer.
 */
const asTeam = (ctx: Context, team: q.TeamRow): Context => ({ ...ctx, actor: { ...ctx.actor, teamId: team.id, organisationId: team.organisationId } });

// Running an import ---------------------------------------------------------------------------------

async function carryOut<B>(ctx: Context, kind: ImportKind, body: Body, rows: PlannedRow<B>[], create: (body: B) => Promise<string>): Promise<ImportReport> {
  const errors = rows.filter((r) => r.status === 'error').length;
  if (body.dryRun) {
    ctx.audit({ action: 'records.imported', details: { kind, dryRun: true, rows: rows.length, errors } });
    return reportOf(rows, true);
  }
  const report = await createAll(rows, create, (refused) =>
    ctx.refuse({ action: 'records.imported', details: { kind, code: 'validation_failed', rows: rows.length, errors: refused.summary.error } }));
  ctx.audit({ action: 'records.imported', details: { kind, dryRun: false, rows: rows.length, created: report.summary.create, ids: rows.flatMap((r) => (r.id ? [r.id] : [])) } });
  return report;
}

function planned<B>(row: CsvRow<string>, problems: FieldProblem[], body: B | undefined): PlannedRow<B> {
  return problems.length > 0 || body === undefined ? { row: row.row, status: 'error', problems } : { row: row.row, status: 'create', problems: [], body };
}

/** The same value on two rows of one file, which would clash when both are created. */
function repeatedIn<F extends string>(seen: Map<string, number>, value: string | undefined, row: number, field: F, problems: FieldProblem[]) {
  if (!value) return;
  const key = value.toLowerCase();
  const first = seen.get(key);
  if (first !== undefined) problems.push({ field, problem: `"${value}" is also on row ${first}` });
  else seen.set(key, row);
}

// Users -------------------------------------------------------------------------------------------

type UserBody = z.infer<typeof createUserBody>;

/** Each user is invited as if added by hand: the users module's own checks, and the usual 72-hour invitation email. */
export async function importUsers(ctx: Context, users: UserService, body: Body): Promise<ImportReport> {
  const lines = readCsv(body.csv, userImportColumns, 'users');
  const teamOf = await teamResolver(ctx);
  const taken = await q.emailsTaken(ctx.tx, lines.flatMap((l) => (l.values.email ? [l.values.email.trim()] : [])));
  const seen = new Map<string, number>();
  const giveable = assignableRoles(ctx.actor);
  const rows = lines.map((line) => {
    const v: Partial<Record<UserImportField, string>> = line.values;
    const problems: FieldProblem[] = [...line.problems];
    const team = teamOf(v.team, problems);
    const role = v.role ? vocabularyValue(v.role, roles, roleLabels) : undefined;
    if (v.role && !role) problems.push({ field: 'role', problem: `"${v.role}" is not one of: ${roles.map((r) => roleLabels[r]).join(', ')}` });
    else if (role && !giveable.includes(role)) problems.push({ field: 'role', problem: `"${v.role}" is not a role you can give` });
    if (v.email && taken.has(v.email.trim().toLowerCase())) problems.push({ field: 'email', problem: 'is already used by another account' });
    repeatedIn(seen, v.email?.trim(), line.row, 'email', problems);
    const draft = { teamId: team?.id, name: v.name, email: v.email, role, isSupervisor: yesNoCell(v.isSupervisor, 'isSupervisor', problems), jobTitle: v.jobTitle, phone: v.phone };
    const parsed = createUserBody.safeParse(draft);
    if (!parsed.success) schemaProblems(parsed.error.issues, problems, (path) => (path[0] === 'teamId' ? 'team' : String(path[0] ?? 'csv')));
    return planned<UserBody>(line, problems, parsed.data);
  });
  return carryOut(ctx, 'users', body, rows, async (user) => (await users.create(ctx, user)).id);
}

// Cases -------------------------------------------------------------------------------------------

interface CaseBody {
  team: q.TeamRow;
  fields: z.infer<typeof createCaseBody>;
  people: { profileId: string; role: ProfileRole }[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "<profile id> <role>" entries: the person and their role on the case (a victim by default). */
function peopleOf(cell: string | undefined, known: Set<string>, problems: FieldProblem[]): CaseBody['people'] {
  return listOf(cell).flatMap((entry) => {
    const [id = '', ...words] = entry.split(/\s+/);
    const role = words.length > 0 ? vocabularyValue(words.join(' '), profileRoles, profileRoleLabels) : 'victim';
    if (!uuidPattern.test(id) || !known.has(id.toLowerCase())) problems.push({ field: 'people', problem: `"${id}" is not a profile id on the record` });
    else if (!role) problems.push({ field: 'people', problem: `"${words.join(' ')}" is not one of: ${profileRoles.map((r) => profileRoleLabels[r]).join(', ')}` });
    else return [{ profileId: id.toLowerCase(), role }];
    return [];
  });
}

export async function importCases(ctx: Context, body: Body): Promise<ImportReport> {
  const lines = readCsv(body.csv, caseImportColumns, 'cases');
  const teamOf = await teamResolver(ctx);
  const resolve = lookupResolver(ctx);
  const parents = await q.caseIdsByReference(ctx.tx, ctx.actor.partnershipId, lines.flatMap((l) => (l.values.parentCase ? [l.values.parentCase.trim()] : [])));
  const profileIds = lines.flatMap((l) => listOf(l.values.people).map((e) => e.split(/\s+/)[0]!.toLowerCase())).filter((id) => uuidPattern.test(id));
  const known = await q.profileIdsIn(ctx.tx, ctx.actor.partnershipId, profileIds);
  const rows: PlannedRow<CaseBody>[] = [];
  for (const line of lines) {
    const v: Partial<Record<CaseImportField, string>> = line.values;
    const problems: FieldProblem[] = [...line.problems];
    const team = teamOf(v.team, problems);
    const caseTypeId = v.caseType ? await resolve('case_type', v.caseType, 'caseType', problems) : undefined;
    const startDate = v.startDate ? dateCell(v.startDate, 'startDate', problems) : undefined;
    const parentCaseId = v.parentCase ? parents.get(v.parentCase.trim().toUpperCase()) : undefined;
    if (v.parentCase && !parentCaseId) problems.push({ field: 'parentCase', problem: `"${v.parentCase}" is not a case reference of this partnership` });
    const people = peopleOf(v.people, known, problems);
    // The old system's reference stays findable: the summary is searched with the case.
    const summary = [v.summary, v.previousReference && `Previous reference: ${v.previousReference}`].filter(Boolean).join('\n\n') || undefined;
    const parsed = createCaseBody.safeParse({ title: v.title, caseTypeId, startDate, summary, parentCaseId });
    if (!parsed.success) schemaProblems(parsed.error.issues, problems, (path) => (path[0] === 'caseTypeId' ? 'caseType' : path[0] === 'parentCaseId' ? 'parentCase' : String(path[0] ?? 'csv')));
    rows.push(planned(line, problems, team && parsed.data ? { team, fields: parsed.data, people } : undefined));
  }
  return carryOut(ctx, 'cases', body, rows, async ({ team, fields, people }) => {
    const owner = asTeam(ctx, team);
    const created = await createCase(owner, fields);
    for (const person of people) {
      try {
        await linkProfile(owner, created.id, person);
      } catch (error) {
        if (!(error instanceof NoAccessError)) throw error;
        throw new ValidationError([{ field: 'people', problem: `"${person.profileId}" is a profile ${team.name} cannot open: ask its owner for access first` }]);
      }
    }
    return created.id;
  });
}

// Locations ---------------------------------------------------------------------------------------

interface LocationBody {
  team: q.TeamRow;
  fields: z.infer<typeof createLocationBody>;
}

/**
 * A row whose UPRN a location already has is refused rather than made twice; an address alike
 * to one on the record is not (a file of a street's flats would be refused whole), so the file is
 * the importer's word that each row is a place of its own.
 */
export async function importLocations(ctx: Context, body: Body): Promise<ImportReport> {
  const lines = readCsv(body.csv, locationImportColumns, 'locations');
  const teamOf = await teamResolver(ctx);
  const taken = await q.uprnsTaken(ctx.tx, ctx.actor.partnershipId, lines.flatMap((l) => (l.values.uprn ? [l.values.uprn.trim()] : [])));
  const seen = new Map<string, number>();
  const rows = lines.map((line) => {
    const v: Partial<Record<LocationImportField, string>> = line.values;
    const problems: FieldProblem[] = [...line.problems];
    const team = teamOf(v.team, problems);
    const kind = v.kind ? vocabularyValue(v.kind, locationKinds, locationKindLabels) : 'premises';
    if (!kind) problems.push({ field: 'kind', problem: `"${v.kind}" is not one of: ${locationKinds.map((k) => locationKindLabels[k]).join(', ')}` });
    if (v.uprn && taken.has(v.uprn.trim())) problems.push({ field: 'uprn', problem: `"${v.uprn}" is the UPRN of a location already on the record` });
    repeatedIn(seen, v.uprn?.trim(), line.row, 'uprn', problems);
    const draft = { kind, name: v.name, addressLine1: v.addressLine1, addressLine2: v.addressLine2, town: v.town, postcode: v.postcode, uprn: v.uprn, confirmNoDuplicate: true };
    const parsed = createLocationBody.safeParse(draft);
    if (!parsed.success) schemaProblems(parsed.error.issues, problems);
    return planned<LocationBody>(line, problems, team && parsed.data ? { team, fields: parsed.data } : undefined);
  });
  return carryOut(ctx, 'locations', body, rows, async ({ team, fields }) => (await createLocation(asTeam(ctx, team), fields)).id);
}
