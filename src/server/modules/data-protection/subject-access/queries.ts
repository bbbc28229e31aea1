import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SarStatus } from '../../../../shared/subject-access.ts';
import {
  organisations, profiles, storedFiles, subjectAccessItems, subjectAccessRedactions, subjectAccessRequests, subjectAccessReviews, users,
} from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type RequestRow = typeof subjectAccessRequests.$inferSelect;
export type ItemRow = typeof subjectAccessItems.$inferSelect;
export type RedactionRow = typeof subjectAccessRedactions.$inferSelect;
export type NewItem = typeof subjectAccessItems.$inferInsert;
export type NewRedaction = typeof subjectAccessRedactions.$inferInsert;

// ---- requests ----

/** A request, or null when its reference is taken (the caller draws another). */
export async function insertRequest(tx: Tx, values: typeof subjectAccessRequests.$inferInsert): Promise<RequestRow | null> {
  const [row] = await tx.insert(subjectAccessRequests).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export type RequestView = RequestRow & { profileTitle: string; organisationName: string; startedByName: string | null };

export async function getRequest(tx: Tx, id: string): Promise<RequestView | null> {
  const [row] = await tx.select({
    request: subjectAccessRequests,
    profileTitle: sql<string>`${profiles.firstName} || ' ' || ${profiles.lastName}`,
    organisationName: organisations.name,
    startedByName: users.name,
  })
    .from(subjectAccessRequests)
    .innerJoin(profiles, eq(profiles.id, subjectAccessRequests.profileId))
    .innerJoin(organisations, eq(organisations.id, subjectAccessRequests.organisationId))
    .leftJoin(users, eq(users.id, subjectAccessRequests.startedBy))
    .where(eq(subjectAccessRequests.id, id));
  return row ? { ...row.request, profileTitle: row.profileTitle, organisationName: row.organisationName, startedByName: row.startedByName } : null;
}

/** Moves a request on, and its version with it; only from one of `from` (a job and a person may race). */
export async function updateRequest(tx: Tx, id: string, set: Partial<typeof subjectAccessRequests.$inferInsert>, from?: readonly SarStatus[]): Promise<RequestRow | null> {
  const [row] = await tx.update(subjectAccessRequests)
    .set({ ...set, version: sql`${subjectAccessRequests.version} + 1`, updatedAt: new Date() })
    .where(and(eq(subjectAccessRequests.id, id), from ? inArray(subjectAccessRequests.status, [...from]) : undefined))
    .returning();
  return row ?? null;
}

export interface ListFilter {
  partnershipId: string;
  /** An organisation admin's scope: requests their organisation handles or has items in. */
  organisationId: string | null;
  status?: SarStatus;
  profileId?: string;
  reviewFor?: string;
  before: { createdAt: string; id: string } | null;
  limit: number;
}

export type SummaryRow = {
  id: string; reference: string; status: SarStatus; profile_id: string; profile_title: string;
  organisation_id: string; organisation_name: string; received_on: string; due_on: string; paused_on: string | null;
  created_at: Date; my_review: 'pending' | 'done' | null;
};

export async function listRequests(tx: Tx, f: ListFilter, readerOrganisationId: string): Promise<SummaryRow[]> {
  const conditions: SQL[] = [sql`r.partnership_id = ${f.partnershipId}`];
  if (f.organisationId) {
    conditions.push(sql`(r.organisation_id = ${f.organisationId}
      or exists (select 1 from subject_access_reviews v where v.request_id = r.id and v.organisation_id = ${f.organisationId}))`);
  }
  if (f.status) conditions.push(sql`r.status = ${f.status}`);
  if (f.profileId) conditions.push(sql`r.profile_id = ${f.profileId}`);
  if (f.reviewFor) conditions.push(sql`exists (select 1 from subject_access_reviews v where v.request_id = r.id and v.organisation_id = ${f.reviewFor} and v.status = 'pending')`);
  if (f.before) conditions.push(sql`(r.created_at, r.id) < (${f.before.createdAt}::timestamptz, ${f.before.id}::uuid)`);
  const { rows } = await tx.execute<SummaryRow>(sql`
    select r.id, r.reference, r.status, r.profile_id, p.first_name || ' ' || p.last_name as profile_title,
           r.organisation_id, o.name as organisation_name, r.received_on::text, r.due_on::text, r.paused_on::text, r.created_at,
           (select v.status from subject_access_reviews v where v.request_id = r.id and v.organisation_id = ${readerOrganisationId}) as my_review
      from subject_access_requests r
      join profiles p on p.id = r.profile_id
      join organisations o on o.id = r.organisation_id
     where ${sql.join(conditions, sql` and `)}
     order by r.created_at desc, r.id desc
     limit ${f.limit + 1}`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

// ---- reviews ----

export type ReviewRow = {
  organisation_id: string; organisation_name: string; status: 'pending' | 'done'; item_count: number;
  reviewed_by: string | null; reviewer_name: string | null; reviewed_at: Date | null; note: string | null;
};

export async function reviewsOf(tx: Tx, requestId: string): Promise<ReviewRow[]> {
  const { rows } = await tx.execute<ReviewRow>(sql`
    select v.organisation_id, o.name as organisation_name, v.status, v.item_count, v.reviewed_by, u.name as reviewer_name, v.reviewed_at, v.note
      from subject_access_reviews v
      join organisations o on o.id = v.organisation_id
      left join users u on u.id = v.reviewed_by
     where v.request_id = ${requestId}
     order by o.name`);
  return rows.map((r) => ({ ...r, reviewed_at: r.reviewed_at ? new Date(r.reviewed_at) : null }));
}

export async function insertReviews(tx: Tx, requestId: string, counts: Map<string, number>): Promise<void> {
  if (counts.size === 0) return;
  await tx.insert(subjectAccessReviews).values([...counts].map(([organisationId, itemCount]) => ({ requestId, organisationId, itemCount })));
}

/** Marks one organisation's review done; false when it was not pending. */
export async function completeReview(tx: Tx, requestId: string, organisationId: string, userId: string, note: string | null): Promise<boolean> {
  const done = await tx.update(subjectAccessReviews)
    .set({ status: 'done', reviewedBy: userId, reviewedAt: new Date(), note })
    .where(and(eq(subjectAccessReviews.requestId, requestId), eq(subjectAccessReviews.organisationId, organisationId), eq(subjectAccessReviews.status, 'pending')))
    .returning({ id: subjectAccessReviews.requestId });
  return done.length > 0;
}

export async function pendingReviews(tx: Tx, requestId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(subjectAccessReviews)
    .where(and(eq(subjectAccessReviews.requestId, requestId), eq(subjectAccessReviews.status, 'pending')));
  return row?.n ?? 0;
}

/** The organisation administrators of these organisations, active, to be told of their part. */
export async function organisationAdmins(tx: Tx, organisationIds: string[]): Promise<{ id: string; organisationId: string }[]> {
  if (organisationIds.length === 0) return [];
  const { rows } = await tx.execute<{ id: string; organisation_id: string }>(sql`
    select u.id, t.organisation_id from users u join teams t on t.id = u.team_id
     where t.organisation_id in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})
       and u.role = 'organisation_admin' and u.disabled_at is null`);
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id }));
}

// ---- items and redactions ----

export async function insertItems(tx: Tx, items: NewItem[]): Promise<ItemRow[]> {
  if (items.length === 0) return [];
  return tx.insert(subjectAccessItems).values(items).returning();
}

export async function insertRedactions(tx: Tx, redactions: NewRedaction[]): Promise<void> {
  if (redactions.length === 0) return;
  await tx.insert(subjectAccessRedactions).values(redactions);
}

export type ItemView = ItemRow & { organisationName: string; fileSize: number | null };

const itemView = {
  item: subjectAccessItems,
  organisationName: organisations.name,
  fileSize: storedFiles.byteSize,
};

export async function listItems(tx: Tx, requestId: string, organisationId: string, afterPosition: number | null, limit: number): Promise<ItemView[]> {
  const rows = await tx.select(itemView)
    .from(subjectAccessItems)
    .innerJoin(organisations, eq(organisations.id, subjectAccessItems.organisationId))
    .leftJoin(storedFiles, eq(storedFiles.id, sql`coalesce(${subjectAccessItems.replacementFileId}, ${subjectAccessItems.storedFileId})`))
    .where(and(
      eq(subjectAccessItems.requestId, requestId),
      eq(subjectAccessItems.organisationId, organisationId),
      afterPosition === null ? undefined : gt(subjectAccessItems.position, afterPosition),
    ))
    .orderBy(asc(subjectAccessItems.position))
    .limit(limit + 1);
  return rows.map((r) => ({ ...r.item, organisationName: r.organisationName, fileSize: r.fileSize }));
}

export async function getItem(tx: Tx, requestId: string, itemId: string): Promise<ItemView | null> {
  const [row] = await tx.select(itemView)
    .from(subjectAccessItems)
    .innerJoin(organisations, eq(organisations.id, subjectAccessItems.organisationId))
    .leftJoin(storedFiles, eq(storedFiles.id, sql`coalesce(${subjectAccessItems.replacementFileId}, ${subjectAccessItems.storedFileId})`))
    .where(and(eq(subjectAccessItems.id, itemId), eq(subjectAccessItems.requestId, requestId)));
  return row ? { ...row.item, organisationName: row.organisationName, fileSize: row.fileSize } : null;
}

/** Every item of a request in order, for packaging. */
export async function allItems(tx: Tx, requestId: string): Promise<ItemRow[]> {
  return tx.select().from(subjectAccessItems).where(eq(subjectAccessItems.requestId, requestId)).orderBy(asc(subjectAccessItems.position));
}

export async function decideItem(tx: Tx, itemId: string, version: number, set: Pick<ItemRow, 'decision' | 'exemption' | 'decidedBy'>): Promise<boolean> {
  const rows = await tx.update(subjectAccessItems)
    .set({ ...set, decidedAt: new Date(), version: sql`${subjectAccessItems.version} + 1` })
    .where(and(eq(subjectAccessItems.id, itemId), eq(subjectAccessItems.version, version)))
    .returning({ id: subjectAccessItems.id });
  return rows.length > 0;
}

/** An item's version moves on with each redaction, so a reviewer's stale decision is caught. */
export async function touchItem(tx: Tx, itemId: string): Promise<void> {
  await tx.update(subjectAccessItems).set({ version: sql`${subjectAccessItems.version} + 1` }).where(eq(subjectAccessItems.id, itemId));
}

export async function redactionsOf(tx: Tx, itemIds: string[]): Promise<RedactionRow[]> {
  if (itemIds.length === 0) return [];
  return tx.select().from(subjectAccessRedactions).where(inArray(subjectAccessRedactions.itemId, itemIds)).orderBy(asc(subjectAccessRedactions.start));
}

export async function deleteRedaction(tx: Tx, itemId: string, redactionId: string): Promise<RedactionRow | null> {
  const [row] = await tx.delete(subjectAccessRedactions)
    .where(and(eq(subjectAccessRedactions.id, redactionId), eq(subjectAccessRedactions.itemId, itemId)))
    .returning();
  return row ?? null;
}

// ---- sweeps ----

export async function expiredDownloads(tx: Tx, now: Date, limit: number): Promise<RequestRow[]> {
  return tx.select().from(subjectAccessRequests)
    .where(and(eq(subjectAccessRequests.status, 'ready'), lt(subjectAccessRequests.downloadExpiresAt, now)))
    .orderBy(asc(subjectAccessRequests.downloadExpiresAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Open requests due within `days` (or overdue) whose handlers have not been told today. */
export async function dueSoon(tx: Tx, today: string, horizon: string, limit: number): Promise<RequestRow[]> {
  return tx.select().from(subjectAccessRequests)
    .where(and(
      inArray(subjectAccessRequests.status, ['queued', 'collecting', 'in_review', 'packaging']),
      sql`${subjectAccessRequests.pausedOn} is null`,
      sql`${subjectAccessRequests.dueOn} <= ${horizon}`,
      or(sql`${subjectAccessRequests.remindedOn} is null`, lt(subjectAccessRequests.remindedOn, today)),
    ))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Requests whose job should have run by now: queued or packaging, untouched since `before`. */
export async function stuck(tx: Tx, before: Date): Promise<{ id: string; status: SarStatus }[]> {
  return tx.select({ id: subjectAccessRequests.id, status: subjectAccessRequests.status }).from(subjectAccessRequests)
    .where(and(inArray(subjectAccessRequests.status, ['queued', 'packaging']), lt(subjectAccessRequests.updatedAt, before)))
    .orderBy(desc(subjectAccessRequests.updatedAt))
    .limit(100);
}

// ---- collection: a system read of everything in the partnership about the person ----

/** Who someone is, for names in the export: their organisation, so other agencies' staff can be named by it alone. */
export type Staff = { id: string; name: string; organisation_id: string; organisation_name: string };

export async function staffNamed(tx: Tx, userIds: string[]): Promise<Staff[]> {
  if (userIds.length === 0) return [];
  const { rows } = await tx.execute<Staff>(sql`
    select u.id, u.name, t.organisation_id, o.name as organisation_name
      from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id
     where u.id in (${sql.join([...new Set(userIds)].map((id) => sql`${id}::uuid`), sql`, `)})`);
  return rows;
}

export type ProfileSource = {
  id: string; partnership_id: string; first_name: string; last_name: string; date_of_birth: string | null; gender: string | null;
  phone: string | null; email: string | null; roles: string[]; key_information: string | null; reason_created: string;
  risk_level: string | null; owner_organisation_id: string; owner_team_name: string; created_at: Date;
};

export async function profileSource(tx: Tx, profileId: string): Promise<ProfileSource | null> {
  const { rows } = await tx.execute<ProfileSource>(sql`
    select p.id, p.partnership_id, p.first_name, p.last_name, p.date_of_birth::text, p.gender, p.phone, p.email, p.roles,
           p.key_information, p.reason_created, p.risk_level, t.organisation_id as owner_organisation_id, t.name as owner_team_name, p.created_at
      from profiles p join teams t on t.id = p.owner_team_id
     where p.id = ${profileId}`);
  return rows[0] ? { ...rows[0], created_at: new Date(rows[0].created_at) } : null;
}

export type NameRow = { profile_id: string; kind: 'name' | 'alias'; first_name: string; last_name: string };

export async function namesOf(tx: Tx, profileIds: string[]): Promise<NameRow[]> {
  if (profileIds.length === 0) return [];
  const { rows } = await tx.execute<NameRow>(sql`
    select profile_id, kind, first_name, last_name from profile_names
     where profile_id in (${sql.join(profileIds.map((id) => sql`${id}::uuid`), sql`, `)})
     union select id, 'name', first_name, last_name from profiles
     where id in (${sql.join(profileIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return rows;
}

export type AddressRow = { address_line1: string; address_line2: string | null; town: string | null; postcode: string | null; from_date: string | null; to_date: string | null };

export async function addressesOf(tx: Tx, profileId: string): Promise<AddressRow[]> {
  const { rows } = await tx.execute<AddressRow>(sql`
    select address_line1, address_line2, town, postcode, from_date::text, to_date::text
      from profile_addresses where profile_id = ${profileId} order by from_date nulls first, id`);
  return rows;
}

export type RelationshipRow = { id: string; kind: string; notes: string | null; other_id: string; outgoing: boolean; created_at: Date };

export async function relationshipsOf(tx: Tx, profileId: string): Promise<RelationshipRow[]> {
  const { rows } = await tx.execute<RelationshipRow>(sql`
    select id, kind, notes, to_profile_id as other_id, true as outgoing, created_at from profile_relationships where from_profile_id = ${profileId}
    union all
    select id, kind, notes, from_profile_id, false, created_at from profile_relationships where to_profile_id = ${profileId}
    order by created_at`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

export type CaseRow = {
  id: string; reference: string; title: string; case_type: string; status: string; role: string; summary: string | null;
  start_date: string | null; end_date: string | null; outcome: string | null; owner_organisation_id: string; created_at: Date;
};

export async function casesOf(tx: Tx, profileId: string): Promise<CaseRow[]> {
  const { rows } = await tx.execute<CaseRow>(sql`
    select c.id, c.reference, c.title, l.name as case_type, c.status, cp.role, c.summary, c.start_date::text, c.end_date::text, c.outcome,
           t.organisation_id as owner_organisation_id, c.created_at
      from case_profiles cp join cases c on c.id = cp.case_id join teams t on t.id = c.owner_team_id join lookups l on l.id = c.case_type_id
     where cp.profile_id = ${profileId} order by c.created_at`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/** The other people on the person's cases: third parties, whose names are redacted. */
export async function coLinkedProfiles(tx: Tx, profileId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    select distinct other.profile_id as id from case_profiles mine join case_profiles other on other.case_id = mine.case_id
     where mine.profile_id = ${profileId} and other.profile_id <> ${profileId}`);
  return rows.map((r) => r.id);
}

export type ReportRow = { id: string; report_type: string; occurred_at: Date; body_text: string; author_id: string; author_organisation_id: string; case_reference: string | null };

/**
 * Reports on the person, and reports on their cases that mention any name they are known by
 * (a case note about someone else on the case is not theirs to have).
 */
export async function reportsOf(tx: Tx, profileId: string, caseIds: string[], names: string[]): Promise<ReportRow[]> {
  const onCases = caseIds.length > 0 && names.length > 0
    ? sql`union all
      select r.id, l.name, r.occurred_at, r.body_text, r.author_id, r.author_organisation_id, c.reference
        from reports r join lookups l on l.id = r.report_type_id join cases c on c.id = r.record_id
       where r.record_kind = 'case' and r.record_id in (${sql.join(caseIds.map((id) => sql`${id}::uuid`), sql`, `)})
         and (${sql.join(names.map((n) => sql`unaccent(r.body_text) ilike '%' || unaccent(${n}) || '%'`), sql` or `)})`
    : sql``;
  const { rows } = await tx.execute<ReportRow>(sql`
    select * from (
      select r.id, l.name as report_type, r.occurred_at, r.body_text, r.author_id, r.author_organisation_id, null::text as case_reference
        from reports r join lookups l on l.id = r.report_type_id
       where r.record_kind = 'profile' and r.record_id = ${profileId}
      ${onCases}
    ) x order by occurred_at`);
  return rows.map((r) => ({ ...r, occurred_at: new Date(r.occurred_at) }));
}

export type DocumentRow = {
  id: string; title: string; description: string | null; folder: string; author_id: string; author_organisation_id: string; created_at: Date;
  stored_file_id: string; file_name: string;
};

/** Documents on the person, at their current version. */
export async function documentsOf(tx: Tx, profileId: string): Promise<DocumentRow[]> {
  const { rows } = await tx.execute<DocumentRow>(sql`
    select d.id, d.title, d.description, d.folder, d.author_id, d.author_organisation_id, d.created_at, v.stored_file_id, v.file_name
      from documents d join document_versions v on v.document_id = d.id and v.version = d.current_version
     where d.record_kind = 'profile' and d.record_id = ${profileId} order by d.created_at`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

export type AssessmentRow = {
  id: string; template_name: string; status: string; answers: Record<string, unknown>; score: number | null; adjusted_score: number | null;
  definition: { sections: { questions: { key: string; text: string; options?: { value: string; label: string }[] }[] }[] };
  author_id: string; author_organisation_id: string; completed_at: Date | null; created_at: Date;
};

/** Assessments of the person past draft: a draft is its author's work in progress. */
export async function assessmentsOf(tx: Tx, profileId: string): Promise<AssessmentRow[]> {
  const { rows } = await tx.execute<AssessmentRow>(sql`
    select a.id, t.name as template_name, a.status, a.answers, a.score, a.adjusted_score, v.definition, a.author_id, a.author_organisation_id, a.completed_at, a.created_at
      from assessments a join assessment_templates t on t.id = a.template_id join assessment_template_versions v on v.id = a.template_version_id
     where a.record_kind = 'profile' and a.record_id = ${profileId} and a.status <> 'draft' order by a.created_at`);
  return rows.map((r) => ({ ...r, completed_at: r.completed_at ? new Date(r.completed_at) : null, created_at: new Date(r.created_at) }));
}

export type TaskRow = {
  id: string; title: string; description: string | null; status: string; due_on: string; result: string | null; set_by: string;
  set_by_organisation_id: string; created_at: Date; updates: { kind: string; note: string | null; author_id: string; created_at: string }[];
};

export async function tasksOf(tx: Tx, profileId: string): Promise<TaskRow[]> {
  const { rows } = await tx.execute<TaskRow>(sql`
    select k.id, k.title, k.description, k.status, k.due_on::text, k.result, k.set_by, k.set_by_organisation_id, k.created_at,
           coalesce((select json_agg(json_build_object('kind', u.kind, 'note', u.note, 'author_id', u.author_id, 'created_at', u.created_at) order by u.created_at)
                       from task_updates u where u.task_id = k.id), '[]'::json) as updates
      from tasks k where k.record_kind = 'profile' and k.record_id = ${profileId} order by k.created_at`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

export type ReminderRow = { id: string; title: string; notes: string | null; due_at: Date; created_by: string; created_by_organisation_id: string };

export async function remindersOf(tx: Tx, profileId: string): Promise<ReminderRow[]> {
  const { rows } = await tx.execute<ReminderRow>(sql`
    select id, title, notes, due_at, created_by, created_by_organisation_id from actions
     where record_kind = 'profile' and record_id = ${profileId} order by due_at`);
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
}

export type ContactRow = { id: string; at: Date; channel: string | null; reached: boolean; note: string | null; recorded_by: string | null; recorded_by_organisation_id: string };

export async function contactsOf(tx: Tx, profileId: string): Promise<ContactRow[]> {
  const { rows } = await tx.execute<ContactRow>(sql`
    select id, at, channel, reached, note, recorded_by, recorded_by_organisation_id from victim_contacts where profile_id = ${profileId} order by at`);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export type SafetyPlanRow = { steps: string[]; safe_contacts: { name: string; phone: string; note: string | null }[]; emergency_contacts: { name: string; phone: string }[]; updated_at: Date };

export async function safetyPlanOf(tx: Tx, profileId: string): Promise<SafetyPlanRow | null> {
  const { rows } = await tx.execute<SafetyPlanRow>(sql`select steps, safe_contacts, emergency_contacts, updated_at from safety_plans where profile_id = ${profileId}`);
  return rows[0] ? { ...rows[0], updated_at: new Date(rows[0].updated_at) } : null;
}

export type AppointmentRow = { id: string; starts_at: Date; place: string; with_whom: string; details: string | null; status: string; created_by: string; organisation_id: string };

export async function appointmentsOf(tx: Tx, profileId: string): Promise<AppointmentRow[]> {
  const { rows } = await tx.execute<AppointmentRow>(sql`
    select a.id, a.starts_at, a.place, a.with_whom, a.details, a.status, a.created_by, t.organisation_id
      from appointments a join users u on u.id = a.created_by join teams t on t.id = u.team_id
     where a.profile_id = ${profileId} order by a.starts_at`);
  return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at) }));
}

export type MessageRow = { id: string; sender: string; author_id: string | null; sealed_body: string; sent_at: Date; organisation_id: string };

export async function messagesOf(tx: Tx, profileId: string): Promise<MessageRow[]> {
  const { rows } = await tx.execute<MessageRow>(sql`
    select m.id, m.sender, m.author_id, m.sealed_body, m.sent_at, t.organisation_id
      from messages m join teams t on t.id = m.team_id where m.profile_id = ${profileId} order by m.sent_at`);
  return rows.map((r) => ({ ...r, sent_at: new Date(r.sent_at) }));
}

export type LawfulBasisRow = { id: string; organisation_id: string; basis: string; special_category_condition: string | null; review_on: string; recorded_at: Date; ended_at: Date | null; end_reason: string | null };

export async function lawfulBasesOf(tx: Tx, profileId: string): Promise<LawfulBasisRow[]> {
  const { rows } = await tx.execute<LawfulBasisRow>(sql`
    select id, organisation_id, basis, special_category_condition, review_on::text, recorded_at, ended_at, end_reason
      from profile_lawful_bases where profile_id = ${profileId} order by recorded_at`);
  return rows.map((r) => ({ ...r, recorded_at: new Date(r.recorded_at), ended_at: r.ended_at ? new Date(r.ended_at) : null }));
}

export type EmergencyRow = { id: string; user_id: string; organisation_id: string; owner_organisation_id: string; reason: string; granted_at: Date };

export async function emergencyAccessesOf(tx: Tx, profileId: string): Promise<EmergencyRow[]> {
  const { rows } = await tx.execute<EmergencyRow>(sql`
    select id, user_id, organisation_id, owner_organisation_id, reason, granted_at from emergency_accesses where profile_id = ${profileId} order by granted_at`);
  return rows.map((r) => ({ ...r, granted_at: new Date(r.granted_at) }));
}

export type HistoryRow = { id: string; at: Date; actor_id: string | null; actor_kind: string; organisation_id: string | null; action: string; changes: Record<string, { before: unknown; after: unknown }> };

/** Every change to the person's own details, with what it changed, oldest first (values erased by an anonymisation are gone). */
export async function historyOf(tx: Tx, profileId: string): Promise<HistoryRow[]> {
  const { rows } = await tx.execute<HistoryRow>(sql`
    select e.id, e.at, e.actor_id, e.actor_kind, e.organisation_id, e.action, v.changes
      from audit_events e join audit_values v on v.event_id = e.id
     where e.entity_type = 'profile' and e.entity_id = ${profileId} and e.outcome = 'success' and v.changes is not null
     order by e.seq`);
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export type CardholderRow = {
  id: string; organisation_id: string; status: string; condition: string; communication: string; medication_notes: string | null;
  carers: { name: string; phone: string }[]; emergency_contacts: { name: string; phone: string }[]; uses_disability_contact_line: boolean;
  joined_on: string; review_due_on: string; left_on: string | null; card_number: string | null; lookups: number; created_at: Date;
};

/** The person's Keep Safe Card membership, kept by the scheme's team, with how often responders looked them up. */
export async function cardholdersOf(tx: Tx, profileId: string): Promise<CardholderRow[]> {
  const { rows } = await tx.execute<CardholderRow>(sql`
    select c.id, t.organisation_id, c.status, c.condition, c.communication, c.medication_notes, c.carers, c.emergency_contacts,
           c.uses_disability_contact_line, c.joined_on::text, c.review_due_on::text, c.left_on::text, c.created_at,
           (select k.card_number from scheme_cards k where k.cardholder_id = c.id order by k.created_at desc limit 1) as card_number,
           (select count(*)::int from scheme_lookups l where l.cardholder_id = c.id) as lookups
      from cardholders c join schemes s on s.id = c.scheme_id join teams t on t.id = s.team_id
     where c.profile_id = ${profileId}`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

export type ReferralRow = {
  id: string; reference: string; status: string; received_at: Date; team_name: string; organisation_id: string; sealed_submission: string;
  definition: AssessmentRow['definition'] | null;
};

/** Referrals taken in about the person, with the form they were made on; what the referrer said is sealed. */
export async function referralsOf(tx: Tx, profileId: string): Promise<ReferralRow[]> {
  const { rows } = await tx.execute<ReferralRow>(sql`
    select r.id, r.reference, r.status, r.received_at, t.name as team_name, t.organisation_id, r.sealed_submission, v.definition
      from referrals r join teams t on t.id = r.team_id left join referral_form_versions v on v.id = r.form_version_id
     where r.profile_id = ${profileId} order by r.received_at`);
  return rows.map((r) => ({ ...r, received_at: new Date(r.received_at) }));
}

export async function partnershipName(tx: Tx, partnershipId: string): Promise<string> {
  const { rows } = await tx.execute<{ name: string }>(sql`select name from partnerships where id = ${partnershipId}`);
  return rows[0]?.name ?? '';
}

export async function organisationNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Counts a download; the count is the audit's. */
export async function countDownload(tx: Tx, id: string): Promise<number> {
  const [row] = await tx.update(subjectAccessRequests)
    .set({ downloads: sql`${subjectAccessRequests.downloads} + 1` })
    .where(eq(subjectAccessRequests.id, id))
    .returning({ downloads: subjectAccessRequests.downloads });
  return row?.downloads ?? 0;
}

export type AttachmentRow = { id: string; name: string; stored_file_id: string; created_at: Date; organisation_id: string };

/** Files sent in the portal's conversation, either way: the team that holds the conversation answers for them. */
export async function attachmentsOf(tx: Tx, profileId: string): Promise<AttachmentRow[]> {
  const { rows } = await tx.execute<AttachmentRow>(sql`
    select a.id, a.name, a.stored_file_id, a.created_at, t.organisation_id
      from message_attachments a join portal_access p on p.id = a.access_id join teams t on t.id = p.team_id
     where a.profile_id = ${profileId} order by a.created_at`);
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/** The bytes of the files a request about the person would include: documents at their current version and the portal's attachments. */
export async function fileBytesOf(tx: Tx, profileId: string): Promise<number> {
  const { rows } = await tx.execute<{ bytes: string | number | null }>(sql`
    select (select coalesce(sum(f.byte_size), 0) from documents d
              join document_versions v on v.document_id = d.id and v.version = d.current_version
              join stored_files f on f.id = v.stored_file_id
             where d.record_kind = 'profile' and d.record_id = ${profileId})
         + (select coalesce(sum(a.size), 0) from message_attachments a where a.profile_id = ${profileId}) as bytes`);
  return Number(rows[0]?.bytes ?? 0);
}

/** A reviewer's redacted copy of the item's file, sent in its place. */
export async function setReplacement(tx: Tx, itemId: string, storedFileId: string): Promise<void> {
  await tx.update(subjectAccessItems).set({ replacementFileId: storedFileId, version: sql`${subjectAccessItems.version} + 1` }).where(eq(subjectAccessItems.id, itemId));
}
