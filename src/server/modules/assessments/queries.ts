import { and, asc, desc, eq, getTableColumns, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assessmentSubjectKinds, type AssessmentSubjectKind } from '../../../shared/assessments.ts';
import { permissionRoles } from '../../../shared/permissions.ts';
import type { RiskLevel } from '../../../shared/records.ts';
import {
  apiTokens, assessmentInformationRequests, assessmentRequirements, assessments, assessmentTemplates, assessmentTemplateVersions,
  caseProfiles, cases, organisations, profileRelationships, profiles, riskLevelChanges, teams, users,
} from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { actorHas } from '../../platform/access/permissions.ts';
import { kinds, teamCanView } from '../../platform/access/kinds.ts';
import { canReadContent, canView } from '../../platform/access/records.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partnership's templates answering to an id, or to a key or name in any case, each with its current version's definition. */
export async function templatesCalled(tx: Tx, partnershipId: string, input: string) {
  const lower = input.toLowerCase();
  return tx.select({ template: assessmentTemplates, versionId: assessmentTemplateVersions.id, definition: assessmentTemplateVersions.definition })
    .from(assessmentTemplates)
    .innerJoin(assessmentTemplateVersions, and(eq(assessmentTemplateVersions.templateId, assessmentTemplates.id), eq(assessmentTemplateVersions.version, assessmentTemplates.version)))
    .where(and(
      eq(assessmentTemplates.partnershipId, partnershipId),
      or(
        uuidPattern.test(input) ? eq(assessmentTemplates.id, lower) : undefined,
        eq(sql`lower(${assessmentTemplates.key})`, lower),
        eq(sql`lower(${assessmentTemplates.name})`, lower),
      ),
    ))
    .orderBy(asc(assessmentTemplates.id));
}
export type TemplateRow = Awaited<ReturnType<typeof templatesCalled>>[number];

/** A template of the partnership at one of its versions, current or not, shaped as `templatesCalled` gives it. */
export async function templateAtVersion(tx: Tx, partnershipId: string, versionId: string): Promise<TemplateRow | null> {
  const [row] = await tx.select({
    template: { ...getTableColumns(assessmentTemplates), version: assessmentTemplateVersions.version },
    versionId: assessmentTemplateVersions.id,
    definition: assessmentTemplateVersions.definition,
  })
    .from(assessmentTemplateVersions)
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentTemplateVersions.templateId))
    .where(and(eq(assessmentTemplateVersions.id, versionId), eq(assessmentTemplates.partnershipId, partnershipId)));
  return row ?? null;
}

/** The person who answers for what an API token writes: the one who issued it. */
export async function tokenIssuer(tx: Tx, tokenId: string): Promise<string | null> {
  const [row] = await tx.select({ id: apiTokens.createdById }).from(apiTokens).where(eq(apiTokens.id, tokenId));
  return row?.id ?? null;
}

export async function userName(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? '';
}

const author = alias(users, 'assessment_author');
const starter = alias(users, 'assessment_starter');
const adjuster = alias(users, 'assessment_adjuster');
const decider = alias(users, 'assessment_decider');

function selectAssessments(tx: Tx, actor: Actor) {
  return tx.select({
    assessment: assessments,
    template: { id: assessmentTemplates.id, key: assessmentTemplates.key, name: assessmentTemplates.name, status: assessmentTemplates.status },
    templateVersion: assessmentTemplateVersions.version,
    definition: assessmentTemplateVersions.definition,
    teamName: teams.name,
    organisationName: organisations.name,
    authorName: author.name,
    starterName: starter.name,
    adjusterName: adjuster.name,
    deciderName: decider.name,
    readable: sql<boolean>`${canReadContent(actor, assessments)}`,
  })
    .from(assessments)
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessments.templateId))
    .innerJoin(assessmentTemplateVersions, eq(assessmentTemplateVersions.id, assessments.templateVersionId))
    .innerJoin(teams, eq(teams.id, assessments.authorTeamId))
    .innerJoin(organisations, eq(organisations.id, assessments.authorOrganisationId))
    .innerJoin(author, eq(author.id, assessments.authorId))
    .innerJoin(starter, eq(starter.id, assessments.createdBy))
    .leftJoin(adjuster, eq(adjuster.id, assessments.adjustedBy))
    .leftJoin(decider, eq(decider.id, assessments.adjustmentDecidedBy));
}

export async function getAssessment(tx: Tx, actor: Actor, id: string) {
  const [row] = await selectAssessments(tx, actor).where(and(eq(assessments.id, id), eq(assessments.partnershipId, actor.partnershipId)));
  return row ?? null;
}
export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;

export type NewAssessment = typeof assessments.$inferInsert;

/**
 * What a write gives back so the use case need not read the assessment again: the row as written,
 * whether the actor may read it, and every name the read joins (a write can set the assessor,
 * adjuster and decider). The same columns and rules as `selectAssessments`.
 */
function written(actor: Actor) {
  return {
    ...getTableColumns(assessments),
    readable: sql<boolean>`${canReadContent(actor, assessments)}`,
    teamName: sql<string>`(select name from teams where teams.id = assessments.author_team_id)`,
    organisationName: sql<string>`(select name from organisations where organisations.id = assessments.author_organisation_id)`,
    authorName: sql<string>`(select name from users where users.id = assessments.author_id)`,
    starterName: sql<string>`(select name from users where users.id = assessments.created_by)`,
    adjusterName: sql<string | null>`(select name from users where users.id = assessments.adjusted_by)`,
    deciderName: sql<string | null>`(select name from users where users.id = assessments.adjustment_decided_by)`,
  };
}

/** The template an assessment was made with, as `getAssessment` joins it. */
type TemplateOf = Pick<AssessmentRow, 'template' | 'templateVersion' | 'definition'>;

const templateOf = (row: TemplateRow): TemplateOf => ({
  template: { id: row.template.id, key: row.template.key, name: row.template.name, status: row.template.status },
  templateVersion: row.template.version,
  definition: row.definition,
});

type Written = typeof assessments.$inferSelect & Omit<AssessmentRow, 'assessment' | keyof TemplateOf>;

function asRow(template: TemplateOf, returned: Written): AssessmentRow {
  const { readable, teamName, organisationName, authorName, starterName, adjusterName, deciderName, ...assessment } = returned;
  const { template: made, templateVersion, definition } = template;
  return { assessment, template: made, templateVersion, definition, teamName, organisationName, authorName, starterName, adjusterName, deciderName, readable };
}

/** Saves a new assessment made with the template's current version, giving it back as `getAssessment` would. */
export async function insertAssessment(tx: Tx, actor: Actor, template: TemplateRow, values: Omit<NewAssessment, 'templateId' | 'templateVersionId'>): Promise<AssessmentRow> {
  const [row] = await tx.insert(assessments)
    .values({ ...values, templateId: template.template.id, templateVersionId: template.versionId })
    .returning(written(actor));
  return asRow(templateOf(template), row!);
}

export type AssessmentPatch = Partial<Omit<NewAssessment, 'id' | 'partnershipId' | 'templateId' | 'templateVersionId' | 'version' | 'createdAt' | 'updatedAt'>>;

/** Changes the assessment if it is still at `version`, giving it back as `getAssessment` would; null when someone changed it first. */
export async function updateAssessment(tx: Tx, actor: Actor, before: AssessmentRow, version: number, patch: AssessmentPatch): Promise<AssessmentRow | null> {
  const [row] = await tx.update(assessments)
    .set({ ...patch, version: sql`${assessments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessments.id, before.assessment.id), eq(assessments.version, version)))
    .returning(written(actor));
  return row ? asRow(before, row) : null;
}

/** A discarded draft goes, with its links to the tasks it set (the tasks stay, cancelled or finished, on the record). */
export async function deleteAssessment(tx: Tx, id: string): Promise<void> {
  await tx.delete(assessmentInformationRequests).where(eq(assessmentInformationRequests.assessmentId, id));
  await tx.delete(assessments).where(eq(assessments.id, id));
}

const sameRecordAndTemplate = (a: { templateId: string; recordKind: AssessmentSubjectKind; recordId: string }) =>
  and(eq(assessments.templateId, a.templateId), eq(assessments.recordKind, a.recordKind), eq(assessments.recordId, a.recordId), eq(assessments.status, 'completed'));

/**
 * Whether no assessment with the same template on the same record was completed after this one,
 * in the order `completedOnRecord` gives (two completed in the same millisecond go by id).
 */
export async function isLatestCompleted(tx: Tx, a: typeof assessments.$inferSelect): Promise<boolean> {
  if (!a.completedAt) return false;
  const later = await tx.select({ id: assessments.id }).from(assessments)
    // Against the stored time, to the microsecond: a millisecond copy from JavaScript would put a
    // row stored with microseconds after itself.
    .where(and(sameRecordAndTemplate(a), sql`(${assessments.completedAt}, ${assessments.id}) > (select c.completed_at, c.id from assessments c where c.id = ${a.id}::uuid)`))
    .limit(1);
  return later.length === 0;
}

/** Completed assessments with the same template on the same record, oldest first. */
export async function completedOnRecord(tx: Tx, actor: Actor, a: { templateId: string; recordKind: AssessmentSubjectKind; recordId: string }) {
  return selectAssessments(tx, actor).where(sameRecordAndTemplate(a)).orderBy(asc(assessments.completedAt), asc(assessments.id));
}

/** The completed assessments on a record and the reader's team's drafts on it, newest first. */
export async function onRecord(tx: Tx, actor: Actor, kind: AssessmentSubjectKind, recordId: string) {
  return selectAssessments(tx, actor)
    .where(and(
      eq(assessments.partnershipId, actor.partnershipId),
      eq(assessments.recordKind, kind),
      eq(assessments.recordId, recordId),
      or(eq(assessments.status, 'completed'), eq(assessments.authorTeamId, actor.teamId)),
    ))
    .orderBy(desc(sql`coalesce(${assessments.completedAt}, ${assessments.updatedAt})`), desc(assessments.id));
}

/** Who may decide an adjustment of this team's assessor: its supervisors and its organisation's administrators. */
function decidableBy(actor: Actor): SQL {
  if (!actorHas(actor, 'assessments.approve')) return sql`false`;
  return or(
    eq(assessments.authorTeamId, actor.teamId),
    actor.role === 'organisation_admin' ? eq(assessments.authorOrganisationId, actor.organisationId) : sql`false`,
  )!;
}

export type Scope = 'team_drafts' | 'awaiting_approval' | 'reviews_due' | 'mine';

/** Whether the actor can still open the assessment's record: access taken away takes the record's assessments out of their lists. */
function recordOpenTo(actor: Actor): SQL {
  const team = sql`${actor.teamId}::uuid`;
  const organisation = sql`${actor.organisationId}::uuid`;
  const recordId = sql`assessments.record_id`;
  return or(...assessmentSubjectKinds.map((kind) => and(eq(assessments.recordKind, kind), teamCanView(kind, recordId, team, organisation))))!;
}

function scopeWhere(actor: Actor, scope: Scope, reviewBy: string): SQL {
  switch (scope) {
    case 'team_drafts':
      return and(eq(assessments.status, 'draft'), eq(assessments.authorTeamId, actor.teamId))!;
    case 'awaiting_approval':
      return and(eq(assessments.adjustmentStatus, 'pending'), ne(assessments.authorId, actor.id), decidableBy(actor), canReadContent(actor, assessments))!;
    case 'reviews_due':
      return and(
        eq(assessments.status, 'completed'),
        eq(assessments.authorId, actor.id),
        sql`${assessments.reviewOn} <= ${reviewBy}::date`,
        sql`not exists (select 1 from assessments later where later.template_id = assessments.template_id
          and later.record_kind = assessments.record_kind and later.record_id = assessments.record_id
          and later.status = 'completed' and (later.completed_at, later.id) > (assessments.completed_at, assessments.id))`,
      )!;
    case 'mine':
      return and(eq(assessments.status, 'completed'), eq(assessments.authorId, actor.id))!;
  }
}

/**
 * A team's assessments whose review date has passed, each the latest of its template on its
 * record, on records the actor can open; the longest overdue first (the supervisor's view).
 */
export async function teamReviewsOverdue(tx: Tx, actor: Actor, teamId: string, today: string, limit: number) {
  return selectAssessments(tx, actor)
    .where(and(
      eq(assessments.partnershipId, actor.partnershipId),
      eq(assessments.status, 'completed'),
      eq(assessments.authorTeamId, teamId),
      sql`${assessments.reviewOn} < ${today}::date`,
      sql`not exists (select 1 from assessments later where later.template_id = assessments.template_id
        and later.record_kind = assessments.record_kind and later.record_id = assessments.record_id
        and later.status = 'completed' and (later.completed_at, later.id) > (assessments.completed_at, assessments.id))`,
      recordOpenTo(actor),
    ))
    .orderBy(asc(assessments.reviewOn), asc(assessments.id))
    .limit(limit + 1);
}

// Cursors carry milliseconds; the column keeps microseconds.
const changedMs = sql`date_trunc('milliseconds', ${assessments.updatedAt})`;

/** One of the actor's lists, newest change first, a page at a time. */
export async function listScope(tx: Tx, actor: Actor, scope: Scope, reviewBy: string, limit: number, after: { updatedAt: string; id: string } | null) {
  return selectAssessments(tx, actor)
    .where(and(
      eq(assessments.partnershipId, actor.partnershipId),
      scopeWhere(actor, scope, reviewBy),
      recordOpenTo(actor),
      after ? sql`(${changedMs}, ${assessments.id}) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)` : undefined,
    ))
    .orderBy(desc(changedMs), desc(assessments.id))
    .limit(limit + 1);
}

const viewableProfile = (actor: Actor) => canView(actor, profiles, kinds.profile.accessList);

/** The profiles related to this one, either way round, that the actor can open, with the relationship as it reads from this profile. */
export async function relatedProfiles(tx: Tx, actor: Actor, profileId: string) {
  return tx.select({
    profileId: profiles.id,
    firstName: profiles.firstName,
    lastName: profiles.lastName,
    kind: profileRelationships.kind,
    outgoing: sql<boolean>`${profileRelationships.fromProfileId} = ${profileId}`,
  })
    .from(profileRelationships)
    .innerJoin(profiles, sql`${profiles.id} = case when ${profileRelationships.fromProfileId} = ${profileId} then ${profileRelationships.toProfileId} else ${profileRelationships.fromProfileId} end`)
    .where(and(
      or(eq(profileRelationships.fromProfileId, profileId), eq(profileRelationships.toProfileId, profileId)),
      isNull(profiles.mergedIntoId),
      viewableProfile(actor),
    ))
    .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(profiles.id));
}

export async function profileName(tx: Tx, profileId: string) {
  const [row] = await tx.select({ firstName: profiles.firstName, lastName: profiles.lastName }).from(profiles).where(eq(profiles.id, profileId));
  return row ?? null;
}

/** The people linked to a case that the actor can open, with their role in it. */
export async function casePeople(tx: Tx, actor: Actor, caseId: string) {
  return tx.select({ profileId: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName, role: caseProfiles.role })
    .from(caseProfiles)
    .innerJoin(profiles, eq(profiles.id, caseProfiles.profileId))
    .where(and(eq(caseProfiles.caseId, caseId), viewableProfile(actor)))
    .orderBy(asc(caseProfiles.addedAt), asc(profiles.id));
}

/**
 * The supervisors who may decide this assessment's adjustment, enabled: members of the assessor's
 * team whose role or supervisor flag grants approval (as `grants` in src/shared/permissions.ts
 * decides), and its organisation's administrators; only those who can open the record and read
 * the assessment (a team-only one is for its own team), so nobody is asked who would be refused.
 */
export async function supervisorsOf(tx: Tx, a: Pick<typeof assessments.$inferSelect, 'authorTeamId' | 'authorOrganisationId' | 'visibility' | 'recordKind' | 'recordId'>): Promise<string[]> {
  if (a.visibility === 'private') return [];
  const approvers = [...permissionRoles['assessments.approve']];
  const flagged = and(eq(users.isSupervisor, true), ne(users.role, 'read_only'));
  const rows = await tx.select({ id: users.id }).from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(
      isNull(users.disabledAt),
      or(
        and(eq(users.teamId, a.authorTeamId), or(inArray(users.role, approvers), flagged)),
        and(eq(teams.organisationId, a.authorOrganisationId), eq(users.role, 'organisation_admin'), a.visibility === 'team' ? eq(users.teamId, a.authorTeamId) : undefined),
      ),
      teamCanView(a.recordKind, sql`${a.recordId}::uuid`, sql`users.team_id`, sql`teams.organisation_id`),
    ));
  return rows.map((r) => r.id);
}

// Requirements raised by thresholds.

export async function insertRequirement(tx: Tx, values: typeof assessmentRequirements.$inferInsert): Promise<void> {
  await tx.insert(assessmentRequirements).values(values);
}

/** Marks every open requirement for this template on the record as met by the assessment; gives the reminders they had set. */
export async function meetRequirements(tx: Tx, a: { id: string; templateId: string; recordKind: AssessmentSubjectKind; recordId: string }): Promise<{ met: number; actionIds: string[] }> {
  const met = await tx.update(assessmentRequirements)
    .set({ metAt: new Date(), metByAssessmentId: a.id })
    .where(and(
      eq(assessmentRequirements.templateId, a.templateId),
      eq(assessmentRequirements.recordKind, a.recordKind),
      eq(assessmentRequirements.recordId, a.recordId),
      isNull(assessmentRequirements.metAt),
    ))
    .returning({ id: assessmentRequirements.id, actionId: assessmentRequirements.actionId });
  return { met: met.length, actionIds: met.flatMap((m) => (m.actionId ? [m.actionId] : [])) };
}

/** The record's open requirements; whether the reader may read the screening that raised each, which names it only for them. */
export async function openRequirements(tx: Tx, actor: Actor, kind: AssessmentSubjectKind, recordId: string) {
  return tx.select({
    id: assessmentRequirements.id,
    template: { id: assessmentTemplates.id, key: assessmentTemplates.key, name: assessmentTemplates.name },
    reason: assessmentRequirements.reason,
    raisedAt: assessmentRequirements.raisedAt,
    raisedById: assessmentRequirements.raisedBy,
    raisedByName: users.name,
    raisedByAssessmentId: assessmentRequirements.raisedByAssessmentId,
    raiserReadable: sql<boolean>`coalesce(${canReadContent(actor, assessments)}, false)`,
  })
    .from(assessmentRequirements)
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentRequirements.templateId))
    .leftJoin(assessments, eq(assessments.id, assessmentRequirements.raisedByAssessmentId))
    .innerJoin(users, eq(users.id, assessmentRequirements.raisedBy))
    .where(and(eq(assessmentRequirements.recordKind, kind), eq(assessmentRequirements.recordId, recordId), isNull(assessmentRequirements.metAt)))
    .orderBy(asc(assessmentRequirements.raisedAt), asc(assessmentRequirements.id));
}

/**
 * The open requirements on the records the actor's team holds, the longest waiting first, with
 * each record's title (the home page). A requirement is only ever raised on a profile or a case;
 * each kind is read from the team's own records, joined on the requirement's record (a filter on
 * every open requirement of the partnership costs ten times as much, and more once it is JIT-compiled).
 */
export async function teamOpenRequirements(tx: Tx, actor: Actor, limit: number) {
  const columns = {
    id: assessmentRequirements.id,
    template: { id: assessmentTemplates.id, key: assessmentTemplates.key, name: assessmentTemplates.name },
    recordKind: assessmentRequirements.recordKind,
    recordId: assessmentRequirements.recordId,
    reason: assessmentRequirements.reason,
    raisedAt: assessmentRequirements.raisedAt,
  };
  const open = (kind: AssessmentSubjectKind) => and(
    eq(assessmentRequirements.partnershipId, actor.partnershipId),
    eq(assessmentRequirements.recordKind, kind),
    isNull(assessmentRequirements.metAt),
  );
  const oldestFirst = [asc(assessmentRequirements.raisedAt), asc(assessmentRequirements.id)];
  const onProfiles = await tx.select({ ...columns, title: sql<string>`${kinds.profile.title}` })
    .from(assessmentRequirements)
    .innerJoin(profiles, and(eq(profiles.id, assessmentRequirements.recordId), eq(profiles.ownerTeamId, actor.teamId)))
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentRequirements.templateId))
    .where(open('profile'))
    .orderBy(...oldestFirst)
    .limit(limit + 1);
  const onCases = await tx.select({ ...columns, title: sql<string>`${kinds.case.title}` })
    .from(assessmentRequirements)
    .innerJoin(cases, and(eq(cases.id, assessmentRequirements.recordId), eq(cases.ownerTeamId, actor.teamId)))
    .innerJoin(assessmentTemplates, eq(assessmentTemplates.id, assessmentRequirements.templateId))
    .where(open('case'))
    .orderBy(...oldestFirst)
    .limit(limit + 1);
  return [...onProfiles, ...onCases]
    .sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, limit + 1);
}

// Risk levels set by assessments.

/** The profile's risk level, its row locked until the transaction ends so risk level changes to it happen one at a time. */
export async function profileRiskLevel(tx: Tx, profileId: string): Promise<RiskLevel | null> {
  const [row] = await tx.select({ riskLevel: profiles.riskLevel }).from(profiles).where(eq(profiles.id, profileId)).for('update');
  return row?.riskLevel ?? null;
}

export async function setRiskLevel(tx: Tx, change: { partnershipId: string; profileId: string; from: RiskLevel | null; to: RiskLevel | null; assessmentId: string; changedBy: string }) {
  await tx.update(profiles)
    .set({ riskLevel: change.to, version: sql`${profiles.version} + 1`, updatedAt: new Date() })
    .where(eq(profiles.id, change.profileId));
  await tx.insert(riskLevelChanges).values({
    partnershipId: change.partnershipId,
    profileId: change.profileId,
    fromLevel: change.from,
    toLevel: change.to,
    assessmentId: change.assessmentId,
    changedBy: change.changedBy,
    // When it happened, not when its transaction began: changes wait for each other at the profile's lock, and the history lists them in this order.
    changedAt: sql`clock_timestamp()`,
  });
}

export async function riskLevelHistory(tx: Tx, profileId: string) {
  return tx.select({
    from: riskLevelChanges.fromLevel,
    to: riskLevelChanges.toLevel,
    assessmentId: riskLevelChanges.assessmentId,
    changedById: riskLevelChanges.changedBy,
    changedByName: users.name,
    changedAt: riskLevelChanges.changedAt,
  })
    .from(riskLevelChanges)
    .innerJoin(users, eq(users.id, riskLevelChanges.changedBy))
    .where(eq(riskLevelChanges.profileId, profileId))
    .orderBy(desc(riskLevelChanges.changedAt), desc(riskLevelChanges.id));
}

// Information requests.

export async function insertInformationRequest(tx: Tx, values: { assessmentId: string; taskId: string; questionKey: string }): Promise<void> {
  await tx.insert(assessmentInformationRequests).values(values);
}

export async function informationRequestsOf(tx: Tx, assessmentId: string) {
  return tx.select({ taskId: assessmentInformationRequests.taskId, questionKey: assessmentInformationRequests.questionKey })
    .from(assessmentInformationRequests)
    .where(eq(assessmentInformationRequests.assessmentId, assessmentId))
    .orderBy(asc(assessmentInformationRequests.createdAt), asc(assessmentInformationRequests.taskId));
}
