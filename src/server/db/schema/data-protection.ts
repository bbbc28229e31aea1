import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreementStatuses, article9Conditions, consentMethods, dataProtectionDefaults as defaults, lawfulBasisEndReasons } from '../../../shared/data-protection.ts';
import { lawfulBases } from '../../../shared/referrals.ts';
import { subjectAccessDefaults } from '../../../shared/subject-access.ts';
import { at, id, timestamps, version } from './columns.ts';
import { storedFiles } from './files.ts';
import { profiles } from './profiles.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, users } from './structure.ts';

/**
 * A partnership's data protection settings; without a row it keeps `dataProtectionDefaults`: how
 * long before a review date those who keep an agreement or a lawful basis are told, and the review
 * date a lawful basis recorded without one gets. Subject access (`subjectAccessDefaults`): whether
 * other agencies' staff are named only by their organisation, and how long a download stays open.
 */
export const dataProtectionSettings = pgTable('data_protection_settings', {
  partnershipId: uuid('partnership_id').primaryKey().references(() => partnerships.id),
  reviewReminderDays: integer('review_reminder_days').notNull().default(defaults.reviewReminderDays),
  lawfulBasisReviewMonths: integer('lawful_basis_review_months').notNull().default(defaults.lawfulBasisReviewMonths),
  redactOtherAgencyStaff: boolean('redact_other_agency_staff').notNull().default(subjectAccessDefaults.redactOtherAgencyStaff),
  downloadDays: integer('download_days').notNull().default(subjectAccessDefaults.downloadDays),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  check('data_protection_settings_reminder_check', sql`${t.reviewReminderDays} between 1 and 90`),
  check('data_protection_settings_review_months_check', sql`${t.lawfulBasisReviewMonths} between 1 and 60`),
  check('data_protection_settings_download_days_check', sql`${t.downloadDays} between 1 and 60`),
]);

/**
 * An information sharing agreement of the partnership: why its organisations share, on which
 * lawful basis, who signed, and when it is next reviewed. Kept by the system administrators, read
 * by all staff, with the signed document. `remindedAt` is when its keepers were last told that the review is near; moving
 * the review date clears it, so the next one is told of again.
 */
export const sharingAgreements = pgTable('sharing_agreements', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  title: text('title').notNull(),
  purpose: text('purpose').notNull(),
  lawfulBasis: text('lawful_basis', { enum: lawfulBases }).notNull(),
  specialCategoryCondition: text('special_category_condition', { enum: article9Conditions }),
  legislation: text('legislation'),
  status: text('status', { enum: agreementStatuses }).notNull(),
  startsOn: date('starts_on').notNull(),
  reviewOn: date('review_on').notNull(),
  endsOn: date('ends_on'),
  /** The signed agreement, a PDF; a new upload replaces it. */
  documentFileId: uuid('document_file_id').references(() => storedFiles.id),
  documentName: text('document_name'),
  remindedAt: at('reminded_at'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('sharing_agreements_partnership_review_idx').on(t.partnershipId, t.reviewOn),
  // The reminder sweep's candidates: live agreements not yet told of.
  index('sharing_agreements_remind_idx').on(t.reviewOn).where(sql`${t.status} <> 'ended' and ${t.remindedAt} is null`),
  check('sharing_agreements_status_check', sql`${t.status} in (${inList(agreementStatuses)})`),
  check('sharing_agreements_basis_check', sql`${t.lawfulBasis} in (${inList(lawfulBases)})`),
  check('sharing_agreements_condition_check', sql`${t.specialCategoryCondition} is null or ${t.specialCategoryCondition} in (${inList(article9Conditions)})`),
  check('sharing_agreements_dates_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
]);

/** The organisations party to an agreement, with when and by whom each signed. */
export const sharingAgreementParties = pgTable('sharing_agreement_parties', {
  agreementId: uuid('agreement_id').notNull().references(() => sharingAgreements.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  signedOn: date('signed_on'),
  signatory: text('signatory'),
}, (t) => [
  primaryKey({ columns: [t.agreementId, t.organisationId] }),
  index('sharing_agreement_parties_organisation_idx').on(t.organisationId),
]);

/**
 * The lawful basis on which one organisation holds and shares a person's information: each agency
 * is its own controller, so one current basis per profile per organisation (a new one ends the
 * last). Consent carries when and how it was given; special category data an Article 9 condition.
 */
export const profileLawfulBases = pgTable('profile_lawful_bases', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  basis: text('basis', { enum: lawfulBases }).notNull(),
  specialCategoryCondition: text('special_category_condition', { enum: article9Conditions }),
  agreementId: uuid('agreement_id').references(() => sharingAgreements.id),
  consentGivenOn: date('consent_given_on'),
  consentMethod: text('consent_method', { enum: consentMethods }),
  reviewOn: date('review_on').notNull(),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: at('recorded_at').notNull().defaultNow(),
  endedAt: at('ended_at'),
  endedBy: uuid('ended_by').references(() => users.id),
  endReason: text('end_reason', { enum: lawfulBasisEndReasons }),
  remindedAt: at('reminded_at'),
}, (t) => [
  uniqueIndex('profile_lawful_bases_current_key').on(t.profileId, t.organisationId).where(sql`${t.endedAt} is null`),
  index('profile_lawful_bases_profile_idx').on(t.profileId, t.recordedAt),
  index('profile_lawful_bases_review_idx').on(t.reviewOn).where(sql`${t.endedAt} is null and ${t.remindedAt} is null`),
  check('profile_lawful_bases_basis_check', sql`${t.basis} in (${inList(lawfulBases)})`),
  check('profile_lawful_bases_condition_check', sql`${t.specialCategoryCondition} is null or ${t.specialCategoryCondition} in (${inList(article9Conditions)})`),
  check('profile_lawful_bases_consent_check', sql`${t.basis} <> 'consent' or (${t.consentGivenOn} is not null and ${t.consentMethod} is not null)`),
  check('profile_lawful_bases_method_check', sql`${t.consentMethod} is null or ${t.consentMethod} in (${inList(consentMethods)})`),
  check('profile_lawful_bases_end_check', sql`(${t.endedAt} is null) = (${t.endReason} is null) and (${t.endReason} is null or ${t.endReason} in (${inList(lawfulBasisEndReasons)}))`),
]);
