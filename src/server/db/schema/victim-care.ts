import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { caseReviewStages, contactChannels, triggerBases, victimCareDefaults as defaults } from '../../../shared/victim-care.ts';
import { actions } from './tasks.ts';
import { at, id, timestamps, version } from './columns.ts';
import { cases } from './cases.ts';
import { profiles } from './profiles.ts';
import { reports } from './reports.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

/**
 * A partnership's victim care settings; without a row it keeps `victimCareDefaults`. Contact
 * cadence in days by the person's risk level, the days a contact may be overdue before the team's
 * supervisors are told, and the community trigger's threshold and local variants.
 */
export const victimCareSettings = pgTable('victim_care_settings', {
  partnershipId: uuid('partnership_id').primaryKey().references(() => partnerships.id),
  cadenceStandardDays: integer('cadence_standard_days').notNull().default(defaults.cadenceDays.standard),
  cadenceMediumDays: integer('cadence_medium_days').notNull().default(defaults.cadenceDays.medium),
  cadenceHighDays: integer('cadence_high_days').notNull().default(defaults.cadenceDays.high),
  cadenceNotAssessedDays: integer('cadence_not_assessed_days').notNull().default(defaults.cadenceDays.notAssessed),
  overdueGraceDays: integer('overdue_grace_days').notNull().default(defaults.overdueGraceDays),
  triggerComplaints: integer('trigger_complaints').notNull().default(defaults.communityTrigger.complaints),
  triggerMonths: integer('trigger_months').notNull().default(defaults.communityTrigger.months),
  /** Complaints about one place the victim lives; null when the partnership does not use this variant. */
  triggerLocationComplaints: integer('trigger_location_complaints').default(defaults.communityTrigger.locationComplaints),
  triggerAnyHateIncident: boolean('trigger_any_hate_incident').notNull().default(defaults.communityTrigger.anyHateIncident),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  check('victim_care_settings_cadence_check', sql`least(${t.cadenceStandardDays}, ${t.cadenceMediumDays}, ${t.cadenceHighDays}, ${t.cadenceNotAssessedDays}) >= 1`),
  check('victim_care_settings_grace_check', sql`${t.overdueGraceDays} >= 0`),
  check('victim_care_settings_trigger_check', sql`${t.triggerComplaints} >= 1 and ${t.triggerMonths} >= 1 and (${t.triggerLocationComplaints} is null or ${t.triggerLocationComplaints} >= 1)`),
]);

/**
 * How often, and how safely, a victim is contacted: one plan per person, optionally tied to the
 * case it serves. `nextContactDue` moves on only with a contact that reached them; the overdue
 * flag is worked out from it (before today in London), never stored.
 */
export const contactPlans = pgTable('contact_plans', {
  profileId: uuid('profile_id').primaryKey().references(() => profiles.id),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  caseId: uuid('case_id').references(() => cases.id),
  frequencyDays: integer('frequency_days').notNull(),
  preferredChannel: text('preferred_channel', { enum: contactChannels }),
  safeTimes: text('safe_times'),
  safeToText: boolean('safe_to_text').notNull().default(false),
  safeToVoicemail: boolean('safe_to_voicemail').notNull().default(false),
  safeToEmail: boolean('safe_to_email').notNull().default(false),
  safeToLetter: boolean('safe_to_letter').notNull().default(false),
  lastContactAt: at('last_contact_at'),
  nextContactDue: date('next_contact_due', { mode: 'string' }).notNull(),
  /** When the team's supervisors were told the contact is overdue; cleared when the due date moves, so they hear once per date. */
  supervisorsAlertedAt: at('supervisors_alerted_at'),
  setBy: uuid('set_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('contact_plans_partnership_due_idx').on(t.partnershipId, t.nextContactDue),
  // The overdue alert sweep: plans whose supervisors have not heard of the current date, by date.
  index('contact_plans_alert_idx').on(t.nextContactDue).where(sql`${t.supervisorsAlertedAt} is null`),
  index('contact_plans_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
  check('contact_plans_frequency_check', sql`${t.frequencyDays} between 1 and 365`),
  check('contact_plans_channel_check', sql`${t.preferredChannel} in (${inList(contactChannels)})`),
]);

/**
 * Every contact with a victim and every attempt: `reached` false is an attempt, kept but not a
 * contact. A "Victim update" report that recorded the contact is linked; its words stay in the report.
 */
export const victimContacts = pgTable('victim_contacts', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  at: at('at').notNull(),
  /** Null only for a contact a report recorded, which does not say how it was made. */
  channel: text('channel', { enum: contactChannels }),
  reached: boolean('reached').notNull(),
  voicemailLeft: boolean('voicemail_left').notNull().default(false),
  reportId: uuid('report_id').references(() => reports.id),
  note: text('note'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedByTeamId: uuid('recorded_by_team_id').notNull().references(() => teams.id),
  recordedByOrganisationId: uuid('recorded_by_organisation_id').notNull().references(() => organisations.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  // The victim's record of contacts and the profile's timeline, newest first.
  index('victim_contacts_profile_at_idx').on(t.profileId, t.at.desc(), t.id.desc()),
  uniqueIndex('victim_contacts_report_key').on(t.reportId).where(sql`${t.reportId} is not null`),
  check('victim_contacts_channel_check', sql`${t.channel} in (${inList(contactChannels)})`),
  check('victim_contacts_how_check', sql`${t.channel} is not null or ${t.reportId} is not null`),
]);

/**
 * A victim the community trigger flagged: raised by a report that reached the threshold, or by the
 * nightly sweep, with the counts that raised it. At most one open flag per person; a flag is
 * cleared when its case review closes, or by the sweep once the trigger is no longer met and no
 * review was opened.
 */
export const communityTriggerFlags = pgTable('community_trigger_flags', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  basis: text('basis', { enum: triggerBases }).notNull(),
  complaints: integer('complaints').notNull(),
  organisations: integer('organisations').notNull(),
  since: date('since', { mode: 'string' }),
  raisedAt: at('raised_at').notNull().defaultNow(),
  /** When the partnership's ASB coordinators were told. */
  alertedAt: at('alerted_at'),
  caseReviewId: uuid('case_review_id').references((): AnyPgColumn => caseReviews.id),
  clearedAt: at('cleared_at'),
}, (t) => [
  uniqueIndex('community_trigger_flags_open_key').on(t.profileId).where(sql`${t.clearedAt} is null`),
  // The complaints a cleared flag already weighed: its person's latest clearing.
  index('community_trigger_flags_cleared_idx').on(t.profileId, t.clearedAt).where(sql`${t.clearedAt} is not null`),
  index('community_trigger_flags_partnership_idx').on(t.partnershipId, t.raisedAt.desc(), t.id.desc()).where(sql`${t.clearedAt} is null`),
  check('community_trigger_flags_basis_check', sql`${t.basis} in (${inList(triggerBases)})`),
]);

/**
 * An ASB case review (Anti-social Behaviour, Crime and Policing Act 2014 s104), opened from a
 * flag or on a victim's own application. `stage` is the last step taken; each step's due date is
 * kept as its clock set it, and the owner has a reminder for the step waiting (`reminderActionId`).
 */
export const caseReviews = pgTable('case_reviews', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  flagId: uuid('flag_id').references(() => communityTriggerFlags.id),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  stage: text('stage', { enum: caseReviewStages }).notNull().default('application-received'),
  applicationReceivedOn: date('application_received_on', { mode: 'string' }).notNull(),
  thresholdDueOn: date('threshold_due_on', { mode: 'string' }).notNull(),
  thresholdDecidedOn: date('threshold_decided_on', { mode: 'string' }),
  thresholdMet: boolean('threshold_met'),
  meetingDueOn: date('meeting_due_on', { mode: 'string' }),
  meetingHeldOn: date('meeting_held_on', { mode: 'string' }),
  outcomeDueOn: date('outcome_due_on', { mode: 'string' }),
  outcomeSentOn: date('outcome_sent_on', { mode: 'string' }),
  outcome: text('outcome'),
  appealReceivedOn: date('appeal_received_on', { mode: 'string' }),
  appealDueOn: date('appeal_due_on', { mode: 'string' }),
  appealDecidedOn: date('appeal_decided_on', { mode: 'string' }),
  appealOutcome: text('appeal_outcome'),
  closedOn: date('closed_on', { mode: 'string' }),
  closedReason: text('closed_reason'),
  reminderActionId: uuid('reminder_action_id').references(() => actions.id),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('case_reviews_open_key').on(t.profileId).where(sql`${t.stage} <> 'closed'`),
  index('case_reviews_profile_idx').on(t.profileId, t.createdAt),
  check('case_reviews_stage_check', sql`${t.stage} in (${inList(caseReviewStages)})`),
]);
