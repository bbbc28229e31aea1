import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  applicationKinds, applicationStatuses, cardIssueReasons, cardStatuses, cardholderStatuses, lookupMethods, removalReasons, schemeDefaults, schemeKeys,
  type ApplicationChecks,
} from '../../../shared/schemes.ts';
import { at, id, timestamps, version } from './columns.ts';
import { profiles } from './profiles.ts';
import { referralForms, referrals } from './referrals.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

/** Someone to call for a cardholder: a carer or an emergency contact. */
export interface SchemeContact {
  name: string;
  relationship?: string | null;
  phone: string;
}

/**
 * A scheme the partnership runs, such as the Keep Safe Card, and the team that runs it: its
 * members are the scheme's staff, the team's administrators its administrators.
 */
export const schemes = pgTable('schemes', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  key: text('key', { enum: schemeKeys }).notNull(),
  name: text('name').notNull(),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  reviewMonths: integer('review_months').notNull().default(schemeDefaults.reviewMonths),
  removalMonths: integer('removal_months').notNull().default(schemeDefaults.removalMonths),
  cardValidMonths: integer('card_valid_months').notNull().default(schemeDefaults.cardValidMonths),
  /** The public referral form people apply on; its submissions reach the scheme team's desk. */
  applicationFormId: uuid('application_form_id').references(() => referralForms.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('schemes_partnership_key').on(t.partnershipId, t.key),
  index('schemes_team_idx').on(t.teamId),
  check('schemes_key_check', sql`${t.key} in (${inList(schemeKeys)})`),
  check('schemes_months_check', sql`${t.reviewMonths} between 1 and 120 and ${t.removalMonths} between 1 and 24 and ${t.cardValidMonths} between 1 and 120`),
]);

/**
 * A person on a scheme's register. The person is the profile (name, date of birth, photo); what
 * the scheme adds is what a responder needs to help them, read by the scheme's staff, the holder's
 * keyworker and, through a look-up, the emergency services.
 */
export const cardholders = pgTable('cardholders', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schemeId: uuid('scheme_id').notNull().references(() => schemes.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  status: text('status', { enum: cardholderStatuses }).notNull().default('active'),
  condition: text('condition').notNull(),
  communication: text('communication').notNull(),
  medicationNotes: text('medication_notes'),
  carers: jsonb('carers').$type<SchemeContact[]>().notNull().default([]),
  emergencyContacts: jsonb('emergency_contacts').$type<SchemeContact[]>().notNull().default([]),
  usesDisabilityContactLine: boolean('uses_disability_contact_line').notNull().default(false),
  showConditionOnCard: boolean('show_condition_on_card').notNull().default(false),
  parentalConsentBy: text('parental_consent_by'),
  parentalConsentOn: date('parental_consent_on', { mode: 'string' }),
  keyworkerId: uuid('keyworker_id').references(() => users.id),
  joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  reviewDueOn: date('review_due_on', { mode: 'string' }).notNull(),
  reviewConfirmedOn: date('review_confirmed_on', { mode: 'string' }),
  leftOn: date('left_on', { mode: 'string' }),
  removalReason: text('removal_reason', { enum: removalReasons }),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('cardholders_scheme_profile_key').on(t.schemeId, t.profileId),
  // The register by status, and the review sweep's due dates.
  index('cardholders_scheme_status_idx').on(t.schemeId, t.status, t.reviewDueOn),
  index('cardholders_profile_idx').on(t.profileId),
  index('cardholders_keyworker_idx').on(t.keyworkerId).where(sql`${t.keyworkerId} is not null`),
  check('cardholders_status_check', sql`${t.status} in (${inList(cardholderStatuses)})`),
  check('cardholders_removal_reason_check', sql`${t.removalReason} is null or ${t.removalReason} in (${inList(removalReasons)})`),
  check('cardholders_left_check', sql`(${t.status} in ('removed', 'withdrawn')) = (${t.leftOn} is not null)`),
  check('cardholders_consent_check', sql`(${t.parentalConsentBy} is null) = (${t.parentalConsentOn} is null)`),
]);

/** Each card printed for a holder; one is active at a time, and a replaced card still answers a look-up. */
export const schemeCards = pgTable('scheme_cards', {
  id: id(),
  schemeId: uuid('scheme_id').notNull().references(() => schemes.id),
  cardholderId: uuid('cardholder_id').notNull().references(() => cardholders.id),
  /** Stored normalised: `KS4F7K9QX2`. */
  cardNumber: text('card_number').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  expiresOn: date('expires_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: cardStatuses }).notNull().default('active'),
  issueReason: text('issue_reason', { enum: cardIssueReasons }).notNull(),
  issuedBy: uuid('issued_by').references(() => users.id),
  printedAt: at('printed_at'),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  // A renewal keeps the number, so the same number may be on a holder's replaced card and their active one.
  uniqueIndex('scheme_cards_number_active_key').on(t.schemeId, t.cardNumber).where(sql`${t.status} = 'active'`),
  index('scheme_cards_number_idx').on(t.schemeId, t.cardNumber),
  uniqueIndex('scheme_cards_cardholder_active_key').on(t.cardholderId).where(sql`${t.status} = 'active'`),
  index('scheme_cards_cardholder_idx').on(t.cardholderId, t.createdAt),
  check('scheme_cards_status_check', sql`${t.status} in (${inList(cardStatuses)})`),
  check('scheme_cards_issue_reason_check', sql`${t.issueReason} in (${inList(cardIssueReasons)})`),
]);

/**
 * Every emergency look-up, found or not: who, from which team and organisation, how, and why. The
 * scheme's administrators read these; the reason is also on the audit event.
 */
export const schemeLookups = pgTable('scheme_lookups', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schemeId: uuid('scheme_id').notNull().references(() => schemes.id),
  cardholderId: uuid('cardholder_id').references(() => cardholders.id),
  cardId: uuid('card_id').references(() => schemeCards.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  teamId: uuid('team_id').notNull().references(() => teams.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  method: text('method', { enum: lookupMethods }).notNull(),
  reason: text('reason').notNull(),
  found: boolean('found').notNull(),
  at: at('at').notNull().defaultNow(),
}, (t) => [
  index('scheme_lookups_scheme_idx').on(t.schemeId, t.at),
  index('scheme_lookups_cardholder_idx').on(t.cardholderId, t.at).where(sql`${t.cardholderId} is not null`),
  // The rate limit counts a person's recent look-ups.
  index('scheme_lookups_user_idx').on(t.userId, t.at),
  check('scheme_lookups_method_check', sql`${t.method} in (${inList(lookupMethods)})`),
]);

/** What an application asks to put on the register: the cardholder's scheme details, before they are. */
export interface CardholderDetails {
  condition: string;
  communication: string;
  medicationNotes: string | null;
  carers: SchemeContact[];
  emergencyContacts: SchemeContact[];
  usesDisabilityContactLine: boolean;
  showConditionOnCard: boolean;
  parentalConsent: { by: string; on: string } | null;
}

/**
 * An application for a card: from the public form (through the desk's enter-once, `referral_id`)
 * or keyed by the scheme's staff; a renewal names the holder it renews. It is checked, approved by
 * a scheme administrator, then issued, which puts the person on the register with a card.
 */
export const schemeApplications = pgTable('scheme_applications', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schemeId: uuid('scheme_id').notNull().references(() => schemes.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  cardholderId: uuid('cardholder_id').references(() => cardholders.id),
  referralId: uuid('referral_id').references(() => referrals.id),
  kind: text('kind', { enum: applicationKinds }).notNull(),
  status: text('status', { enum: applicationStatuses }).notNull().default('checks'),
  details: jsonb('details').$type<CardholderDetails>().notNull(),
  checks: jsonb('checks').$type<ApplicationChecks>().notNull().default({}),
  keyworkerId: uuid('keyworker_id').references(() => users.id),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedAt: at('approved_at'),
  decisionReason: text('decision_reason'),
  issuedAt: at('issued_at'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('scheme_applications_scheme_status_idx').on(t.schemeId, t.status, t.createdAt),
  index('scheme_applications_profile_idx').on(t.profileId),
  // One application at a time per person: a second while one is being worked is a duplicate.
  uniqueIndex('scheme_applications_open_key').on(t.schemeId, t.profileId).where(sql`${t.status} in ('checks', 'approved')`),
  check('scheme_applications_kind_check', sql`${t.kind} in (${inList(applicationKinds)})`),
  check('scheme_applications_status_check', sql`${t.status} in (${inList(applicationStatuses)})`),
  // A renewal names its holder from the start; a new card's application gets one when issued.
  check('scheme_applications_renewal_check', sql`${t.kind} = 'new' or ${t.cardholderId} is not null`),
]);
