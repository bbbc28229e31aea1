import { sql, type SQL } from 'drizzle-orm';
import type { HoldRecordKind, RetentionRecordKind, RetentionReviewStatus, RetentionStart } from '../../../../shared/retention.ts';
import { anonymisedName, removedAddress, removedText } from '../../../../shared/retention.ts';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../../db/transaction.ts';
import { entitiesOf } from '../viewers/queries.ts';

const count = (result: { rowCount: number | null }) => result.rowCount ?? 0;
/** A raw statement hands timestamps back as text. */
const asDate = <T extends Date | null>(value: T | string): T => (value === null ? value : new Date(value)) as T;
const withDates = <R extends Record<string, unknown>>(row: R, keys: (keyof R)[]): R => {
  const copy = { ...row };
  for (const key of keys) copy[key] = asDate(copy[key] as Date | null) as R[keyof R];
  return copy;
};
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const uuids = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

// ---------------------------------------------------------------------------------------------
// The record's facts, locked for the decision.
// ---------------------------------------------------------------------------------------------

export interface RecordFacts {
  id: string;
  partnershipId: string;
  ownerTeamId: string;
  ownerTeamName: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  title: string;
  reference: string | null;
  version: number;
  anonymisedAt: Date | null;
  mergedIntoId: string | null;
  closedAt: Date | null;
}

/** A profile or case with its owner, locked (unless only read) so two decisions on it cannot interleave. */
export async function lockRecord(tx: Tx, kind: HoldRecordKind, id: string, lock = true): Promise<RecordFacts | null> {
  const { rows } = await tx.execute<{
    id: string; partnership_id: string; owner_team_id: string; owner_team_name: string; owner_organisation_id: string; owner_organisation_name: string;
    title: string; reference: string | null; version: number; anonymised_at: Date | null; merged_into_id: string | null; closed_at: Date | null;
  }>(kind === 'profile'
    ? sql`select p.id, p.partnership_id, p.owner_team_id, t.name as owner_team_name, o.id as owner_organisation_id, o.name as owner_organisation_name,
                 p.first_name || ' ' || p.last_name as title, null as reference, p.version, p.anonymised_at, p.merged_into_id, null::timestamptz as closed_at
            from profiles p join teams t on t.id = p.owner_team_id join organisations o on o.id = t.organisation_id
           where p.id = ${id} ${lock ? sql`for update of p` : sql``}`
    : sql`select c.id, c.partnership_id, c.owner_team_id, t.name as owner_team_name, o.id as owner_organisation_id, o.name as owner_organisation_name,
                 c.title, c.reference, c.version, c.anonymised_at, null::uuid as merged_into_id, c.closed_at
            from cases c join teams t on t.id = c.owner_team_id join organisations o on o.id = t.organisation_id
           where c.id = ${id} ${lock ? sql`for update of c` : sql``}`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id, partnershipId: row.partnership_id, ownerTeamId: row.owner_team_id, ownerTeamName: row.owner_team_name,
    ownerOrganisationId: row.owner_organisation_id, ownerOrganisationName: row.owner_organisation_name, title: row.title, reference: row.reference,
    version: row.version, anonymisedAt: asDate(row.anonymised_at), mergedIntoId: row.merged_into_id, closedAt: asDate(row.closed_at),
  };
}

/** The live hold on the record; a person is held too while a case they are on is. */
export async function holdOn(tx: Tx, kind: HoldRecordKind, id: string): Promise<{ id: string; reason: string; placedAt: Date } | null> {
  const onCases = kind === 'profile'
    ? sql`or (h.record_kind = 'case' and h.record_id in (select case_id from case_profiles where profile_id = ${id}))`
    : sql``;
  const { rows } = await tx.execute<{ id: string; reason: string; placed_at: Date }>(sql`
    select h.id, h.reason, h.placed_at from legal_holds h
     where h.lifted_at is null and ((h.record_kind = ${kind} and h.record_id = ${id}) ${onCases})
     order by h.placed_at limit 1`);
  const row = rows[0];
  return row ? { id: row.id, reason: row.reason, placedAt: asDate(row.placed_at) } : null;
}

/** The record's latest review, pending first. */
export async function latestReview(tx: Tx, kind: RetentionRecordKind, id: string) {
  const { rows } = await tx.execute<{ id: string; due_on: string; status: RetentionReviewStatus }>(sql`
    select id, due_on::text, status from retention_reviews where record_kind = ${kind} and record_id = ${id}
     order by (status = 'pending') desc, created_at desc limit 1`);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Anonymising a person.
// ---------------------------------------------------------------------------------------------

/**
 * What identifies the person, read before it is replaced: the words a search or a likely-match
 * check would have been given (surnames and full names of every name they are known by, date of
 * birth, phone, email and the portal's contacts), to find the free-text audit values holding them.
 */
export async function identifyingTokens(tx: Tx, profileId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ token: string | null }>(sql`
    select n.last_name as token from profile_names n where n.profile_id = ${profileId}
    union select n.first_name || ' ' || n.last_name from profile_names n where n.profile_id = ${profileId}
    union select p.date_of_birth::text from profiles p where p.id = ${profileId}
    union select p.phone from profiles p where p.id = ${profileId}
    union select p.email from profiles p where p.id = ${profileId}
    union select x.email from portal_access x where x.profile_id = ${profileId}
    union select x.mobile from portal_access x where x.profile_id = ${profileId}
    union select a.address_line1 from profile_addresses a where a.profile_id = ${profileId}`);
  // A word of two letters would erase half the partnership's searches.
  return [...new Set(rows.flatMap((r) => (r.token && r.token.trim().length >= 3 ? [r.token.trim()] : [])))];
}

/** Runs statements, adding up how many rows each named part changed: what the events and replies report. */
function counted(tx: Tx) {
  const counts: Record<string, number> = {};
  const run = async (name: string, statement: SQL) => {
    counts[name] = (counts[name] ?? 0) + count(await tx.execute(statement));
  };
  return { counts, run };
}

/** Storage keys of the files held for the person: photo, documents on them, message attachments. */
export async function filesOf(tx: Tx, profileId: string): Promise<{ id: string; storageKey: string; photo: boolean }[]> {
  const { rows } = await tx.execute<{ id: string; storage_key: string; photo: boolean }>(sql`
    select f.id, f.storage_key, f.id in (select photo_file_id from profiles where id = ${profileId} union select thumbnail_file_id from profiles where id = ${profileId}) as photo
      from stored_files f
     where f.id in (select photo_file_id from profiles where id = ${profileId} union select thumbnail_file_id from profiles where id = ${profileId})
        or f.id in (select v.stored_file_id from document_versions v join documents d on d.id = v.document_id where d.record_kind = 'profile' and d.record_id = ${profileId})
        or f.id in (select stored_file_id from message_attachments where profile_id = ${profileId})
        or f.id in (select i.replacement_file_id from subject_access_items i join subject_access_requests s on s.id = i.request_id where s.profile_id = ${profileId})`);
  return rows.map((r) => ({ id: r.id, storageKey: r.storage_key, photo: r.photo }));
}

/**
 * Replaces everything that identifies the person, and the free text of everything on their
 * record, keeping every row, link and count (D15): names, aliases, date of birth (the age at
 * today stays, so age bands still count them), contacts, addresses (down to the postcode's
 * outward code, so hotspots keep the district), reports and their earlier wordings, tasks and
 * their progress notes, reminders, text answers of assessments, victim contacts, the portal's
 * messages and safety plan, appointments, panel referrals and minutes, referrals about them,
 * reasons given for access, lawful basis notes and the Keep Safe scheme's fields. Files' bytes are
 * the caller's to delete; their rows stay under "Document removed". Returns how many rows each part changed.
 */
export async function anonymiseProfile(tx: Tx, profileId: string, sealed: { text: string; subject: string; submission: (old: string) => string }): Promise<Record<string, number>> {
  const removed = removedText;
  const id = profileId;
  const { counts, run } = counted(tx);

  await run('profile', sql`
    update profiles set first_name = ${anonymisedName.firstName}, last_name = ${anonymisedName.lastName},
           approximate_age = coalesce(approximate_age, case when date_of_birth is not null then extract(year from age(current_date, date_of_birth))::int end),
           approximate_age_on = case when approximate_age is null and date_of_birth is not null then current_date else approximate_age_on end,
           date_of_birth = null, phone = null, email = null, key_information = null, reason_created = ${removed},
           photo_file_id = null, thumbnail_file_id = null, anonymised_at = now(), version = version + 1, updated_at = now()
     where id = ${id}`);
  await run('aliases', sql`delete from profile_names where profile_id = ${id} and kind = 'alias'`);
  await run('names', sql`
    update profile_names set first_name = ${anonymisedName.firstName}, last_name = ${anonymisedName.lastName},
           search_name = lower(${`${anonymisedName.firstName} ${anonymisedName.lastName}`}::text),
           first_sound = name_sound(${anonymisedName.firstName}::text), last_sound = name_sound(${anonymisedName.lastName}::text)
     where profile_id = ${id}`);
  // The outward code ("NG1") of a postcode such as "NG1 5AB": all but the inward code's last three characters.
  await run('addresses', sql`
    update profile_addresses set address_line1 = ${removedAddress}, address_line2 = null, town = null, uprn = null,
           postcode = nullif(trim(left(upper(replace(postcode, ' ', '')), greatest(length(replace(postcode, ' ', '')) - 3, 0))), '')
     where profile_id = ${id}`);
  await run('relationships', sql`update profile_relationships set notes = null where (from_profile_id = ${id} or to_profile_id = ${id}) and notes is not null`);

  // Their reports, and the report a referral about them wrote on the case it opened.
  const theirReports = sql`select r.id from reports r where r.record_kind = 'profile' and r.record_id = ${id}
                           union select f.report_id from referrals f where f.profile_id = ${id} and f.report_id is not null`;
  await run('report_versions', sql`update report_versions set body_html = ${`<p>${removed}</p>`} where report_id in (${theirReports})`);
  await run('reports', sql`update reports set body_html = ${`<p>${removed}</p>`}, body_text = ${removed} where id in (${theirReports})`);
  await run('task_updates', sql`
    update task_updates set note = ${removed} where note is not null
       and task_id in (select k.id from tasks k where k.record_kind = 'profile' and k.record_id = ${id})`);
  await run('tasks', sql`
    update tasks set title = ${removed}, description = null, decline_reason = case when decline_reason is null then null else ${removed} end,
           result = case when result is null then null else ${removed} end
     where record_kind = 'profile' and record_id = ${id}`);
  await run('actions', sql`update actions set title = ${removed}, notes = null where record_kind = 'profile' and record_id = ${id}`);
  // A task's notice quotes its title. No index leads here from the person: it reads the notices.
  await run('notifications', sql`
    update notifications set message = 'A notice about a record since anonymised.'
     where (record_kind = 'profile' and record_id = ${id})
        or subject_id in (select k.id from tasks k where k.record_kind = 'profile' and k.record_id = ${id}
                          union all select n.id from actions n where n.record_kind = 'profile' and n.record_id = ${id})`);
  await run('document_versions', sql`
    update document_versions set file_name = 'removed'
     where document_id in (select d.id from documents d where d.record_kind = 'profile' and d.record_id = ${id})`);
  await run('documents', sql`update documents set title = 'Document removed', description = null where record_kind = 'profile' and record_id = ${id}`);
  await run('stored_files', sql`
    update stored_files set original_name = null
     where id in (select v.stored_file_id from document_versions v join documents d on d.id = v.document_id where d.record_kind = 'profile' and d.record_id = ${id}
                  union select stored_file_id from message_attachments where profile_id = ${id})`);
  // Text answers only: choices, scales and scores stay, so the template's statistics still count them.
  await run('assessments', sql`
    update assessments a set
           answers = coalesce((select jsonb_object_agg(x.key, case when x.key in (
                         select q ->> 'key' from jsonb_path_query(v.definition, '$.sections[*].questions[*] ? (@.kind == "text")') q) then to_jsonb(${removed}::text) else x.value end)
                       from jsonb_each(a.answers) x), '{}'::jsonb),
           adjustment_reason = case when a.adjustment_reason is null then null else ${removed} end,
           adjustment_note = case when a.adjustment_note is null then null else ${removed} end
      from assessment_template_versions v
     where v.id = a.template_version_id and a.record_kind = 'profile' and a.record_id = ${id}`);

  await run('victim_contacts', sql`update victim_contacts set note = ${removed} where profile_id = ${id} and note is not null`);
  await run('contact_plans', sql`update contact_plans set safe_times = null where profile_id = ${id}`);
  await run('case_reviews', sql`
    update case_reviews set outcome = case when outcome is null then null else ${removed} end,
           appeal_outcome = case when appeal_outcome is null then null else ${removed} end,
           closed_reason = case when closed_reason is null then null else ${removed} end
     where profile_id = ${id}`);
  await run('messages', sql`update messages set sealed_body = ${sealed.text} where profile_id = ${id}`);
  await run('message_attachments', sql`update message_attachments set name = 'removed' where profile_id = ${id}`);
  // Each step and contact stays as a count.
  await run('safety_plans', sql`
    update safety_plans set
           steps = (select coalesce(jsonb_agg(to_jsonb(${removed}::text)), '[]'::jsonb) from jsonb_array_elements(steps)),
           safe_contacts = (select coalesce(jsonb_agg(jsonb_build_object('name', ${removed}::text, 'phone', '', 'note', null)), '[]'::jsonb) from jsonb_array_elements(safe_contacts)),
           emergency_contacts = (select coalesce(jsonb_agg(jsonb_build_object('name', ${removed}::text, 'phone', '')), '[]'::jsonb) from jsonb_array_elements(emergency_contacts))
     where profile_id = ${id}`);
  await run('appointments', sql`update appointments set place = ${removed}, with_whom = ${removed}, details = null, rearrange_reason = null where profile_id = ${id}`);
  // An access keeps one contact by rule: an address that reaches nobody.
  await run('portal_access', sql`
    update portal_access set email = 'removed@anonymised.invalid', mobile = null,
           ended_at = coalesce(ended_at, now()), end_reason = coalesce(end_reason, 'ended_by_staff'), version = version + 1, updated_at = now()
     where profile_id = ${id}`);
  await run('portal_sessions', sql`delete from portal_sessions where access_id in (select x.id from portal_access x where x.profile_id = ${id})`);
  await run('portal_codes', sql`delete from portal_codes where access_id in (select x.id from portal_access x where x.profile_id = ${id})`);

  await run('panel_referrals', sql`
    update panel_referrals set reason = ${removed}, withdrawn_reason = case when withdrawn_reason is null then null else ${removed} end
     where record_kind = 'profile' and record_id = ${id}`);
  const panelItems = sql`select i.id from agenda_items i join panel_referrals r on r.id = i.referral_id where r.record_kind = 'profile' and r.record_id = ${id}`;
  await run('agenda_items', sql`
    update agenda_items set minutes = case when minutes is null then null else ${removed} end, risks = case when risks is null then null else ${removed} end
     where id in (${panelItems})`);
  await run('agenda_item_versions', sql`
    update agenda_item_versions set minutes = case when minutes is null then null else ${removed} end, risks = case when risks is null then null else ${removed} end
     where item_id in (${panelItems})`);
  await run('agenda_research', sql`
    update agenda_research set known = ${removed}, opinion = case when opinion is null then null else ${removed} end,
           withheld = case when withheld is null then null else ${removed} end, withheld_reason = case when withheld_reason is null then null else ${removed} end
     where item_id in (${panelItems})`);

  await run('access_requests', sql`
    update access_requests set reason = ${removed}, decision_reason = case when decision_reason is null then null else ${removed} end
     where record_kind = 'profile' and record_id = ${id}`);
  await run('emergency_accesses', sql`update emergency_accesses set reason = ${removed}, review_note = null where profile_id = ${id}`);
  await run('lawful_bases', sql`update profile_lawful_bases set notes = null where profile_id = ${id} and notes is not null`);
  await run('cardholders', sql`
    update cardholders set condition = ${removed}, communication = ${removed}, medication_notes = null, parental_consent_by = null,
           carers = '[]'::jsonb, emergency_contacts = '[]'::jsonb
     where profile_id = ${id}`);
  await run('scheme_lookups', sql`update scheme_lookups set reason = ${removed} where cardholder_id in (select c.id from cardholders c where c.profile_id = ${id})`);

  // Referrals about them: what the referrer said is sealed, so it is sealed again without them.
  const { rows: referrals } = await tx.execute<{ id: string; sealed_submission: string }>(sql`select id, sealed_submission from referrals where profile_id = ${id}`);
  for (const referral of referrals) {
    await run('referrals', sql`
      update referrals set sealed_subject = ${sealed.subject}, sealed_submission = ${sealed.submission(referral.sealed_submission)},
             decision_reason = case when decision_reason is null then null else ${removed} end, signposted_to = null
       where id = ${referral.id}`);
  }
  await run('referral_notes', sql`update referral_notes set sealed_text = ${sealed.text} where referral_id in (select r.id from referrals r where r.profile_id = ${id})`);
  await run('referral_events', sql`update referral_events set reason = null where reason is not null and referral_id in (select r.id from referrals r where r.profile_id = ${id})`);

  // Closed subject access requests keep their reference and dates (the record of a request
  // answered); what they collected, and who asked, goes. An open one stops the anonymising first.
  const requests = sql`(select s.id from subject_access_requests s where s.profile_id = ${id})`;
  await run('subject_access_redactions', sql`delete from subject_access_redactions where request_id in ${requests}`);
  await run('subject_access_items', sql`delete from subject_access_items where request_id in ${requests}`);
  await run('subject_access_requests', sql`
    update subject_access_requests set requester = null, notes = null, extension_reason = null, pause_reason = null, failure = null
     where profile_id = ${id} and (requester is not null or notes is not null or extension_reason is not null or pause_reason is not null or failure is not null)`);
  return counts;
}

/** What is sent to or about the person that is not their record: emails and texts to their addresses, and kept replies naming them. */
export async function forgetCorrespondence(tx: Tx, profileId: string, tokens: string[]): Promise<Record<string, number>> {
  // A task's or a reminder's email quotes its title and links to it by id, not to the person.
  const { rows: items } = await tx.execute<{ id: string }>(sql`
    select k.id from tasks k where k.record_kind = 'profile' and k.record_id = ${profileId}
    union all select n.id from actions n where n.record_kind = 'profile' and n.record_id = ${profileId}`);
  const patterns = [profileId, ...items.map((i) => i.id), ...tokens].map((t) => `%${escapeLike(t)}%`);
  const any = sql`array[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}]::text[]`;
  const outbound = count(await tx.execute(sql`delete from outbound_messages where recipient ilike any(${any}) or body ilike any(${any}) or subject ilike any(${any})`));
  // The replies kept for repeated requests: the profile's own and any naming them.
  const replies = count(await tx.execute(sql`delete from idempotency_keys where response_body ilike any(${any})`));
  return { outbound_messages: outbound, idempotency_replies: replies };
}

/**
 * Where a person's words can sit in the audit values of events about other things: searches,
 * lists and likely-match checks keep what was typed, a look-up what was asked for.
 */
const freeValueActions = [
  'search.performed', 'profiles.listed', 'profiles.matched', 'profiles.imported', 'reports.searched',
  'cases.listed', 'locations.listed', 'locations.matched', 'scheme.looked_up',
] as const;

/**
 * Erases the audit values of every event about the person and what is on their record, and of
 * the partnership's free-value events whose values hold any of their identifying words. The
 * events stay, with their digest, so the chain still verifies. The first part probes
 * `audit_events_entity_idx` once per item; the second walks `audit_events_action_idx` over the
 * free-value actions (every partnership's, filtered to this one) and reads each event's values
 * by primary key: one statement, its cost the number of such events.
 */
export async function eraseAuditValues(tx: Tx, profileId: string, partnershipId: string, tokens: string[]): Promise<{ own: number; free: number }> {
  const items = sql`${entitiesOf(profileId)}
    union all select 'referral', f.id from referrals f where f.profile_id = ${profileId}
    union all select 'report', f.report_id from referrals f where f.profile_id = ${profileId} and f.report_id is not null
    union all select 'access_request', q.id from access_requests q where q.record_kind = 'profile' and q.record_id = ${profileId}`;
  const own = count(await tx.execute(sql`
    delete from audit_values v
     using (${items}) i, audit_events e
     where e.entity_type = i.t and e.entity_id = i.id and v.event_id = e.id`));
  if (tokens.length === 0) return { own, free: 0 };
  const patterns = sql`array[${sql.join(tokens.map((t) => sql`${`%${escapeLike(t)}%`}`), sql`, `)}]::text[]`;
  const actions = sql`array[${sql.join(freeValueActions.map((a) => sql`${a}`), sql`, `)}]::text[]`;
  const free = count(await tx.execute(sql`
    delete from audit_values v
     using audit_events e
     where e.action = any(${actions}) and e.partnership_id = ${partnershipId} and v.event_id = e.id
       and concat_ws(' ', v.reason, v.changes::text, v.details::text) ilike any(${patterns})`));
  return { own, free };
}

// ---------------------------------------------------------------------------------------------
// Cases.
// ---------------------------------------------------------------------------------------------

export interface CasePerson { id: string; anonymisedAt: Date | null; onOtherOpenCase: boolean; held: boolean; subjectAccessOpen: boolean }

/** A subject access request about the person still being answered, or ready and not yet downloaded for its time. */
const subjectAccessOpenOf = (profileId: SQL) => sql`exists (select 1 from subject_access_requests s
  where s.profile_id = ${profileId} and s.status in ('queued', 'collecting', 'in_review', 'packaging', 'ready'))`;

export async function subjectAccessOpen(tx: Tx, profileId: string): Promise<boolean> {
  const { rows: [row] } = await tx.execute<{ open: boolean }>(sql`select ${subjectAccessOpenOf(sql`${profileId}::uuid`)} as open`);
  return row?.open ?? false;
}

/** The case's people, each with what would stop anonymising them with it. */
export async function casePeople(tx: Tx, caseId: string): Promise<CasePerson[]> {
  const { rows } = await tx.execute<{ id: string; anonymised_at: Date | null; other_open: boolean; held: boolean; sar_open: boolean }>(sql`
    select p.id, p.anonymised_at, ${subjectAccessOpenOf(sql`p.id`)} as sar_open,
           exists (select 1 from case_profiles o join cases c on c.id = o.case_id
                    where o.profile_id = p.id and o.case_id <> ${caseId} and c.status <> 'closed' and c.closed_at is null) as other_open,
           exists (select 1 from legal_holds h where h.lifted_at is null
                    and ((h.record_kind = 'profile' and h.record_id = p.id)
                      or (h.record_kind = 'case' and h.record_id in (select o.case_id from case_profiles o where o.profile_id = p.id and o.case_id <> ${caseId})))) as held
      from case_profiles cp join profiles p on p.id = cp.profile_id
     where cp.case_id = ${caseId} and p.merged_into_id is null
     order by p.id`);
  return rows.map((r) => ({ id: r.id, anonymisedAt: asDate(r.anonymised_at), onOtherOpenCase: r.other_open, held: r.held, subjectAccessOpen: r.sar_open }));
}

/** The case's own free text: its title becomes "Anonymised case <reference>", its summary, outcome and reports go. */
export async function anonymiseCase(tx: Tx, caseId: string): Promise<Record<string, number>> {
  const removed = removedText;
  const counts: Record<string, number> = {};
  counts.case = count(await tx.execute(sql`
    update cases set title = 'Anonymised case ' || reference, search_text = lower(reference || ' anonymised case'), summary = null,
           outcome = case when outcome is null then null else ${removed} end, closure_reason = case when closure_reason is null then null else ${removed} end,
           anonymised_at = now(), version = version + 1, updated_at = now()
     where id = ${caseId}`));
  counts.report_versions = count(await tx.execute(sql`
    update report_versions set body_html = ${`<p>${removed}</p>`} where report_id in (select r.id from reports r where r.record_kind = 'case' and r.record_id = ${caseId})`));
  counts.reports = count(await tx.execute(sql`update reports set body_html = ${`<p>${removed}</p>`}, body_text = ${removed} where record_kind = 'case' and record_id = ${caseId}`));
  counts.tasks = count(await tx.execute(sql`update tasks set title = ${removed}, description = null, result = null, decline_reason = null where record_kind = 'case' and record_id = ${caseId}`));
  counts.task_updates = count(await tx.execute(sql`
    update task_updates set note = ${removed} where note is not null and task_id in (select k.id from tasks k where k.record_kind = 'case' and k.record_id = ${caseId})`));
  counts.actions = count(await tx.execute(sql`update actions set title = ${removed}, notes = null where record_kind = 'case' and record_id = ${caseId}`));
  counts.interventions = count(await tx.execute(sql`update case_interventions set notes = null where case_id = ${caseId}`));
  return counts;
}

/** Erases the values of the events about the case and what is on it. */
export async function eraseCaseAuditValues(tx: Tx, caseId: string): Promise<number> {
  return count(await tx.execute(sql`
    delete from audit_values v
     using (select 'case'::text as t, ${caseId}::uuid as id
            union all select 'report', r.id from reports r where r.record_kind = 'case' and r.record_id = ${caseId}
            union all select 'document', d.id from documents d where d.record_kind = 'case' and d.record_id = ${caseId}
            union all select 'task', k.id from tasks k where k.record_kind = 'case' and k.record_id = ${caseId}
            union all select 'action', n.id from actions n where n.record_kind = 'case' and n.record_id = ${caseId}
            union all select 'assessment', a.id from assessments a where a.record_kind = 'case' and a.record_id = ${caseId}) i, audit_events e
     where e.entity_type = i.t and e.entity_id = i.id and v.event_id = e.id`));
}

// ---------------------------------------------------------------------------------------------
// Deleting a record and what hangs on it (D17). The access lists are deleted here, not through
// the sharing module, as profile merges do: the record they grant goes with them.
// ---------------------------------------------------------------------------------------------

/** Files of everything on a case, for the caller to forget and delete. */
export async function caseFiles(tx: Tx, caseId: string): Promise<{ id: string; storageKey: string }[]> {
  const { rows } = await tx.execute<{ id: string; storage_key: string }>(sql`
    select f.id, f.storage_key from stored_files f
     where f.id in (select v.stored_file_id from document_versions v join documents d on d.id = v.document_id where d.record_kind = 'case' and d.record_id = ${caseId})`);
  return rows.map((r) => ({ id: r.id, storageKey: r.storage_key }));
}

/** Deletes what hangs on a profile or case by its kind and id: reports, documents, tasks, reminders, assessments and interests. */
async function deleteRecordWork(tx: Tx, kind: 'profile' | 'case', id: string, counts: Record<string, number>) {
  const on = sql`record_kind = ${kind} and record_id = ${id}`;
  const run = async (name: string, statement: SQL) => {
    counts[name] = (counts[name] ?? 0) + count(await tx.execute(statement));
  };
  const reportsOn = sql`select id from reports where ${on}`;
  const assessmentsOn = sql`select id from assessments where ${on}`;
  const tasksOn = sql`select id from tasks where ${on}`;
  const actionsOn = sql`select id from actions where ${on}`;
  const documentsOn = sql`select id from documents where ${on}`;
  await run('links_cleared', sql`update victim_contacts set report_id = null where report_id in (${reportsOn})`);
  await run('links_cleared', sql`update documents set report_id = null where report_id in (${reportsOn})`);
  await run('links_cleared', sql`update referrals set report_id = null where report_id in (${reportsOn})`);
  await run('report_versions', sql`delete from report_versions where report_id in (${reportsOn})`);
  await run('reports', sql`delete from reports where ${on}`);
  await run('assessment_requirements', sql`delete from assessment_requirements where ${on} or raised_by_assessment_id in (${assessmentsOn})`);
  await run('links_cleared', sql`update assessment_requirements set met_by_assessment_id = null where met_by_assessment_id in (${assessmentsOn})`);
  await run('assessment_information_requests', sql`delete from assessment_information_requests where assessment_id in (${assessmentsOn}) or task_id in (${tasksOn})`);
  await run('risk_level_changes', sql`delete from risk_level_changes where assessment_id in (${assessmentsOn})`);
  await run('links_cleared', sql`update panel_referrals set latest_assessment_id = null where latest_assessment_id in (${assessmentsOn})`);
  await run('links_cleared', sql`update referrals set assessment_id = null where assessment_id in (${assessmentsOn})`);
  await run('assessments', sql`delete from assessments where ${on}`);
  await run('portal_documents', sql`delete from portal_documents where document_id in (${documentsOn})`);
  await run('document_versions', sql`delete from document_versions where document_id in (${documentsOn})`);
  await run('documents', sql`delete from documents where ${on}`);
  await run('portal_tasks', sql`delete from portal_tasks where task_id in (${tasksOn})`);
  await run('agenda_actions', sql`delete from agenda_actions where task_id in (${tasksOn})`);
  await run('task_updates', sql`delete from task_updates where task_id in (${tasksOn})`);
  await run('task_watchers', sql`delete from task_watchers where task_id in (${tasksOn})`);
  await run('tasks', sql`delete from tasks where ${on}`);
  await run('links_cleared', sql`update case_reviews set reminder_action_id = null where reminder_action_id in (${actionsOn})`);
  await run('links_cleared', sql`update assessments set review_action_id = null where review_action_id in (${actionsOn})`);
  await run('links_cleared', sql`update assessment_requirements set action_id = null where action_id in (${actionsOn})`);
  await run('action_recipients', sql`delete from action_recipients where action_id in (${actionsOn})`);
  await run('actions', sql`delete from actions where ${on}`);
  await run('record_interests', sql`delete from record_interests where ${on}`);
  await run('access_requests', sql`delete from access_requests where ${on}`);
  await run('notifications', sql`update notifications set record_kind = null, record_id = null where ${on}`);
}

/** Deletes a person and everything on their record; the caller anonymised them first, so referrals about them keep nobody. */
export async function deleteProfile(tx: Tx, id: string): Promise<Record<string, number>> {
  const { counts, run } = counted(tx);
  await deleteRecordWork(tx, 'profile', id, counts);
  await run('risk_level_changes', sql`delete from risk_level_changes where profile_id = ${id}`);
  await run('victim_contacts', sql`delete from victim_contacts where profile_id = ${id}`);
  await run('contact_plans', sql`delete from contact_plans where profile_id = ${id}`);
  await run('community_trigger_flags', sql`delete from community_trigger_flags where profile_id = ${id}`);
  await run('case_reviews', sql`delete from case_reviews where profile_id = ${id}`);
  await run('message_attachments', sql`delete from message_attachments where profile_id = ${id}`);
  await run('messages', sql`delete from messages where profile_id = ${id}`);
  await run('appointments', sql`delete from appointments where profile_id = ${id}`);
  await run('portal_documents', sql`delete from portal_documents where profile_id = ${id}`);
  await run('portal_tasks', sql`delete from portal_tasks where profile_id = ${id}`);
  await run('safety_plans', sql`delete from safety_plans where profile_id = ${id}`);
  await run('portal_sessions', sql`delete from portal_sessions where access_id in (select x.id from portal_access x where x.profile_id = ${id})`);
  await run('portal_codes', sql`delete from portal_codes where access_id in (select x.id from portal_access x where x.profile_id = ${id})`);
  await run('portal_access', sql`delete from portal_access where profile_id = ${id}`);
  await run('lawful_bases', sql`delete from profile_lawful_bases where profile_id = ${id}`);
  await run('subject_access_reviews', sql`delete from subject_access_reviews where request_id in (select s.id from subject_access_requests s where s.profile_id = ${id})`);
  await run('subject_access_requests', sql`delete from subject_access_requests where profile_id = ${id}`);
  await run('emergency_accesses', sql`delete from emergency_accesses where profile_id = ${id}`);
  await run('scheme_lookups', sql`delete from scheme_lookups where cardholder_id in (select c.id from cardholders c where c.profile_id = ${id})`);
  await run('scheme_cards', sql`delete from scheme_cards where cardholder_id in (select c.id from cardholders c where c.profile_id = ${id})`);
  await run('scheme_applications', sql`delete from scheme_applications where profile_id = ${id}`);
  await run('cardholders', sql`delete from cardholders where profile_id = ${id}`);
  await run('panel_referrals', sql`delete from agenda_research where item_id in (select i.id from agenda_items i join panel_referrals r on r.id = i.referral_id where r.record_kind = 'profile' and r.record_id = ${id})`);
  await run('agenda_item_versions', sql`delete from agenda_item_versions where item_id in (select i.id from agenda_items i join panel_referrals r on r.id = i.referral_id where r.record_kind = 'profile' and r.record_id = ${id})`);
  await run('agenda_items', sql`delete from agenda_items where referral_id in (select r.id from panel_referrals r where r.record_kind = 'profile' and r.record_id = ${id})`);
  await run('panel_referrals', sql`delete from panel_referrals where record_kind = 'profile' and record_id = ${id}`);
  await run('referrals', sql`update referrals set profile_id = null where profile_id = ${id}`);
  await run('names', sql`delete from profile_names where profile_id = ${id}`);
  await run('addresses', sql`delete from profile_addresses where profile_id = ${id}`);
  await run('vulnerabilities', sql`delete from profile_vulnerabilities where profile_id = ${id}`);
  await run('warning_markers', sql`delete from profile_warning_markers where profile_id = ${id}`);
  await run('relationships', sql`delete from profile_relationships where from_profile_id = ${id} or to_profile_id = ${id}`);
  await run('case_links', sql`delete from case_profiles where profile_id = ${id}`);
  await run('access', sql`delete from profile_access where record_id = ${id}`);
  await run('holds', sql`delete from legal_holds where record_kind = 'profile' and record_id = ${id}`);
  // Duplicates merged into them were redirects to them: they go too, once emptied by the merge.
  await run('merged_duplicates', sql`delete from profile_access where record_id in (select p.id from profiles p where p.merged_into_id = ${id})`);
  await run('merged_duplicates', sql`delete from profile_names where profile_id in (select p.id from profiles p where p.merged_into_id = ${id})`);
  await run('merged_duplicates', sql`delete from profiles where merged_into_id = ${id}`);
  await run('profile', sql`delete from profiles where id = ${id}`);
  return counts;
}

/** Deletes a case and everything on it; its people stay (a retention decision on them is their own). */
export async function deleteCase(tx: Tx, id: string): Promise<Record<string, number>> {
  const { counts, run } = counted(tx);
  await deleteRecordWork(tx, 'case', id, counts);
  await run('action_plans', sql`delete from action_plans where case_id = ${id}`);
  await run('interventions', sql`delete from case_interventions where case_id = ${id}`);
  await run('case_links', sql`delete from case_profiles where case_id = ${id}`);
  await run('location_links', sql`delete from case_locations where case_id = ${id}`);
  await run('sub_cases', sql`update cases set parent_case_id = null where parent_case_id = ${id}`);
  await run('portal_access', sql`update portal_access set end_with_case_id = null where end_with_case_id = ${id}`);
  await run('referrals', sql`update referrals set case_id = null where case_id = ${id}`);
  await run('contact_plans', sql`update contact_plans set case_id = null where case_id = ${id}`);
  await run('access', sql`delete from case_access where record_id = ${id}`);
  await run('holds', sql`delete from legal_holds where record_kind = 'case' and record_id = ${id}`);
  await run('case', sql`delete from cases where id = ${id}`);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Rules.
// ---------------------------------------------------------------------------------------------

export type RuleRow = {
  id: string; record_kind: RetentionRecordKind; case_type_id: string | null; case_type_name: string | null;
  starts_from: RetentionStart; keep_months: number; active: boolean; version: number;
};

const ruleColumns = sql`r.id, r.record_kind, r.case_type_id, l.name as case_type_name, r.starts_from, r.keep_months, r.active, r.version`;

export async function listRules(tx: Tx, partnershipId: string): Promise<RuleRow[]> {
  const { rows } = await tx.execute<RuleRow>(sql`
    select ${ruleColumns} from retention_rules r left join lookups l on l.id = r.case_type_id
     where r.partnership_id = ${partnershipId}
     order by r.active desc, r.record_kind, l.name nulls first, r.created_at`);
  return rows;
}

export async function getRule(tx: Tx, id: string): Promise<(RuleRow & { partnership_id: string }) | null> {
  const { rows } = await tx.execute<RuleRow & { partnership_id: string }>(sql`
    select ${ruleColumns}, r.partnership_id from retention_rules r left join lookups l on l.id = r.case_type_id where r.id = ${id}`);
  return rows[0] ?? null;
}

/** Whether an active rule already covers the kind and case type. */
export async function activeRuleExists(tx: Tx, partnershipId: string, kind: RetentionRecordKind, caseTypeId: string | null, except: string | null): Promise<boolean> {
  const { rows } = await tx.execute(sql`
    select 1 from retention_rules where partnership_id = ${partnershipId} and record_kind = ${kind} and active
       and case_type_id is not distinct from ${caseTypeId}::uuid and id is distinct from ${except}::uuid`);
  return rows.length > 0;
}

export async function insertRule(tx: Tx, values: { partnershipId: string; recordKind: RetentionRecordKind; caseTypeId: string | null; startsFrom: RetentionStart; keepMonths: number; active: boolean; createdBy: string }): Promise<string> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    insert into retention_rules (id, partnership_id, record_kind, case_type_id, starts_from, keep_months, active, created_by)
    values (${uuidv7()}, ${values.partnershipId}, ${values.recordKind}, ${values.caseTypeId}, ${values.startsFrom}, ${values.keepMonths}, ${values.active}, ${values.createdBy})
    returning id`);
  return rows[0]!.id;
}

export async function updateRule(tx: Tx, id: string, version: number, changes: { keepMonths: number; active: boolean }): Promise<boolean> {
  return count(await tx.execute(sql`
    update retention_rules set keep_months = ${changes.keepMonths}, active = ${changes.active}, version = version + 1, updated_at = now()
     where id = ${id} and version = ${version}`)) === 1;
}

// ---------------------------------------------------------------------------------------------
// The sweep: records past their rule's time become pending reviews.
// ---------------------------------------------------------------------------------------------

/**
 * Each active rule's records past due, not held, not anonymised, with no pending review and not
 * kept beyond today, become pending reviews, `limit` at a time. A case type's own rule is taken
 * over the rule for every case. Cases count from closing; people from the last change to them or
 * the latest report or victim contact, while they are on no open case; cardholders from leaving
 * the scheme. Returns the owning organisations that gained reviews, with how many.
 */
export async function sweepRule(tx: Tx, rule: { id: string; partnershipId: string; recordKind: RetentionRecordKind; caseTypeId: string | null; keepMonths: number }, limit: number): Promise<{ organisationId: string; added: number }[]> {
  const months = sql`make_interval(months => ${rule.keepMonths})`;
  const notDecided = (kind: string, id: SQL) => sql`
        not exists (select 1 from retention_reviews x where x.record_kind = ${kind} and x.record_id = ${id}
                     and (x.status = 'pending' or (x.status = 'kept' and x.keep_until > current_date)))`;
  const notHeld = (kind: string, id: SQL) => sql`not exists (select 1 from legal_holds h where h.lifted_at is null and h.record_kind = ${kind} and h.record_id = ${id})`;
  let candidates: SQL;
  if (rule.recordKind === 'case') {
    const typeMatch = rule.caseTypeId
      ? sql`c.case_type_id = ${rule.caseTypeId}`
      : sql`not exists (select 1 from retention_rules o where o.partnership_id = c.partnership_id and o.active and o.record_kind = 'case' and o.case_type_id = c.case_type_id)`;
    // A case closes on its recorded end date where it has one (a case closed on paper years
    // before it was keyed in), otherwise on the London day it was closed in Concord.
    const closedOn = sql`coalesce(c.end_date, (c.closed_at at time zone 'Europe/London')::date)`;
    candidates = sql`
      select c.id as record_id, c.owner_team_id, t.organisation_id, (${closedOn} + ${months})::date as due_on
        from cases c join teams t on t.id = c.owner_team_id
       where c.partnership_id = ${rule.partnershipId} and c.closed_at is not null and ${closedOn} + ${months} <= current_date
         and c.anonymised_at is null and ${typeMatch}
         and ${notHeld('case', sql`c.id`)} and ${notDecided('case', sql`c.id`)}`;
  } else if (rule.recordKind === 'profile') {
    candidates = sql`
      select p.id as record_id, p.owner_team_id, t.organisation_id, (last.at + ${months})::date as due_on
        from profiles p join teams t on t.id = p.owner_team_id
        cross join lateral (select greatest(p.updated_at,
                   (select max(r.occurred_at) from reports r where r.record_kind = 'profile' and r.record_id = p.id),
                   (select max(v.at) from victim_contacts v where v.profile_id = p.id)) as at) last
       where p.partnership_id = ${rule.partnershipId} and p.merged_into_id is null and p.anonymised_at is null
         and last.at + ${months} <= now()
         and not exists (select 1 from case_profiles cp join cases c on c.id = cp.case_id where cp.profile_id = p.id and c.closed_at is null)
         and ${notHeld('profile', sql`p.id`)} and ${notDecided('profile', sql`p.id`)}`;
  } else {
    candidates = sql`
      select h.id as record_id, s.team_id as owner_team_id, t.organisation_id, (h.left_on + ${months})::date as due_on
        from cardholders h join schemes s on s.id = h.scheme_id join teams t on t.id = s.team_id
       where h.partnership_id = ${rule.partnershipId} and h.left_on is not null and h.left_on + ${months} <= current_date
         and ${notDecided('cardholder', sql`h.id`)}`;
  }
  const { rows } = await tx.execute<{ organisation_id: string; added: number }>(sql`
    with added as (
      insert into retention_reviews (id, partnership_id, record_kind, record_id, rule_id, owner_team_id, owner_organisation_id, due_on)
      select gen_random_uuid(), ${rule.partnershipId}, ${rule.recordKind}, c.record_id, ${rule.id}, c.owner_team_id, c.organisation_id, c.due_on
        from (${candidates} limit ${limit}) c
      on conflict do nothing
      returning owner_organisation_id)
    select owner_organisation_id as organisation_id, count(*)::int as added from added group by owner_organisation_id`);
  return rows.map((r) => ({ organisationId: r.organisation_id, added: r.added }));
}

/** Every partnership's active rules, or one partnership's. */
export async function activeRules(tx: Tx, partnershipId: string | null) {
  const { rows } = await tx.execute<{ id: string; partnership_id: string; record_kind: RetentionRecordKind; case_type_id: string | null; keep_months: number }>(sql`
    select id, partnership_id, record_kind, case_type_id, keep_months from retention_rules
     where active ${partnershipId ? sql`and partnership_id = ${partnershipId}` : sql``}
     order by partnership_id, (case_type_id is null), id`);
  return rows.map((r) => ({ id: r.id, partnershipId: r.partnership_id, recordKind: r.record_kind, caseTypeId: r.case_type_id, keepMonths: r.keep_months }));
}

/** An organisation's administrators, and the partnership's system administrators, who decide its reviews. */
export async function reviewersOf(tx: Tx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const { rows } = await tx.execute<{ id: string; organisation_id: string }>(sql`
    select u.id, t.organisation_id from users u join teams t on t.id = u.team_id
     where u.disabled_at is null and u.role = 'organisation_admin' and t.organisation_id = any(${uuids(organisationIds)})`);
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id }));
}

// ---------------------------------------------------------------------------------------------
// The queue.
// ---------------------------------------------------------------------------------------------

export type ReviewRow = {
  id: string; partnership_id: string; record_kind: RetentionRecordKind; record_id: string; rule_id: string;
  rule_kind: RetentionRecordKind; rule_starts_from: RetentionStart; rule_keep_months: number; case_type_name: string | null;
  owner_team_id: string; owner_team_name: string; owner_organisation_id: string; owner_organisation_name: string;
  due_on: string; status: RetentionReviewStatus; decided_by: string | null; decided_by_name: string | null; decided_at: Date | null;
  keep_until: string | null; reason: string | null; title: string | null; reference: string | null; held: boolean;
};

const reviewSelect = sql`
  select v.id, v.partnership_id, v.record_kind, v.record_id, v.rule_id, r.record_kind as rule_kind, r.starts_from as rule_starts_from,
         r.keep_months as rule_keep_months, l.name as case_type_name,
         v.owner_team_id, t.name as owner_team_name, v.owner_organisation_id, o.name as owner_organisation_name,
         v.due_on::text as due_on, v.status, v.decided_by, u.name as decided_by_name, v.decided_at, v.keep_until::text as keep_until, v.reason,
         case v.record_kind when 'profile' then (select p.first_name || ' ' || p.last_name from profiles p where p.id = v.record_id)
                            when 'case' then (select c.title from cases c where c.id = v.record_id)
                            else (select p.first_name || ' ' || p.last_name from cardholders h join profiles p on p.id = h.profile_id where h.id = v.record_id) end as title,
         case when v.record_kind = 'case' then (select c.reference from cases c where c.id = v.record_id) end as reference,
         exists (select 1 from legal_holds h where h.lifted_at is null and h.record_kind = v.record_kind and h.record_id = v.record_id) as held
    from retention_reviews v
    join retention_rules r on r.id = v.rule_id
    left join lookups l on l.id = r.case_type_id
    join teams t on t.id = v.owner_team_id
    join organisations o on o.id = v.owner_organisation_id
    left join users u on u.id = v.decided_by`;

export async function listReviews(tx: Tx, filter: {
  partnershipId: string; organisationId: string | null; decided: boolean; recordKind: RetentionRecordKind | null; after: [string, string] | null; limit: number;
}): Promise<ReviewRow[]> {
  const conditions: SQL[] = [sql`v.partnership_id = ${filter.partnershipId}`, filter.decided ? sql`v.status <> 'pending'` : sql`v.status = 'pending'`];
  if (filter.organisationId) conditions.push(sql`v.owner_organisation_id = ${filter.organisationId}`);
  if (filter.recordKind) conditions.push(sql`v.record_kind = ${filter.recordKind}`);
  if (filter.after) conditions.push(sql`(v.due_on, v.id) > (${filter.after[0]}::date, ${filter.after[1]}::uuid)`);
  const { rows } = await tx.execute<ReviewRow>(sql`${reviewSelect} where ${sql.join(conditions, sql` and `)} order by v.due_on, v.id limit ${filter.limit + 1}`);
  return rows.map((r) => withDates(r, ['decided_at']));
}

export async function getReview(tx: Tx, id: string, lock: boolean): Promise<ReviewRow | null> {
  const { rows } = await tx.execute<ReviewRow>(sql`${reviewSelect} where v.id = ${id} ${lock ? sql`for update of v` : sql``}`);
  return rows[0] ? withDates(rows[0], ['decided_at']) : null;
}

export async function decideReview(tx: Tx, id: string, values: { status: Exclude<RetentionReviewStatus, 'pending'>; decidedBy: string; keepUntil: string | null; reason: string }): Promise<boolean> {
  return count(await tx.execute(sql`
    update retention_reviews set status = ${values.status}, decided_by = ${values.decidedBy}, decided_at = now(), keep_until = ${values.keepUntil}, reason = ${values.reason}
     where id = ${id} and status = 'pending'`)) === 1;
}

/** A decision made outside the queue (anonymising from the profile) closes its pending review too. */
export async function closePendingReview(tx: Tx, kind: RetentionRecordKind, recordId: string, status: 'anonymised' | 'deleted', decidedBy: string, reason: string): Promise<string | null> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    update retention_reviews set status = ${status}, decided_by = ${decidedBy}, decided_at = now(), reason = ${reason}
     where record_kind = ${kind} and record_id = ${recordId} and status = 'pending' returning id`);
  return rows[0]?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Legal holds.
// ---------------------------------------------------------------------------------------------

export type HoldRow = {
  id: string; partnership_id: string; record_kind: HoldRecordKind; record_id: string; reason: string;
  placed_by: string | null; placed_by_name: string | null; placed_at: Date; lifted_by: string | null; lifted_by_name: string | null;
  lifted_at: Date | null; lift_reason: string | null; title: string | null; reference: string | null;
  owner_team_id: string; owner_organisation_id: string;
};

const holdSelect = sql`
  select h.id, h.partnership_id, h.record_kind, h.record_id, h.reason, h.placed_by, pb.name as placed_by_name, h.placed_at,
         h.lifted_by, lb.name as lifted_by_name, h.lifted_at, h.lift_reason,
         coalesce(p.first_name || ' ' || p.last_name, c.title) as title, c.reference,
         coalesce(p.owner_team_id, c.owner_team_id) as owner_team_id, t.organisation_id as owner_organisation_id
    from legal_holds h
    left join profiles p on h.record_kind = 'profile' and p.id = h.record_id
    left join cases c on h.record_kind = 'case' and c.id = h.record_id
    join teams t on t.id = coalesce(p.owner_team_id, c.owner_team_id)
    left join users pb on pb.id = h.placed_by
    left join users lb on lb.id = h.lifted_by`;

export async function listHolds(tx: Tx, filter: { partnershipId: string; organisationId: string | null; active: boolean; before: [string, string] | null; limit: number }): Promise<HoldRow[]> {
  const conditions: SQL[] = [sql`h.partnership_id = ${filter.partnershipId}`, filter.active ? sql`h.lifted_at is null` : sql`h.lifted_at is not null`];
  if (filter.organisationId) conditions.push(sql`t.organisation_id = ${filter.organisationId}`);
  if (filter.before) conditions.push(sql`(h.placed_at, h.id) < (${filter.before[0]}::timestamptz, ${filter.before[1]}::uuid)`);
  const { rows } = await tx.execute<HoldRow>(sql`${holdSelect} where ${sql.join(conditions, sql` and `)} order by h.placed_at desc, h.id desc limit ${filter.limit + 1}`);
  return rows.map((r) => withDates(r, ['placed_at', 'lifted_at']));
}

export async function getHold(tx: Tx, id: string): Promise<HoldRow | null> {
  const { rows } = await tx.execute<HoldRow>(sql`${holdSelect} where h.id = ${id}`);
  return rows[0] ? withDates(rows[0], ['placed_at', 'lifted_at']) : null;
}

export async function insertHold(tx: Tx, values: { partnershipId: string; recordKind: HoldRecordKind; recordId: string; reason: string; placedBy: string }): Promise<string> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    insert into legal_holds (id, partnership_id, record_kind, record_id, reason, placed_by)
    values (${uuidv7()}, ${values.partnershipId}, ${values.recordKind}, ${values.recordId}, ${values.reason}, ${values.placedBy}) returning id`);
  return rows[0]!.id;
}

export async function liftHold(tx: Tx, id: string, liftedBy: string, reason: string): Promise<boolean> {
  return count(await tx.execute(sql`
    update legal_holds set lifted_by = ${liftedBy}, lifted_at = now(), lift_reason = ${reason} where id = ${id} and lifted_at is null`)) === 1;
}
