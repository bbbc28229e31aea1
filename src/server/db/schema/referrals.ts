import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FormDefinition } from '../../../shared/forms/definition.ts';
import {
  lawfulBases, referralChannels, referralDecisions, referralFormPurposes, referralFormStatuses, referralStates,
} from '../../../shared/referrals.ts';
import { profileRoles } from '../../../shared/records.ts';
import { apiTokens } from './auth.ts';
import { assessments, assessmentTemplates, assessmentTemplateVersions } from './assessments.ts';
import { cases } from './cases.ts';
import { at, id, timestamps, version } from './columns.ts';
import { profiles } from './profiles.ts';
import { reports } from './reports.ts';
import { inList } from './sharing.ts';
import { partnerships, teams, users } from './structure.ts';

/**
 * A referral form a team publishes at /refer/<slug>: its settings here, its questions in
 * `referral_form_versions` (a change to them makes a new version; a referral keeps the one it was
 * sent with). A form built from an assessment template asks that template's questions.
 */
export const referralForms = pgTable('referral_forms', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  introduction: text('introduction'),
  privacyNotice: text('privacy_notice').notNull(),
  lawfulBasis: text('lawful_basis', { enum: lawfulBases }).notNull(),
  sensitive: boolean('sensitive').notNull().default(false),
  decisionDays: integer('decision_days').notNull(),
  subjectRole: text('subject_role', { enum: profileRoles }),
  status: text('status', { enum: referralFormStatuses }).notNull(),
  /** A referral, or an application to a scheme the team runs: the public pages word themselves by it. */
  purpose: text('purpose', { enum: referralFormPurposes }).notNull().default('referral'),
  templateId: uuid('template_id').references(() => assessmentTemplates.id),
  /** The version the public page asks now. */
  formVersion: integer('form_version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  // Slugs are one namespace: /refer/<slug> carries no partnership.
  uniqueIndex('referral_forms_slug_key').on(t.slug),
  index('referral_forms_team_idx').on(t.teamId),
  check('referral_forms_status_check', sql`${t.status} in (${inList(referralFormStatuses)})`),
  check('referral_forms_lawful_basis_check', sql`${t.lawfulBasis} in (${inList(lawfulBases)})`),
  check('referral_forms_subject_role_check', sql`${t.subjectRole} in (${inList(profileRoles)})`),
  check('referral_forms_purpose_check', sql`${t.purpose} in (${inList(referralFormPurposes)})`),
  check('referral_forms_decision_days_check', sql`${t.decisionDays} between 0 and 60`),
]);

export const referralFormVersions = pgTable('referral_form_versions', {
  id: id(),
  formId: uuid('form_id').notNull().references(() => referralForms.id),
  version: integer('version').notNull(),
  definition: jsonb('definition').$type<FormDefinition>().notNull(),
  /** The template version the questions were copied from, which an accepted referral's assessment is made with. */
  templateVersionId: uuid('template_version_id').references(() => assessmentTemplateVersions.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('referral_form_versions_form_version_key').on(t.formId, t.version),
]);

/**
 * A referral on a team's triage desk. Everything the referrer said is sealed (AES-256-GCM under a
 * data key wrapped by the configured key, platform/crypto/envelope.ts): `sealed_subject` holds the
 * person's name and date of birth (small, for the desk's list), `sealed_submission` the referrer,
 * the rest of the subject, the answers and the concern. Nothing personal is stored in clear.
 */
export const referrals = pgTable('referrals', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  formId: uuid('form_id').references(() => referralForms.id),
  formVersionId: uuid('form_version_id').references(() => referralFormVersions.id),
  reference: text('reference').notNull(),
  channel: text('channel', { enum: referralChannels }).notNull(),
  status: text('status', { enum: referralStates }).notNull().default('new'),
  receivedAt: at('received_at').notNull(),
  /** The clock: due by then; while `paused_at` is set it stands still, and on resuming moves on by the pause. */
  decisionDueAt: at('decision_due_at').notNull(),
  pausedAt: at('paused_at'),
  assignedToId: uuid('assigned_to_id').references(() => users.id),
  sealedSubject: text('sealed_subject').notNull(),
  sealedSubmission: text('sealed_submission').notNull(),
  consent: boolean('consent').notNull(),
  /** Staff who keyed it in; an API token for another system's; neither for the public form. */
  createdBy: uuid('created_by').references(() => users.id),
  apiTokenId: uuid('api_token_id').references(() => apiTokens.id),
  decision: text('decision', { enum: referralDecisions }),
  decisionReason: text('decision_reason'),
  decidedAt: at('decided_at'),
  decidedBy: uuid('decided_by').references(() => users.id),
  caseId: uuid('case_id').references(() => cases.id),
  profileId: uuid('profile_id').references(() => profiles.id),
  reportId: uuid('report_id').references(() => reports.id),
  assessmentId: uuid('assessment_id').references(() => assessments.id),
  signpostedTo: text('signposted_to'),
  /** When the team's supervisors were told the decision is overdue; cleared when the clock moves, so they hear once per due time. */
  supervisorsAlertedAt: at('supervisors_alerted_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('referrals_reference_key').on(t.reference),
  // The desk: a team's referrals in a state, most urgent first.
  index('referrals_desk_idx').on(t.teamId, t.status, t.decisionDueAt, t.id),
  // The desk's decided and withdrawn ones, latest first (the same expression as the list's order).
  index('referrals_desk_finished_idx').on(t.teamId, t.status, sql`coalesce(${t.decidedAt}, ${t.updatedAt})`, t.id),
  index('referrals_team_received_idx').on(t.teamId, t.receivedAt),
  // The overdue sweep: open referrals on the clock whose supervisors have not heard of this due time.
  index('referrals_overdue_idx').on(t.decisionDueAt)
    .where(sql`${t.status} in ('new', 'in-triage') and ${t.pausedAt} is null and ${t.supervisorsAlertedAt} is null`),
  check('referrals_status_check', sql`${t.status} in (${inList(referralStates)})`),
  check('referrals_channel_check', sql`${t.channel} in (${inList(referralChannels)})`),
  check('referrals_decision_check', sql`${t.decision} in (${inList(referralDecisions)})`),
]);

/** The desk's working notes on a referral, sealed like the referral. */
export const referralNotes = pgTable('referral_notes', {
  id: id(),
  referralId: uuid('referral_id').notNull().references(() => referrals.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  sealedText: text('sealed_text').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [index('referral_notes_referral_idx').on(t.referralId, t.createdAt)]);

/** Each step of a referral's state machine: its history on the desk (the audit trail holds it too). */
export const referralEvents = pgTable('referral_events', {
  id: id(),
  referralId: uuid('referral_id').notNull().references(() => referrals.id),
  at: at('at').notNull().defaultNow(),
  step: text('step').notNull(),
  fromStatus: text('from_status', { enum: referralStates }),
  toStatus: text('to_status', { enum: referralStates }).notNull(),
  /** Null for the referrer's reply and for the system. */
  userId: uuid('user_id').references(() => users.id),
  reason: text('reason'),
}, (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)]);

/**
 * A request to the referrer for more information: the question, sealed, and a single-use link
 * (its SHA-256 kept) to answer it on the same referral. The clock is paused until it is answered.
 */
export const referralInformationRequests = pgTable('referral_information_requests', {
  id: id(),
  referralId: uuid('referral_id').notNull().references(() => referrals.id),
  tokenHash: text('token_hash').notNull(),
  sealedQuestion: text('sealed_question').notNull(),
  askedBy: uuid('asked_by').notNull().references(() => users.id),
  askedAt: at('asked_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  answeredAt: at('answered_at'),
  answeredVia: text('answered_via', { enum: ['link', 'team'] }),
  sealedAnswer: text('sealed_answer'),
  ...timestamps,
}, (t) => [
  uniqueIndex('referral_information_requests_token_key').on(t.tokenHash),
  index('referral_information_requests_referral_idx').on(t.referralId),
]);
