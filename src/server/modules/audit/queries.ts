import { and, desc, eq, gte, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  accessRequests, actionPlans, actions, appointments, assessments, auditEvents, auditValues, documents, emergencyAccesses, legalHolds, messages, portalAccess, profileLawfulBases, referrals, reports, retentionReviews, subjectAccessRequests, tasks,
} from '../../db/schema/index.ts';
import type { RecordKind } from '../../../shared/records.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { allKinds, kinds } from '../../platform/access/kinds.ts';
import { canReadContent, canView } from '../../platform/access/records.ts';
import { worksDeskOf } from '../../platform/access/referrals.ts';
import { readsSchemeSql } from '../../platform/access/schemes.ts';
import { handlesSarSql } from '../../platform/access/subject-access.ts';
import { isTaskParty } from '../../platform/access/tasks.ts';
import type { AuditEntityType } from '../../platform/audit/actions.ts';

export type AuditScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'team'; teamId: string };

/** An administrator sees what their people did and what was done to their records. */
function scoped(scope: AuditScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return or(eq(auditEvents.organisationId, scope.organisationId), eq(auditEvents.subjectOrganisationId, scope.organisationId));
    case 'team':
      return or(eq(auditEvents.teamId, scope.teamId), eq(auditEvents.subjectTeamId, scope.teamId));
  }
}

// ---------------------------------------------------------------------------------------------
// Whose eyes an event's values are for.
//
// Seeing a row says who did what, when, to which record. Its values (the before and after of a
// change, the reason given, and the details) are the record's own content: a reader sees them
// only if they could open that record now, by the same predicates every list and page applies
// (`canView`, `canReadContent`), so the audit viewer never shows what the record's page refuses.
// ---------------------------------------------------------------------------------------------

/** Whether the reader can open this profile, case or location now. */
function opens(reader: Actor, kind: RecordKind, id: SQL | AnyPgColumn): SQL {
  const { table, accessList } = kinds[kind];
  return sql`exists (select 1 from ${table} where ${table.id} = ${id} and ${canView(reader, table, accessList)})`;
}

/** The same, for a record whose kind is a column (any other kind: no). */
function opensRecord(reader: Actor, kind: AnyPgColumn, id: AnyPgColumn): SQL {
  const branches = allKinds.map((entry) => sql`(${kind} = ${entry.kind} and ${opens(reader, entry.kind, id)})`);
  return sql`(${sql.join(branches, sql` or `)})`;
}

const entityId = auditEvents.entityId;

/** Something added to a record, with a visibility: readable as the record's own page decides, on a record the reader can open. */
function readableContribution(reader: Actor, table: typeof reports | typeof documents): SQL {
  return sql`exists (select 1 from ${table} where ${table.id} = ${entityId}
    and ${canReadContent(reader, table)} and ${opensRecord(reader, table.recordKind, table.recordId)})`;
}

/**
 * A task on a record is the record's; a standalone task names nobody's record, and its values go
 * only to its parties (the tasker, the person, team or organisation it is set for, whoever took it
 * on), as the tasks module decides who sees a task. Watchers are left out: when in doubt, hide.
 */
function taskValuesFor(reader: Actor): SQL {
  return sql`exists (select 1 from ${tasks} where ${tasks.id} = ${entityId} and case
    when ${tasks.recordId} is not null then ${opensRecord(reader, tasks.recordKind, tasks.recordId)}
    else ${isTaskParty(reader)}
  end)`;
}

/** The administrators who manage a user (`canSeeUser`): the system administrator, their organisation's or their team's. */
function managesUser(reader: Actor): SQL {
  switch (reader.role) {
    case 'system_admin':
      return sql`true`;
    case 'organisation_admin':
      return sql`exists (select 1 from users u join teams t on t.id = u.team_id where u.id = ${entityId} and t.organisation_id = ${reader.organisationId})`;
    case 'team_admin':
      return sql`exists (select 1 from users u where u.id = ${entityId} and u.team_id = ${reader.teamId})`;
    default:
      return sql`false`;
  }
}

/** Structure and configuration: no one's personal data, so whoever may see the row sees its values. */
const administrative = () => sql`true`;
/** Nothing resolves it to a record the reader can open: hidden. */
const hidden = () => sql`false`;

/**
 * For each kind of entity an event can name, the record its values come from and whether the
 * reader may open it. A record type is matched to its access predicate; what hangs off a record is
 * matched through its own table to that record (and its visibility); a new entity type does not
 * compile until it is placed here.
 */
const valuesRule: Record<AuditEntityType, (reader: Actor) => SQL> = {
  partnership: administrative,
  organisation: administrative,
  team: administrative,
  lookup: administrative,
  api_token: administrative,
  webhook: administrative,
  audit_event: administrative,
  document_template: administrative,
  assessment_template: administrative,
  assessment_question: administrative,
  // A panel's set-up and a meeting's date, place and attendance; what they say of a person is
  // written on that person's or case's record instead (referrals, minutes, research).
  panel: administrative,
  meeting: administrative,
  referral_form: administrative,
  // What a referral says is read on its team's desk only, so its events' values are too.
  referral: (reader) => sql`exists (select 1 from ${referrals} where ${referrals.id} = ${entityId} and ${worksDeskOf(reader, referrals.teamId)})`,
  user: managesUser,
  profile: (reader) => opens(reader, 'profile', entityId),
  case: (reader) => opens(reader, 'case', entityId),
  location: (reader) => opens(reader, 'location', entityId),
  report: (reader) => readableContribution(reader, reports),
  document: (reader) => readableContribution(reader, documents),
  // A draft is its team's work in progress; a completed assessment is read as its visibility says.
  assessment: (reader) => sql`exists (select 1 from ${assessments} where ${assessments.id} = ${entityId}
    and case when ${assessments.status} = 'draft' then ${assessments.authorTeamId} = ${reader.teamId} else ${canReadContent(reader, assessments)} end
    and ${opensRecord(reader, assessments.recordKind, assessments.recordId)})`,
  task: taskValuesFor,
  // A reminder is a personal note: its creator's and the people it names, and only while they can open its record.
  action: (reader) => sql`exists (select 1 from ${actions} where ${actions.id} = ${entityId}
    and (${actions.createdBy} = ${reader.id} or exists (select 1 from action_recipients r where r.action_id = ${actions.id} and r.user_id = ${reader.id}))
    and (${actions.recordId} is null or ${opensRecord(reader, actions.recordKind, actions.recordId)}))`,
  action_plan: (reader) => sql`exists (select 1 from ${actionPlans} where ${actionPlans.id} = ${entityId}
    and ${opens(reader, 'case', actionPlans.caseId)})`,
  access_request: (reader) => sql`exists (select 1 from ${accessRequests} where ${accessRequests.id} = ${entityId}
    and ${opensRecord(reader, accessRequests.recordKind, accessRequests.recordId)})`,
  // The portal: a client's access, safety plan and appointments are read as their profile is; the
  // conversation only by the team that holds it, as a team-only report.
  portal_access: (reader) => sql`exists (select 1 from ${portalAccess} where ${portalAccess.id} = ${entityId}
    and ${opens(reader, 'profile', portalAccess.profileId)})`,
  safety_plan: (reader) => opens(reader, 'profile', entityId),
  appointment: (reader) => sql`exists (select 1 from ${appointments} where ${appointments.id} = ${entityId}
    and ${opens(reader, 'profile', appointments.profileId)})`,
  message: (reader) => sql`exists (select 1 from ${messages} where ${messages.id} = ${entityId}
    and ${messages.teamId} = ${reader.teamId} and ${opens(reader, 'profile', messages.profileId)})`,
  // The partnership's agreements are read by all its staff; a person's lawful basis as the person is.
  sharing_agreement: administrative,
  lawful_basis: (reader) => sql`exists (select 1 from ${profileLawfulBases} where ${profileLawfulBases.id} = ${entityId}
    and ${opens(reader, 'profile', profileLawfulBases.profileId)})`,
  // A subject access request is its handlers' (its organisation's admins, the system admins).
  subject_access_request: (reader) => sql`exists (select 1 from ${subjectAccessRequests} where ${subjectAccessRequests.id} = ${entityId}
    and ${subjectAccessRequests.partnershipId} = ${reader.partnershipId} and ${handlesSarSql(reader, subjectAccessRequests.organisationId)})`,
  // A break-the-glass review is read as its profile is.
  emergency_access: (reader) => sql`exists (select 1 from ${emergencyAccesses} where ${emergencyAccesses.id} = ${entityId}
    and ${opens(reader, 'profile', emergencyAccesses.profileId)})`,
  // A scheme's register, and the look-ups that found nobody, are read by the scheme's staff and administrators.
  scheme: (reader) => sql`exists (select 1 from schemes s where s.id = ${entityId} and ${readsSchemeSql(reader, sql`s.team_id`)})`,
  cardholder: (reader) => sql`exists (select 1 from cardholders c join schemes s on s.id = c.scheme_id
    where c.id = ${entityId} and ${readsSchemeSql(reader, sql`s.team_id`)})`,
  scheme_application: (reader) => sql`exists (select 1 from scheme_applications a join schemes s on s.id = a.scheme_id
    where a.id = ${entityId} and ${readsSchemeSql(reader, sql`s.team_id`)})`,
  // Retention rules are the partnership's; a review or a hold is read as the record it is on.
  retention_rule: administrative,
  retention_review: (reader) => sql`exists (select 1 from ${retentionReviews} where ${retentionReviews.id} = ${entityId}
    and ${opensRecord(reader, retentionReviews.recordKind, retentionReviews.recordId)})`,
  legal_hold: (reader) => sql`exists (select 1 from ${legalHolds} where ${legalHolds.id} = ${entityId}
    and ${opensRecord(reader, legalHolds.recordKind, legalHolds.recordId)})`,
  // How-to help and the suggestion box are read by the whole partnership.
  help_article: administrative,
  suggestion: administrative,
  // Not written today; should one be, it shows nothing until placed above.
  session: hidden,
  outbound_message: hidden,
  stored_file: hidden,
};

/**
 * Events that name no entity are searches, lists and matches (what was looked for names people),
 * refusals by the route guard and looks at the audit trail. The terms are the actor's own; the
 * audit trail's own events are administrative.
 */
function unnamedValuesFor(reader: Actor): SQL {
  // Attempts on accounts that do not exist name only the address tried: the system
  // administrators watch them for guessing.
  const attempts = reader.role === 'system_admin' ? sql` or ${auditEvents.action} in ('auth.sign_in_failed', 'auth.password_reset_requested')` : sql``;
  return sql`(${auditEvents.action} in ('audit.viewed', 'audit.verified') or ${auditEvents.actorId} = ${reader.id}${attempts})`;
}

/** Whether the reader may see this event's changes, reason and details. */
function valuesShownTo(reader: Actor): SQL<boolean> {
  const branches = Object.entries(valuesRule).map(([type, rule]) => sql`when ${type} then ${rule(reader)}`);
  return sql<boolean>`coalesce(case
    when ${auditEvents.entityType} is null then ${unnamedValuesFor(reader)}
    else case ${auditEvents.entityType} ${sql.join(branches, sql` `)} else false end
  end, false)`;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Events on any of these records (a search by name found them); none found, no events. */
  records?: { kind: RecordKind; id: string }[];
  /** Actions left out: the reads the app makes by itself. */
  leaveOut?: readonly string[];
  actorId?: string;
  action?: string;
  outcome?: 'success' | 'refused' | 'failed';
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** Events whose entity is one of the records, each kind through the entity index. */
function onRecords(records: { kind: RecordKind; id: string }[]): SQL {
  if (records.length === 0) return sql`false`;
  return or(...allKinds.flatMap(({ kind, auditEntityType }) => {
    const ids = records.filter((r) => r.kind === kind).map((r) => r.id);
    return ids.length > 0 ? [and(eq(auditEvents.entityType, auditEntityType), inArray(auditEvents.entityId, ids))] : [];
  }))!;
}

export async function listAuditEvents(tx: Tx, reader: Actor, scope: AuditScope, f: AuditFilter) {
  const page = tx
    .select({
      id: auditEvents.id,
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorKind: auditEvents.actorKind,
      actorId: auditEvents.actorId,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      ip: auditEvents.ip,
      details: auditEvents.details,
      valuesDigest: auditEvents.valuesDigest,
      shown: valuesShownTo(reader).as('shown'),
    })
    .from(auditEvents)
    .where(and(
      scoped(scope),
      f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
      f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
      f.records ? onRecords(f.records) : undefined,
      f.leaveOut?.length ? notInArray(auditEvents.action, [...f.leaveOut]) : undefined,
      f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
      f.action ? eq(auditEvents.action, f.action) : undefined,
      f.outcome ? eq(auditEvents.outcome, f.outcome) : undefined,
      f.from ? gte(auditEvents.at, f.from) : undefined,
      // Times go out to the millisecond but are kept to the microsecond: `to` covers its whole millisecond.
      f.to ? lt(auditEvents.at, new Date(f.to.getTime() + 1)) : undefined,
      f.beforeSeq !== undefined ? lt(auditEvents.seq, f.beforeSeq) : undefined,
    ))
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1)
    .as('page');

  // The rule is worked out once per row of the page; the values are joined only where it allows.
  return tx
    .select({
      id: page.id,
      seq: page.seq,
      at: page.at,
      actorKind: page.actorKind,
      actorId: page.actorId,
      actorName: page.actorName,
      action: page.action,
      outcome: page.outcome,
      entityType: page.entityType,
      entityId: page.entityId,
      ip: page.ip,
      details: page.details,
      valuesHidden: sql<boolean>`not ${page.shown}`,
      valuesErased: sql<boolean>`${page.shown} and ${page.valuesDigest} is not null and ${auditValues.eventId} is null`,
      reason: auditValues.reason,
      changes: auditValues.changes,
      personal: auditValues.details,
    })
    .from(page)
    .leftJoin(auditValues, and(eq(auditValues.eventId, page.id), page.shown))
    .orderBy(desc(page.seq));
}

// ---------------------------------------------------------------------------------------------
// What the events of a page name. The partnership's people, teams, lists and templates are named
// to whoever sees the row. A profile, case or location is named only to a reader who could open
// it now, like its values: a person's name is what their record holds. Nothing outside the
// reader's partnership is named.
// ---------------------------------------------------------------------------------------------

/** An entity of a page: its own name, or the record it is on (a report's, a task's …). */
export type EntityRow = { id: string; name: string | null; record_kind: RecordKind | null; record_id: string | null };

const idList = (ids: string[]) => sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;
const named = (table: string, name: string, ids: SQL, partnershipId: string) =>
  sql`select id, ${sql.raw(name)} as name, null::text as record_kind, null::uuid as record_id
        from ${sql.identifier(table)} where id in ${ids} and partnership_id = ${partnershipId}`;
const onRecord = (table: string, ids: SQL, partnershipId: string) =>
  sql`select id, null::text as name, record_kind, record_id from ${sql.identifier(table)} where id in ${ids} and partnership_id = ${partnershipId}`;
const ofOrganisation = (table: string, ids: SQL, partnershipId: string) =>
  sql`select x.id, x.name, null::text as record_kind, null::uuid as record_id from ${sql.identifier(table)} x
        join organisations o on o.id = x.organisation_id where x.id in ${ids} and o.partnership_id = ${partnershipId}`;

/** How each kind of entity an event names is found in the reader's partnership; a kind not here has no name. */
const entitySources: Partial<Record<AuditEntityType, (ids: SQL, partnershipId: string) => SQL>> = {
  partnership: (ids, p) => sql`select id, name, null::text as record_kind, null::uuid as record_id from partnerships where id in ${ids} and id = ${p}`,
  organisation: (ids, p) => named('organisations', 'name', ids, p),
  team: (ids, p) => ofOrganisation('teams', ids, p),
  api_token: (ids, p) => ofOrganisation('api_tokens', ids, p),
  webhook: (ids, p) => sql`select x.id, x.url as name, null::text as record_kind, null::uuid as record_id from webhooks x
    join organisations o on o.id = x.organisation_id where x.id in ${ids} and o.partnership_id = ${p}`,
  user: (ids, p) => sql`select u.id, u.name, null::text as record_kind, null::uuid as record_id from users u
    join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.id in ${ids} and o.partnership_id = ${p}`,
  lookup: (ids, p) => named('lookups', 'name', ids, p),
  assessment_template: (ids, p) => named('assessment_templates', 'name', ids, p),
  document_template: (ids, p) => named('document_templates', 'title', ids, p),
  ...Object.fromEntries(allKinds.map((k) => [k.auditEntityType, (ids: SQL, p: string) =>
    sql`select id, null::text as name, ${k.kind}::text as record_kind, id as record_id from ${sql.identifier(k.tableName)} where id in ${ids} and partnership_id = ${p}`])),
  report: (ids, p) => onRecord('reports', ids, p),
  document: (ids, p) => onRecord('documents', ids, p),
  task: (ids, p) => onRecord('tasks', ids, p),
  action: (ids, p) => onRecord('actions', ids, p),
  assessment: (ids, p) => onRecord('assessments', ids, p),
  access_request: (ids, p) => onRecord('access_requests', ids, p),
  action_plan: (ids, p) => sql`select id, null::text as name, 'case'::text as record_kind, case_id as record_id
    from action_plans where id in ${ids} and partnership_id = ${p}`,
};

/** The entities of one type that a page's events name, as far as the reader's partnership goes. */
export async function entities(tx: Tx, reader: Actor, type: string, ids: string[]): Promise<EntityRow[]> {
  const source = entitySources[type as AuditEntityType];
  if (!source || ids.length === 0) return [];
  const { rows } = await tx.execute<EntityRow>(source(idList(ids), reader.partnershipId));
  return rows;
}

/** Records of one kind by their title, named only where the reader may open them (else null). */
export async function recordNames(tx: Tx, reader: Actor, kind: RecordKind, ids: string[]) {
  const { table, title, accessList } = kinds[kind];
  return tx
    .select({ id: sql<string>`${table.id}`, name: sql<string | null>`case when ${canView(reader, table, accessList)} then ${title} end` })
    .from(table)
    .where(and(inArray(table.id, ids), eq(table.partnershipId, reader.partnershipId)));
}
