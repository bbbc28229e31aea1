import { sql, type SQL } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/pg-core';
import type { Band } from '../../../shared/api/assessments.ts';
import type { MessageSender } from '../../../shared/portal.ts';
import type { AccessLevel, ProfileRole, RecordKind } from '../../../shared/records.ts';
import type { ContactChannel } from '../../../shared/victim-care.ts';
import type { TimelineEntryKind } from '../../../shared/work.ts';
import { assessments, documents, profiles, reports } from '../../db/schema/index.ts';
import { builtOnce, shapeName } from '../../db/prepared.ts';
import type { Db, Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { kindLiteral, kinds, type RecordKindEntry } from '../../platform/access/kinds.ts';
import { accessLevel, actorParams, actorPlaceholders, canReadContent, canView, type ActorRef } from '../../platform/access/records.ts';
import { attachmentsJson, safetyFactsJson, type AttachmentJson } from '../../platform/access/shown.ts';
import { recordChangeActions } from '../../platform/audit/actions.ts';
import { readAudit, type AuditSubjectRow } from '../../platform/audit/write.ts';
import type { SafetyFacts } from '../profiles/safety.ts';
import type { SharedRecord } from '../sharing/record-access.ts';

/**
 * A record's timeline as one query: a branch per source, each an index-ordered scan of that
 * record's rows with its own limit, merged newest first. Keyset pages run on (at, kind, id), so
 * each branch can start its scan where the previous page ended.
 */

/** Where a page starts: after the last entry of the one before, by its (at, kind, id). */
export interface TimelineCursor {
  /** The entry's time as PostgreSQL wrote it, to the microsecond, so no entry is skipped or repeated. */
  at: string;
  kind: TimelineEntryKind;
  id: string;
}

/**
 * What a timeline's statement depends on besides its values: the record's kind, the entries
 * asked for, which filters are given and the cursor's kind. Each shape is built once.
 */
export interface TimelineShape {
  kind: RecordKind;
  kinds: TimelineEntryKind[];
  /** On a kind with linked records (a case: its people), their reports the actor can open too. */
  includeLinked: boolean;
  reportTypes: boolean;
  organisation: boolean;
  from: boolean;
  to: boolean;
  cursorKind: TimelineEntryKind | null;
  /** False for a request that is then refused as invalid: the statement only reads the record, to check access first. */
  entries: boolean;
  /** Whether the statement writes the read's audit event: always, but for the bench's raw floor (bench/work/timeline.ts). */
  audited: boolean;
}

/** The values a shape's statement runs with. */
export interface TimelineValues {
  actor: Actor;
  /** The record asked for: a merged profile answers as its survivor (`TimelinePage.record`). */
  id: string;
  limit: number;
  reportTypeIds?: string[];
  organisationId?: string;
  from?: string;
  to?: string;
  cursor: TimelineCursor | null;
}

/** The filters as the branches write them: placeholders, present where the shape says so. */
interface TimelineFilter {
  reportTypeIds?: SQL;
  organisationId?: SQL;
  from?: SQL;
  to?: SQL;
}

interface CursorAt {
  at: SQL;
  kind: TimelineEntryKind;
  id: SQL;
}

// Every branch yields these columns, in this order; what a branch does not have is a typed null.
const columns = {
  kind: 'text', source_id: 'uuid', at: 'timestamptz', record_kind: 'text', record_id: 'uuid', record_title: 'text',
  author_id: 'uuid', team_id: 'uuid', organisation_id: 'uuid', readable: 'boolean',
  type_id: 'uuid', visibility: 'text', body_html: 'text', edited: 'boolean', task_id: 'uuid', title: 'text', update_kind: 'text',
  note: 'text', status: 'text', due_at: 'timestamptz', folder: 'text', content_type: 'text', action: 'text', fields: 'text[]',
  system_name: 'text', score: 'integer', adjusted_score: 'integer', bands: 'jsonb', template_key: 'text', review_of: 'uuid', subject: 'jsonb',
  channel: 'text', reached: 'boolean', voicemail_left: 'boolean', sender: 'text',
} as const;
type Column = keyof typeof columns;

function selectList(values: Partial<Record<Column, SQL>>): SQL {
  return sql.join((Object.keys(columns) as Column[]).map((c) => sql`${values[c] ?? sql.raw(`null::${columns[c]}`)} as ${sql.identifier(c)}`), sql`, `);
}

interface Branch {
  kind: TimelineEntryKind;
  at: SQL;
  id: SQL;
}

/** Rows after the cursor in the timeline's order: at desc, then kind desc, then id desc. */
function afterCursor(branch: Branch, cursor: CursorAt | null): SQL {
  if (!cursor) return sql`true`;
  const at = sql`${cursor.at}::timestamptz`;
  if (branch.kind === cursor.kind) return sql`(${branch.at}, ${branch.id}) < (${at}, ${cursor.id}::uuid)`;
  return branch.kind < cursor.kind ? sql`${branch.at} <= ${at}` : sql`${branch.at} < ${at}`;
}

/** Europe/London days: `from` at the start of its day, `to` to the end of its day. */
function inDates(at: SQL, filter: TimelineFilter): SQL {
  const parts: SQL[] = [];
  if (filter.from) parts.push(sql`${at} >= (${filter.from}::date)::timestamp at time zone 'Europe/London'`);
  if (filter.to) parts.push(sql`${at} < (${filter.to}::date + 1)::timestamp at time zone 'Europe/London'`);
  return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
}

const byOrganisation = (column: SQL, filter: TimelineFilter) => (filter.organisationId ? sql`${column} = ${filter.organisationId}::uuid` : sql`true`);

/** One statement's view of the record (`timeline_record tr`), the filters and the cursor. */
interface Scope {
  actor: ActorRef;
  kind: RecordKind;
  id: SQL;
  title: SQL;
  filter: TimelineFilter;
  cursor: CursorAt | null;
  take: SQL;
}

// The record indexes are "desc nulls last" (the columns are never null): saying so lets the planner
// read a branch straight off its index and stop at the limit instead of sorting every row.
function reportBranch(s: Scope, record: { kind: SQL; id: SQL; title: SQL }): SQL {
  const branch: Branch = { kind: 'report', at: sql`reports.occurred_at`, id: sql`reports.id` };
  const readable = canReadContent(s.actor, reports);
  const types = s.filter.reportTypeIds ? sql`reports.report_type_id = any(${s.filter.reportTypeIds}::uuid[])` : sql`true`;
  return sql`select ${selectList({
    kind: sql`'report'::text`, source_id: sql`reports.id`, at: sql`reports.occurred_at`,
    record_kind: sql`reports.record_kind`, record_id: sql`reports.record_id`, record_title: record.title,
    author_id: sql`case when ${readable} then reports.author_id end`, team_id: sql`reports.author_team_id`, organisation_id: sql`reports.author_organisation_id`,
    readable, type_id: sql`reports.report_type_id`,
    visibility: sql`case when ${readable} then reports.visibility end`, body_html: sql`case when ${readable} then reports.body_html end`,
    edited: sql`reports.version > 1`,
  })}
    from reports
   where reports.record_kind = ${record.kind} and reports.record_id = ${record.id}
     and ${types} and ${byOrganisation(sql`reports.author_organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by reports.occurred_at desc nulls last, reports.id desc nulls last
   limit ${s.take}`;
}

/** The linked records the actor can open (a case's people), each read from its own end of the reports index. */
function linkedReportBranch(s: Scope, links: NonNullable<RecordKindEntry['linkedReports']>): SQL {
  const linked = kinds[links.kind];
  const visible = canView(s.actor, linked.table, linked.accessList);
  return sql`select linked_reports.* from (
      select ${linked.table.id} as record_id, ${linked.title} as title
        from ${links.through} join ${linked.table} on ${linked.table.id} = ${links.to}
       where ${links.from} = ${s.id}::uuid and ${visible}) linked
    cross join lateral (${reportBranch(s, { kind: kindLiteral(links.kind), id: sql`linked.record_id`, title: sql`linked.title` })}) linked_reports
   order by linked_reports.at desc, linked_reports.source_id desc
   limit ${s.take}`;
}

/** Every step of every task on the record, for everyone who can open the record. */
function taskBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'task', at: sql`task_updates.created_at`, id: sql`task_updates.id` };
  return sql`select ${selectList({
    kind: sql`'task'::text`, source_id: sql`task_updates.id`, at: sql`task_updates.created_at`,
    record_kind: sql`tasks.record_kind`, record_id: sql`tasks.record_id`, record_title: sql`${s.title}::text`,
    author_id: sql`task_updates.author_id`, team_id: sql`task_updates.author_team_id`, organisation_id: sql`task_updates.author_organisation_id`,
    readable: sql`true`, task_id: sql`tasks.id`, title: sql`tasks.title`, update_kind: sql`task_updates.kind`, note: sql`task_updates.note`, status: sql`tasks.status`,
  })}
    from tasks join task_updates on task_updates.task_id = tasks.id
   where tasks.record_kind = ${s.kind} and tasks.record_id = ${s.id}::uuid
     and ${byOrganisation(sql`task_updates.author_organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by task_updates.created_at desc, task_updates.id desc
   limit ${s.take}`;
}

/**
 * Reminders set on the record, for the person who set them and those they named: the same rule
 * as opening the reminder itself. A reminder is a personal note, so nobody else learns it exists.
 */
function actionBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'action', at: sql`actions.created_at`, id: sql`actions.id` };
  const readable = sql`(actions.created_by = ${s.actor.id}::uuid
    or exists (select 1 from action_recipients r where r.action_id = actions.id and r.user_id = ${s.actor.id}::uuid))`;
  return sql`select ${selectList({
    kind: sql`'action'::text`, source_id: sql`actions.id`, at: sql`actions.created_at`,
    record_kind: sql`actions.record_kind`, record_id: sql`actions.record_id`, record_title: sql`${s.title}::text`,
    author_id: sql`case when ${readable} then actions.created_by end`, team_id: sql`actions.created_by_team_id`, organisation_id: sql`actions.created_by_organisation_id`,
    readable, title: sql`case when ${readable} then actions.title end`, due_at: sql`actions.due_at`,
  })}
    from actions
   where actions.record_kind = ${s.kind} and actions.record_id = ${s.id}::uuid and ${readable}
     and ${byOrganisation(sql`actions.created_by_organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by actions.created_at desc, actions.id desc
   limit ${s.take}`;
}

function documentBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'document', at: sql`documents.created_at`, id: sql`documents.id` };
  const readable = canReadContent(s.actor, documents);
  const contentType = sql`(select f.content_type from document_versions v join stored_files f on f.id = v.stored_file_id
                            where v.document_id = documents.id and v.version = documents.current_version)`;
  return sql`select ${selectList({
    kind: sql`'document'::text`, source_id: sql`documents.id`, at: sql`documents.created_at`,
    record_kind: sql`documents.record_kind`, record_id: sql`documents.record_id`, record_title: sql`${s.title}::text`,
    author_id: sql`case when ${readable} then documents.author_id end`, team_id: sql`documents.author_team_id`, organisation_id: sql`documents.author_organisation_id`,
    readable, title: sql`case when ${readable} then documents.title end`, folder: sql`case when ${readable} then documents.folder end`,
    content_type: sql`case when ${readable} then ${contentType} end`, visibility: sql`case when ${readable} then documents.visibility end`,
  })}
    from documents
   where documents.record_kind = ${s.kind} and documents.record_id = ${s.id}::uuid
     and ${byOrganisation(sql`documents.author_organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by documents.created_at desc nulls last, documents.id desc nulls last
   limit ${s.take}`;
}

/**
 * Completed assessments on the record. Everyone who can open the record sees that one was made,
 * with which template, by which team and when; the score and band follow the assessment's visibility.
 */
function assessmentBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'assessment', at: sql`assessments.completed_at`, id: sql`assessments.id` };
  const readable = canReadContent(s.actor, assessments);
  return sql`select ${selectList({
    kind: sql`'assessment'::text`, source_id: sql`assessments.id`, at: sql`assessments.completed_at`,
    record_kind: sql`assessments.record_kind`, record_id: sql`assessments.record_id`, record_title: sql`${s.title}::text`,
    author_id: sql`case when ${readable} then assessments.author_id end`, team_id: sql`assessments.author_team_id`, organisation_id: sql`assessments.author_organisation_id`,
    readable, title: sql`template.name`, template_key: sql`template.key`, review_of: sql`case when ${readable} then assessments.review_of end`,
    visibility: sql`case when ${readable} then assessments.visibility end`,
    score: sql`case when ${readable} then assessments.score end`, adjusted_score: sql`case when ${readable} then assessments.adjusted_score end`,
    status: sql`case when ${readable} then assessments.adjustment_status end`, bands: sql`case when ${readable} then version.definition -> 'bands' end`,
  })}
    from assessments
    join assessment_templates template on template.id = assessments.template_id
    join assessment_template_versions version on version.id = assessments.template_version_id
   where assessments.record_kind = ${s.kind} and assessments.record_id = ${s.id}::uuid and assessments.status = 'completed'
     and ${byOrganisation(sql`assessments.author_organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by assessments.completed_at desc nulls last, assessments.id desc nulls last
   limit ${s.take}`;
}

/**
 * Contacts with a victim and attempts, recorded on their victim care, for everyone who can open
 * the person. One a "Victim update" report recorded is left out: the report is on the timeline.
 */
function contactBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'contact', at: sql`victim_contacts.at`, id: sql`victim_contacts.id` };
  return sql`select ${selectList({
    kind: sql`'contact'::text`, source_id: sql`victim_contacts.id`, at: sql`victim_contacts.at`,
    record_kind: sql`'profile'::text`, record_id: sql`victim_contacts.profile_id`, record_title: sql`${s.title}::text`,
    author_id: sql`victim_contacts.recorded_by`, team_id: sql`victim_contacts.recorded_by_team_id`, organisation_id: sql`victim_contacts.recorded_by_organisation_id`,
    readable: sql`true`, note: sql`victim_contacts.note`, channel: sql`victim_contacts.channel`, reached: sql`victim_contacts.reached`,
    voicemail_left: sql`victim_contacts.voicemail_left`,
  })}
    from victim_contacts
   where victim_contacts.profile_id = ${s.id}::uuid and victim_contacts.report_id is null
     and ${byOrganisation(sql`victim_contacts.recorded_by_organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by victim_contacts.at desc nulls last, victim_contacts.id desc nulls last
   limit ${s.take}`;
}

/**
 * Messages of the person's portal conversation, in full to the team that held it when each was
 * sent, as a stub to everyone else who can open the person. The words are sealed and stay in the
 * conversation: the entry says who wrote and links there.
 */
function messageBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'message', at: sql`messages.sent_at`, id: sql`messages.id` };
  const readable = sql`messages.team_id = ${s.actor.teamId}::uuid`;
  return sql`select ${selectList({
    kind: sql`'message'::text`, source_id: sql`messages.id`, at: sql`messages.sent_at`,
    record_kind: sql`'profile'::text`, record_id: sql`messages.profile_id`, record_title: sql`${s.title}::text`,
    author_id: sql`case when ${readable} then messages.author_id end`, team_id: sql`messages.team_id`, organisation_id: sql`message_team.organisation_id`,
    readable, sender: sql`messages.sender`,
  })}
    from messages join teams message_team on message_team.id = messages.team_id
   where messages.profile_id = ${s.id}::uuid
     and ${byOrganisation(sql`message_team.organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by messages.sent_at desc, messages.id desc
   limit ${s.take}`;
}

// Written out as literals, exactly as the partial index audit_events_record_changes_idx says, so the planner can use it.
const recordChange = sql.raw(`audit_events.outcome = 'success' and audit_events.action in (${recordChangeActions.map((a) => `'${a}'`).join(', ')})`);

const blank = (value: SQL) => sql`coalesce(${value}, 'null') in ('null'::jsonb, '""'::jsonb, '[]'::jsonb)`;
/** A field whose before and after are both blank (a field left empty on a new record) changed nothing. */
const changedFields = sql`case when jsonb_typeof(audit_values.changes) = 'object' then array(
  select change.key from jsonb_each(audit_values.changes) change
   where not (${blank(sql`change.value->'before'`)} and ${blank(sql`change.value->'after'`)}) order by 1) else '{}'::text[] end`;

/**
 * The person or place a link or relationship is about, from the event's details: its role and
 * relationship, and its name only where the reader may open it (else a null name says who it is not).
 */
function subjectOf(s: Scope): SQL {
  const details = sql`audit_values.details`;
  const about = (kind: RecordKind, id: SQL) => {
    const { table, title, accessList } = kinds[kind];
    return sql`case when ${id} is not null then jsonb_build_object('kind', ${kind}::text, 'id', ${id}, 'role', ${details}->'role',
      'relationship', ${details}->'label', 'name', (select ${title} from ${table} where ${table.id} = (${id})::uuid and ${canView(s.actor, table, accessList)})) end`;
  };
  return sql`case
    when audit_events.action in ('case.profile_linked', 'case.profile_unlinked') then ${about('profile', sql`${details}->>'profileId'`)}
    when audit_events.action in ('profile.relationship_added', 'profile.relationship_removed') then ${about('profile', sql`${details}->>'otherProfileId'`)}
    when audit_events.action in ('case.location_linked', 'case.location_unlinked') then ${about('location', sql`${details}->>'locationId'`)}
  end`;
}

/** Changes to the record itself: which fields changed, never what they were or became. */
function changeBranch(s: Scope): SQL {
  const branch: Branch = { kind: 'change', at: sql`audit_events.at`, id: sql`audit_events.id` };
  return sql`select ${selectList({
    kind: sql`'change'::text`, source_id: sql`audit_events.id`, at: sql`audit_events.at`,
    record_kind: sql`audit_events.entity_type`, record_id: sql`audit_events.entity_id`, record_title: sql`${s.title}::text`,
    author_id: sql`case when audit_events.actor_kind = 'user' then audit_events.actor_id end`,
    system_name: sql`case when audit_events.actor_kind <> 'user' then audit_events.actor_name end`,
    team_id: sql`audit_events.team_id`, organisation_id: sql`audit_events.organisation_id`, readable: sql`true`,
    action: sql`audit_events.action`,
    fields: changedFields,
    subject: subjectOf(s),
  })}
    from audit_events left join audit_values on audit_values.event_id = audit_events.id
   where audit_events.entity_type = ${kinds[s.kind].auditEntityType} and audit_events.entity_id = ${s.id}::uuid and ${recordChange}
     and ${byOrganisation(sql`audit_events.organisation_id`, s.filter)} and ${inDates(branch.at, s.filter)} and ${afterCursor(branch, s.cursor)}
   order by audit_events.at desc, audit_events.id desc
   limit ${s.take}`;
}

const utc = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type TimelineRow = {
  kind: TimelineEntryKind;
  source_id: string;
  /** UTC, to the microsecond. */
  at: string;
  record_kind: RecordKind;
  record_id: string;
  record_title: string | null;
  author_id: string | null;
  /** The person's name, or for a change a system made, the system's. */
  author_name: string | null;
  team_id: string | null;
  team_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  readable: boolean;
  type_id: string | null;
  type_key: string | null;
  type_name: string | null;
  visibility: 'shared' | 'team' | 'private' | null;
  body_html: string | null;
  edited: boolean | null;
  task_id: string | null;
  title: string | null;
  update_kind: string | null;
  note: string | null;
  status: string | null;
  due_at: string | null;
  folder: string | null;
  content_type: string | null;
  action: string | null;
  fields: string[] | null;
  score: number | null;
  adjusted_score: number | null;
  bands: Band[] | null;
  template_key: string | null;
  review_of: string | null;
  /** A change's person or place: see `subjectOf`. */
  subject: { kind: RecordKind; id: string; name: string | null; role: ProfileRole | null; relationship: string | null } | null;
  channel: ContactChannel | null;
  reached: boolean | null;
  voicemail_left: boolean | null;
  sender: MessageSender | null;
  /** A readable report's attachments the actor may read. */
  attachments: AttachmentJson[] | null;
  /** The person an entry of another record is on (a case's linked person), if the actor may open them. */
  record_safety: SafetyFacts | null;
  /** A change's person (`subject`), if named and the actor may open them. */
  subject_safety: SafetyFacts | null;
};

const cte = new QueryBuilder();

/**
 * The record as the actor stands towards it (the columns `sharing/queries.ts` `getRecord` reads),
 * and whether this statement shows it: the actor may open it and it is the record asked for, not
 * the survivor a merged profile answers as (that one is read by a statement of its own).
 */
function recordOf(actor: ActorRef, kind: RecordKind, id: SQL) {
  const { table, accessList, title, reference, archived, answersAs } = kinds[kind];
  return cte.$with('timeline_record', { id: sql<string>`id` }).as(sql`
    select r.*, (r.level is not null and r.id = ${id}::uuid) as shown from (
      select ${table.id} as id, ${table.partnershipId} as partnership_id, ${table.ownerTeamId} as owner_team_id,
             owner_team.name as owner_team_name, owner_organisation.id as owner_organisation_id, owner_organisation.name as owner_organisation_name,
             ${title} as title, ${reference ?? sql`null::text`} as reference, ${accessLevel(actor, table, accessList)} as level, ${archived} as archived
        from ${table}
        join teams owner_team on owner_team.id = ${table.ownerTeamId}
        join organisations owner_organisation on owner_organisation.id = owner_team.organisation_id
       where ${table.id} = ${answersAs ? answersAs(sql`${id}::uuid`) : sql`${id}::uuid`}) r`);
}

/** Of a shown record, one page of its entries (one more than the limit, to tell whether another page follows). */
function entriesOf(s: Scope, shape: TimelineShape) {
  const links = kinds[shape.kind].linkedReports;
  const wanted = new Set(shape.kinds);
  // A type filter is about reports: the other kinds of entry have no type to match.
  const only = (kind: TimelineEntryKind) => shape.entries && wanted.has(kind) && (kind === 'report' || !shape.reportTypes);
  const branches: SQL[] = [];
  if (only('report')) {
    branches.push(reportBranch(s, { kind: sql`${s.kind}`, id: sql`${s.id}::uuid`, title: sql`${s.title}::text` }));
    if (shape.includeLinked && links) branches.push(linkedReportBranch(s, links));
  }
  if (only('task')) branches.push(taskBranch(s));
  if (only('action')) branches.push(actionBranch(s));
  if (only('document')) branches.push(documentBranch(s));
  if (only('assessment')) branches.push(assessmentBranch(s));
  if (only('change')) branches.push(changeBranch(s));
  if (only('contact') && s.kind === 'profile') branches.push(contactBranch(s));
  if (only('message') && s.kind === 'profile') branches.push(messageBranch(s));
  const union = branches.length > 0 ? sql.join(branches.map((b) => sql`(${b})`), sql` union all `) : sql`select ${selectList({})} where false`;
  return cte.$with('timeline_entries', { kind: sql<string>`kind` }).as(sql`
    select e.* from timeline_record tr cross join lateral (${union}) e
     where tr.shown
     order by e.at desc, e.kind collate "C" desc, e.source_id desc
     limit ${s.take}`);
}

const safe = alias(profiles, 'safe');

/** The safety facts of the person `id` names, if the actor may open them: the rule `openableSafetyRows` applies. */
const openableSafety = (actor: ActorRef, id: SQL) => sql<SafetyFacts | null>`(
  select ${safetyFactsJson(sql`safe`)} from ${profiles} safe where ${safe.id} = ${id} and ${canView(actor, safe, kinds.profile.accessList)})`;

const column = <K extends keyof TimelineRow>(expression: SQL) => sql<TimelineRow[K]>`${expression}`;
const plain = <K extends keyof TimelineRow>(name: K) => column<K>(sql.raw(`e.${name}`));

/** A timeline row's columns, each named as `TimelineRow` names it; `kind` is null on the record's row when nothing is shown. */
const entryColumns = (actor: ActorRef) => ({
  kind: sql<TimelineEntryKind | null>`e.kind`, source_id: plain('source_id'), at: column<'at'>(utc(sql`e.at`)),
  record_kind: plain('record_kind'), record_id: plain('record_id'), record_title: plain('record_title'), author_id: plain('author_id'),
  author_name: column<'author_name'>(sql`coalesce(author.name, e.system_name)`),
  team_id: plain('team_id'), team_name: column<'team_name'>(sql`team.name`), organisation_id: plain('organisation_id'),
  organisation_name: column<'organisation_name'>(sql`organisation.name`),
  readable: plain('readable'), type_id: plain('type_id'), type_key: column<'type_key'>(sql`type.key`), type_name: column<'type_name'>(sql`type.name`),
  visibility: plain('visibility'), body_html: plain('body_html'), edited: plain('edited'),
  task_id: plain('task_id'), title: plain('title'), update_kind: plain('update_kind'), note: plain('note'), status: plain('status'),
  due_at: column<'due_at'>(utc(sql`e.due_at`)), folder: plain('folder'), content_type: plain('content_type'), action: plain('action'), fields: plain('fields'),
  score: plain('score'), adjusted_score: plain('adjusted_score'), bands: plain('bands'), template_key: plain('template_key'), review_of: plain('review_of'),
  subject: plain('subject'), channel: plain('channel'), reached: plain('reached'), voicemail_left: plain('voicemail_left'), sender: plain('sender'),
  attachments: column<'attachments'>(sql`case when e.kind = 'report' and e.readable then ${attachmentsJson(actor, sql`e.source_id`)} end`),
  // The page is the record's, so each entry says who it is about, and how safe a visit to them is.
  record_safety: column<'record_safety'>(sql`case when e.record_kind = 'profile' and e.record_id <> tr.id then ${openableSafety(actor, sql`e.record_id`)} end`),
  subject_safety: column<'subject_safety'>(sql`case when e.subject->>'kind' = 'profile' and e.subject->>'name' is not null
    then ${openableSafety(actor, sql`(e.subject->>'id')::uuid`)} end`),
}) satisfies { [K in keyof TimelineRow]: SQL<K extends 'kind' ? TimelineRow[K] | null : TimelineRow[K]> };

const recordColumns = {
  id: sql<string>`tr.id`, partnershipId: sql<string>`tr.partnership_id`, ownerTeamId: sql<string>`tr.owner_team_id`,
  ownerTeamName: sql<string>`tr.owner_team_name`, ownerOrganisationId: sql<string>`tr.owner_organisation_id`,
  ownerOrganisationName: sql<string>`tr.owner_organisation_name`, title: sql<string>`tr.title`, reference: sql<string | null>`tr.reference`,
  level: sql<AccessLevel | null>`tr.level`, archived: sql<boolean>`tr.archived`,
};

const slot = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * A record's timeline page as one statement: the record (for `checkRecord`), and only if the
 * actor may open it, a page of its entries, with each readable report's attachments and the
 * safety facts of the people it names, and the read's audit event, counting the entries shown.
 */
function timelineStatement(db: Pick<Db, 'with'>, key: string) {
  const shape = JSON.parse(key) as TimelineShape;
  const actor = actorPlaceholders;
  const s: Scope = {
    actor, kind: shape.kind, id: sql`tr.id`, title: sql`tr.title`, take: sql`${slot('take')}::int`,
    filter: {
      reportTypeIds: shape.reportTypes ? slot('report_type_ids') : undefined,
      organisationId: shape.organisation ? slot('organisation_id') : undefined,
      from: shape.from ? slot('from') : undefined,
      to: shape.to ? slot('to') : undefined,
    },
    cursor: shape.cursorKind ? { kind: shape.cursorKind, at: slot('cursor_at'), id: slot('cursor_id') } : null,
  };
  const subject: AuditSubjectRow = sql`
    select tr.owner_organisation_id as subject_organisation_id, tr.owner_team_id as subject_team_id from timeline_record tr where tr.shown`;
  const audit = shape.entries && shape.audited ? readAudit(subject, { count: sql`least((select count(*) from timeline_entries), ${slot('limit')}::int)` }) : [];
  return db
    .with(recordOf(actor, shape.kind, slot('id')), entriesOf(s, shape), ...audit)
    .select({ record: recordColumns, ...entryColumns(actor) })
    .from(sql`timeline_record tr
      left join timeline_entries e on true
      left join users author on author.id = e.author_id
      left join teams team on team.id = e.team_id
      left join organisations organisation on organisation.id = e.organisation_id
      left join lookups type on type.id = e.type_id`)
    .orderBy(sql`e.at desc, e.kind collate "C" desc, e.source_id desc`);
}

// Planning the branches is most of the statement's cost, and building it most of Node's: each
// shape is built once and prepared by name, so PostgreSQL plans it once per connection.
const builtTimeline = builtOnce(timelineStatement);

export interface TimelinePage {
  /** The record asked for, or the one a merged profile answers as; null if there is none. */
  record: SharedRecord | null;
  /** Empty unless the record is the one asked for and the actor may open it. */
  rows: TimelineRow[];
}

/**
 * One page of a record's timeline: alone on the pool (a page read, its shapes built once), or in
 * a use case's transaction (a summary), built for that transaction's handle, as `builtOnce`
 * keeps a statement per database handle.
 */
export async function timelinePage(on: { db: Db } | { tx: Tx }, shape: TimelineShape, values: TimelineValues, audit: Record<string, unknown>): Promise<TimelinePage> {
  const key = JSON.stringify(shape);
  const statement = 'db' in on ? builtTimeline(on.db, key) : prepared(timelineStatement(on.tx, key));
  const found = await statement.execute({
    ...actorParams(values.actor), ...audit,
    id: values.id, take: values.limit + 1, limit: values.limit,
    report_type_ids: values.reportTypeIds ?? null, organisation_id: values.organisationId ?? null, from: values.from ?? null, to: values.to ?? null,
    cursor_at: values.cursor?.at ?? null, cursor_id: values.cursor?.id ?? null,
  });
  const first = found[0];
  if (!first) return { record: null, rows: [] };
  const rows = found.flatMap(({ record: _record, kind, ...row }) => (kind ? [{ ...row, kind }] : []));
  return { record: { kind: shape.kind, ...first.record }, rows };
}

function prepared<P>(query: { toSQL(): { sql: string }; prepare(name: string): P }): P {
  return query.prepare(shapeName(query));
}
