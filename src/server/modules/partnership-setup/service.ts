import type { z } from 'zod';
import { email as emailSchema } from '../../../shared/api/common.ts';
import {
  organisationKindWords, setupSteps, type ChecklistItem, type Setup, type setupAdminsBody, type setupAgreementBody, type setupCaseTypesBody,
  type setupLookupsBody, type setupOrganisationsBody, type SetupStep, type setupTeamsBody, type startSetupBody,
} from '../../../shared/api/setup.ts';
import { organisationKindLabels, organisationKinds, roleLabels, type OrganisationKind, type Role } from '../../../shared/roles.ts';
import type { Context } from '../../platform/context.ts';
import { dateCell, vocabularyValue } from '../../platform/csv-import.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { londonToday } from '../../platform/london.ts';
import { createAgreement, findAgreement, updateAgreement } from '../data-protection/agreements/service.ts';
import { listLookups, updateLookup } from '../lookups/service.ts';
import { createOrganisation, createPartnership, createTeam } from '../organisations/service.ts';
import type { UserService } from '../users/service.ts';
import * as q from './queries.ts';

/**
 * The setup wizard of a new partnership, for system administrators. Each step is one transaction
 * that goes through the module that owns what it makes (organisations, users and their
 * invitations, lookups, sharing agreements), so each thing is checked and audited as if made by
 * hand; a pasted list with any bad line writes nothing and names every bad line.
 */

// Pasted lines ------------------------------------------------------------------------------------

interface Line {
  number: number;
  cells: string[];
}

/** One entry a line, its cells separated by commas; blank lines are skipped but still counted. */
function linesOf(text: string): Line[] {
  return text.split(/\r?\n/).flatMap((raw, index) => {
    const line = raw.trim();
    return line === '' ? [] : [{ number: index + 1, cells: line.split(',').map((c) => c.trim()) }];
  });
}

type LineProblem = FieldProblem & { line: number };

class LineProblems {
  readonly list: LineProblem[] = [];
  constructor(private readonly field: string) {}
  add(line: Line, problem: string) {
    this.list.push({ field: this.field, line: line.number, problem: `line ${line.number}: ${problem}` });
  }
  /** Stops the step, before anything is written, when any line is wrong. */
  check() {
    if (this.list.length === 0) return;
    const lines = this.list.length === 1 ? '1 line has a problem' : `${this.list.length} lines have problems`;
    throw new ValidationError(this.list, `${lines}, so nothing was saved. Correct them and submit the list again.`);
  }
}

function requireLines(text: string, field: string): Line[] {
  const lines = linesOf(text);
  if (lines.length === 0) throw new ValidationError([{ field, problem: 'must have at least one line' }]);
  if (lines.length > 500) throw new ValidationError([{ field, problem: 'must have at most 500 lines' }]);
  return lines;
}

const folded = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "Organisation / Team" (or "Organisation: Team") into its two names. */
function teamNameOf(cell: string): [string, string] | null {
  const at = Math.max(cell.lastIndexOf('/'), cell.lastIndexOf(':'));
  if (at < 0) return null;
  const [organisation, team] = [cell.slice(0, at).trim(), cell.slice(at + 1).trim()];
  return organisation && team ? [organisation, team] : null;
}

/** A use case of a module that keeps what is the partnership's own, run for the partnership being set up. */
function forPartnership(ctx: Context, partnershipId: string): Context {
  // The lists and the sharing agreement are kept by the partnership's own system administrators
  // (canManagePartnershipLists). Until the new one has any, the wizard's system administrator
  // keeps them for it; the audit trail still names them, from their own partnership.
  return { ...ctx, actor: { ...ctx.actor, partnershipId } };
}

// Reading -----------------------------------------------------------------------------------------

type Structure = Awaited<ReturnType<typeof q.structureOf>>;

const adminRoles: Role[] = ['team_admin', 'organisation_admin', 'system_admin'];

function checklistOf(setup: q.SetupRow, s: Structure, caseTypes: Awaited<ReturnType<typeof q.caseTypesOf>>, agreement: Awaited<ReturnType<typeof q.agreementOf>>, lookups: number): ChecklistItem[] {
  const href = (step: SetupStep) => `/admin/setup/${setup.partnershipId}/${step.replace('_', '-')}`;
  const item = (key: string, label: string, done: boolean, detail: string, step: SetupStep): ChecklistItem => ({ key, label, done, detail, step, href: href(step) });
  const orgOf = new Map(s.teams.map((t) => [t.id, t.organisationId]));
  const withoutTeam = s.organisations.filter((o) => !s.teams.some((t) => t.organisationId === o.id));
  const organisationAdmins = new Set(s.admins.filter((a) => a.role === 'organisation_admin').map((a) => orgOf.get(a.teamId)));
  const withoutAdmin = s.teams.filter((t) => !organisationAdmins.has(t.organisationId) && !s.admins.some((a) => a.teamId === t.id && a.role === 'team_admin'));
  const waiting = s.admins.filter((a) => !a.accepted);
  const sharing = caseTypes.filter((c) => c.sharing.length > 0);
  const parties = new Set(agreement?.parties.map((p) => p.organisationId));
  const notParty = s.organisations.filter((o) => !parties.has(o.id));
  const signed = new Set(agreement?.parties.filter((p) => p.signedOn).map((p) => p.organisationId));
  const unsigned = s.organisations.filter((o) => !signed.has(o.id));
  const names = (list: { name: string }[]) => list.slice(0, 5).map((x) => x.name).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
  return [
    item('organisations', 'Organisations added', s.organisations.length > 0, s.organisations.length > 0 ? `${s.organisations.length} organisations` : 'No organisations yet', 'organisations'),
    item('teams', 'Every organisation has a team', s.organisations.length > 0 && withoutTeam.length === 0,
      withoutTeam.length > 0 ? `No team yet: ${names(withoutTeam)}` : `${s.teams.length} teams`, 'teams'),
    item('admins', 'Every team has an administrator invited', s.teams.length > 0 && withoutAdmin.length === 0,
      withoutAdmin.length > 0 ? `${withoutAdmin.length} of ${s.teams.length} teams have no administrator: ${names(withoutAdmin)}` : `${s.admins.length} administrators invited`, 'admins'),
    item('system_admin', 'The partnership has its own system administrator', s.admins.some((a) => a.role === 'system_admin'),
      s.admins.some((a) => a.role === 'system_admin') ? 'Invited' : 'Invite one on the administrators step: they keep its lists and agreements from then on', 'admins'),
    item('accepted', 'Every administrator has accepted their invitation', s.admins.length > 0 && waiting.length === 0,
      waiting.length > 0 ? `${waiting.length} of ${s.admins.length} have not yet chosen a password: ${names(waiting)}` : s.admins.length > 0 ? 'All accepted' : 'No administrators yet', 'admins'),
    item('lookups', 'Lists copied from a template partnership', setup.templatePartnershipId !== null,
      setup.templateName ? `From ${setup.templateName}: ${lookups} values` : `The standard lists only (${lookups} values)`, 'lookups'),
    item('case_types', 'Case types share new cases by default', sharing.length > 0,
      `${sharing.length} of ${caseTypes.length} case types share new cases by default`, 'case_types'),
    item('agreement', 'An information sharing agreement names every organisation', agreement !== null && s.organisations.length > 0 && notParty.length === 0,
      !agreement ? 'No agreement yet' : notParty.length > 0 ? `Not a party yet: ${names(notParty)}` : agreement.title, 'agreement'),
    item('signed', 'Every organisation has signed the agreement', agreement !== null && s.organisations.length > 0 && unsigned.length === 0,
      unsigned.length > 0 ? `Not signed yet: ${names(unsigned)}` : 'All signed', 'agreement'),
  ];
}

async function present(ctx: Context, setup: q.SetupRow): Promise<Setup> {
  const id = setup.partnershipId;
  const [structure, caseTypes, agreement, lookups] = [await q.structureOf(ctx.tx, id), await q.caseTypesOf(ctx.tx, id), await q.agreementOf(ctx.tx, id), await q.lookupCount(ctx.tx, id)];
  const person = (a: Structure['admins'][number]) => ({ id: a.id, name: a.name, email: a.email, role: a.role, accepted: a.accepted });
  const done = setupSteps.filter((s) => setup.stepsDone.includes(s));
  return {
    partnership: { id, name: setup.partnershipName },
    template: setup.templatePartnershipId ? { id: setup.templatePartnershipId, name: setup.templateName ?? '' } : null,
    stepsDone: done,
    nextStep: setupSteps.find((s) => !done.includes(s)) ?? null,
    organisations: structure.organisations.map((o) => {
      const teams = structure.teams.filter((t) => t.organisationId === o.id);
      return {
        ...o,
        admins: structure.admins.filter((a) => a.role !== 'team_admin' && teams.some((t) => t.id === a.teamId)).map(person),
        teams: teams.map((t) => ({ id: t.id, name: t.name, admins: structure.admins.filter((a) => a.teamId === t.id && a.role === 'team_admin').map(person) })),
      };
    }),
    caseTypes,
    agreement: agreement ? { id: agreement.id, title: agreement.title, parties: agreement.parties } : null,
    checklist: checklistOf(setup, structure, caseTypes, agreement, lookups),
    createdAt: setup.createdAt.toISOString(),
    updatedAt: setup.updatedAt.toISOString(),
  };
}

async function load(ctx: Context, partnershipId: string, lock = false): Promise<q.SetupRow> {
  const setup = await q.getSetup(ctx.tx, partnershipId, lock);
  if (!setup) throw new NotFoundError('partnership setup');
  return setup;
}

const subject = (partnershipId: string) => ({ entityType: 'partnership' as const, entityId: partnershipId });

/** Its setup as it stands, with the checklist; it names the administrators invited, so reading it is recorded. */
export async function getSetup(ctx: Context, partnershipId: string): Promise<Setup> {
  const setup = await present(ctx, await load(ctx, partnershipId));
  ctx.audit({ action: 'partnership_setup.viewed', ...subject(partnershipId), details: { userIds: setup.organisations.flatMap((o) => [...o.admins, ...o.teams.flatMap((t) => t.admins)].map((a) => a.id)) } });
  return setup;
}

export async function listSetups(ctx: Context) {
  const rows = await q.listSetups(ctx.tx);
  const items = [];
  for (const row of rows) {
    const setup = await present(ctx, { ...row.setup, partnershipName: row.partnershipName, templateName: null });
    items.push({ partnership: setup.partnership, stepsDone: setup.stepsDone, left: setup.checklist.filter((c) => !c.done).length, updatedAt: setup.updatedAt });
  }
  return { items };
}

// Steps -------------------------------------------------------------------------------------------

async function stepDone(ctx: Context, setup: q.SetupRow, step: SetupStep, details: Record<string, number | string>, templatePartnershipId?: string): Promise<Setup> {
  await q.markStep(ctx.tx, setup.partnershipId, step, templatePartnershipId);
  ctx.audit({ action: 'partnership_setup.step_done', ...subject(setup.partnershipId), details: { step, ...details } });
  return present(ctx, await load(ctx, setup.partnershipId));
}

export async function startSetup(ctx: Context, body: z.infer<typeof startSetupBody>): Promise<Setup> {
  const partnership = await createPartnership(ctx, { name: body.name });
  await q.insertSetup(ctx.tx, { partnershipId: partnership.id, startedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null });
  ctx.audit({ action: 'partnership_setup.step_done', ...subject(partnership.id), details: { step: 'partnership', name: partnership.name } });
  return present(ctx, await load(ctx, partnership.id));
}

function kindOf(word: string): OrganisationKind | undefined {
  return vocabularyValue(word, organisationKinds, organisationKindLabels) ?? organisationKindWords[folded(word)];
}

/** "Name, kind" a line; an organisation already added is left as it is, so a list can be pasted again with more. */
export async function addOrganisations(ctx: Context, partnershipId: string, body: z.infer<typeof setupOrganisationsBody>): Promise<Setup> {
  const setup = await load(ctx, partnershipId, true);
  const existing = new Set((await q.structureOf(ctx.tx, partnershipId)).organisations.map((o) => folded(o.name)));
  const problems = new LineProblems('lines');
  const seen = new Map<string, number>();
  const wanted: { name: string; kind: OrganisationKind }[] = [];
  for (const line of requireLines(body.lines, 'lines')) {
    const [name = '', kindWord = '', ...rest] = line.cells;
    const kind = kindOf(kindWord);
    const first = seen.get(folded(name));
    if (!name || !kindWord || rest.length > 0) problems.add(line, 'write the organisation\'s name, a comma, and its kind (police, council, housing, fire, probation, health, charity …)');
    else if (name.length > 200) problems.add(line, 'the name must be at most 200 characters');
    else if (first !== undefined) problems.add(line, `duplicate organisation name "${name}" (also on line ${first})`);
    else if (!kind) problems.add(line, `"${kindWord}" is not a kind of organisation; the kinds are: ${organisationKinds.map((k) => organisationKindLabels[k].toLowerCase()).join(', ')}, charity`);
    else if (!existing.has(folded(name))) wanted.push({ name, kind });
    seen.set(folded(name), line.number);
  }
  problems.check();
  for (const organisation of wanted) await createOrganisation(ctx, { partnershipId, ...organisation });
  return stepDone(ctx, setup, 'organisations', { added: wanted.length });
}

/** "Organisation / Team" a line. */
export async function addTeams(ctx: Context, partnershipId: string, body: z.infer<typeof setupTeamsBody>): Promise<Setup> {
  const setup = await load(ctx, partnershipId, true);
  const structure = await q.structureOf(ctx.tx, partnershipId);
  const problems = new LineProblems('lines');
  const seen = new Map<string, number>();
  const wanted: { organisationId: string; name: string }[] = [];
  for (const line of requireLines(body.lines, 'lines')) {
    const names = teamNameOf(line.cells.join(','));
    const organisation = names && structure.organisations.find((o) => folded(o.name) === folded(names[0]));
    const key = names ? `${folded(names[0])}/${folded(names[1])}` : '';
    const first = seen.get(key);
    if (!names) problems.add(line, 'write the organisation, a slash, and the team: "Organisation / Team"');
    else if (!organisation) problems.add(line, `"${names[0]}" is not an organisation of this partnership`);
    else if (names[1].length > 200) problems.add(line, 'the team\'s name must be at most 200 characters');
    else if (first !== undefined) problems.add(line, `duplicate team "${names[1]}" of ${organisation.name} (also on line ${first})`);
    else if (!structure.teams.some((t) => t.organisationId === organisation.id && folded(t.name) === folded(names[1]))) wanted.push({ organisationId: organisation.id, name: names[1] });
    seen.set(key, line.number);
  }
  problems.check();
  for (const team of wanted) await createTeam(ctx, team);
  return stepDone(ctx, setup, 'teams', { added: wanted.length });
}

function adminRoleOf(word: string | undefined): Role | undefined {
  if (!word) return 'team_admin';
  const role = vocabularyValue(word.replace(/\badmin\b/i, 'administrator'), adminRoles, roleLabels);
  return role;
}

/**
 * "Name, email, Organisation / Team[, role]" a line: each is invited by the users module, with
 * the usual 72-hour email. Someone already invited into that team is left as they are.
 */
export function addAdmins(users: UserService) {
  return async (ctx: Context, partnershipId: string, body: z.infer<typeof setupAdminsBody>): Promise<Setup> => {
    const setup = await load(ctx, partnershipId, true);
    const structure = await q.structureOf(ctx.tx, partnershipId);
    const lines = requireLines(body.lines, 'lines');
    const taken = await q.accountsWithEmails(ctx.tx, lines.map((l) => folded(l.cells[1] ?? '')));
    const problems = new LineProblems('lines');
    const seen = new Map<string, number>();
    const wanted: { teamId: string; name: string; email: string; role: Role }[] = [];
    for (const line of lines) {
      const [name = '', emailCell = '', teamCell = '', roleWord, ...rest] = line.cells;
      const email = emailSchema.safeParse(emailCell);
      const names = teamNameOf(teamCell);
      const team = names && structure.teams.find((t) => folded(t.name) === folded(names[1])
        && folded(structure.organisations.find((o) => o.id === t.organisationId)!.name) === folded(names[0]));
      const role = adminRoleOf(roleWord);
      const first = seen.get(folded(emailCell));
      if (!name || !emailCell || !teamCell || rest.length > 0) problems.add(line, 'write the name, the email, and the team as "Organisation / Team", with commas between (and a role if not a team administrator)');
      else if (!email.success) problems.add(line, `"${emailCell}" is not an email address`);
      else if (first !== undefined) problems.add(line, `duplicate email "${emailCell}" (also on line ${first})`);
      else if (!team) problems.add(line, `"${teamCell}" is not a team of this partnership`);
      else if (!role) problems.add(line, `"${roleWord}" is not one of: team administrator, organisation administrator, system administrator`);
      else if (taken.get(email.data) === undefined) wanted.push({ teamId: team.id, name, email: email.data, role });
      else if (taken.get(email.data) !== team.id) problems.add(line, `"${emailCell}" is already used by another account`);
      seen.set(folded(emailCell), line.number);
    }
    problems.check();
    for (const admin of wanted) await users.create(ctx, { ...admin, isSupervisor: false, isCoordinator: false, schemeLookUp: false });
    return stepDone(ctx, setup, 'admins', { invited: wanted.length });
  };
}

/** The template partnership's values of every list, over the standard ones the new partnership began with. */
export async function copyLookups(ctx: Context, partnershipId: string, body: z.infer<typeof setupLookupsBody>): Promise<Setup> {
  const setup = await load(ctx, partnershipId, true);
  const template = await q.partnershipName(ctx.tx, body.templatePartnershipId);
  if (!template || body.templatePartnershipId === partnershipId) {
    throw new ValidationError([{ field: 'templatePartnershipId', problem: 'must be another partnership' }]);
  }
  const copied = await q.copyLookups(ctx.tx, body.templatePartnershipId, partnershipId);
  return stepDone(ctx, setup, 'lookups', { templatePartnershipId: body.templatePartnershipId, copied }, body.templatePartnershipId);
}

const levelWords = { view: 'view', read: 'view', edit: 'edit', write: 'edit' } as const;

/**
 * "Case type, Organisation[ / Team], view|edit" a line. The case types named share new cases with
 * exactly what their lines say (through the lookups module, as on its own screen); others keep theirs.
 */
export async function shareCaseTypes(ctx: Context, partnershipId: string, body: z.infer<typeof setupCaseTypesBody>): Promise<Setup> {
  const setup = await load(ctx, partnershipId, true);
  const own = forPartnership(ctx, partnershipId);
  const structure = await q.structureOf(ctx.tx, partnershipId);
  const types = (await listLookups(own, { list: 'case_type', includeRetired: false })).items;
  const problems = new LineProblems('lines');
  type Target = ({ teamId: string } | { organisationId: string }) & { level: 'view' | 'edit' };
  const wanted = new Map<string, { version: number; sharing: Target[]; lines: Map<string, number> }>();
  for (const line of requireLines(body.lines, 'lines')) {
    const [typeName = '', target = '', levelWord = 'view', ...rest] = line.cells;
    const type = types.find((t) => folded(t.name) === folded(typeName) || t.key === folded(typeName));
    const names = teamNameOf(target);
    const organisation = structure.organisations.find((o) => folded(o.name) === folded(names ? names[0] : target));
    const team = names && organisation ? structure.teams.find((t) => t.organisationId === organisation.id && folded(t.name) === folded(names[1])) : undefined;
    const level = levelWords[folded(levelWord) as keyof typeof levelWords];
    if (!typeName || !target || rest.length > 0) problems.add(line, 'write the case type, the organisation (or "Organisation / Team") and view or edit, with commas between');
    else if (!type) problems.add(line, `"${typeName}" is not a case type of this partnership`);
    else if (!organisation || (names && !team)) problems.add(line, `"${target}" is not an organisation or team of this partnership`);
    else if (!level) problems.add(line, `"${levelWord}" must be view or edit`);
    else {
      const entry = wanted.get(type.id) ?? { version: type.version, sharing: [], lines: new Map<string, number>() };
      const key = team?.id ?? organisation.id;
      const first = entry.lines.get(key);
      if (first !== undefined) problems.add(line, `${type.name} already shares with "${target}" on line ${first}`);
      entry.lines.set(key, line.number);
      entry.sharing.push(team ? { teamId: team.id, level } : { organisationId: organisation.id, level });
      wanted.set(type.id, entry);
    }
  }
  problems.check();
  for (const [id, { version, sharing }] of wanted) await updateLookup(own, id, { version, defaultSharing: sharing });
  return stepDone(ctx, setup, 'case_types', { caseTypes: wanted.size });
}

/**
 * The agreement with every organisation of the partnership a party, made (or, when the step is
 * submitted again, changed) through the data-protection module. "Organisation, signatory, signed on"
 * a line for those that have signed; the date is today's when left out.
 */
export async function makeAgreement(ctx: Context, partnershipId: string, body: z.infer<typeof setupAgreementBody>): Promise<Setup> {
  const setup = await load(ctx, partnershipId, true);
  const own = forPartnership(ctx, partnershipId);
  const structure = await q.structureOf(ctx.tx, partnershipId);
  if (structure.organisations.length === 0) throw new ValidationError([{ field: 'parties', problem: 'add the organisations first: every one is a party' }]);
  const problems = new LineProblems('signatures');
  const signed = new Map<string, { signatory: string; signedOn: string; line: number }>();
  for (const line of linesOf(body.signatures)) {
    const [organisationName = '', signatory = '', signedOnCell, ...rest] = line.cells;
    const organisation = structure.organisations.find((o) => folded(o.name) === folded(organisationName));
    const dateProblems: FieldProblem[] = [];
    const signedOn = signedOnCell ? dateCell(signedOnCell, 'signedOn', dateProblems) : londonToday();
    if (!organisationName || !signatory || rest.length > 0) problems.add(line, 'write the organisation, who signed, and the date signed (if not today), with commas between');
    else if (!organisation) problems.add(line, `"${organisationName}" is not an organisation of this partnership`);
    else if (signed.has(organisation.id)) problems.add(line, `duplicate signature of ${organisation.name} (also on line ${signed.get(organisation.id)!.line})`);
    else if (!signedOn) problems.add(line, dateProblems[0]!.problem);
    else if (signedOn > londonToday()) problems.add(line, 'the date signed must not be in the future');
    else signed.set(organisation.id, { signatory, signedOn, line: line.number });
  }
  problems.check();
  const parties = structure.organisations.map((o) => ({ organisationId: o.id, signatory: signed.get(o.id)?.signatory ?? null, signedOn: signed.get(o.id)?.signedOn ?? null }));
  const fields = { title: body.title, purpose: body.purpose, lawfulBasis: body.lawfulBasis, startsOn: body.startsOn, reviewOn: body.reviewOn, status: 'active' as const, parties };
  const current = await q.agreementOf(ctx.tx, partnershipId);
  const agreement = current
    ? await updateAgreement(own, current.id, { ...fields, version: (await findAgreement(own, current.id)).version })
    : await createAgreement(own, fields);
  return stepDone(ctx, setup, 'agreement', { agreementId: agreement.id, signed: signed.size });
}
