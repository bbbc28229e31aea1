import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { holdRecordKinds, retentionRecordKinds, retentionReviewStatuses, retentionStarts } from '../../../shared/retention.ts';
import { at, id, timestamps, version } from './columns.ts';
import { lookups } from './lookups.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

/**
 * How long the partnership keeps a kind of record: `keepMonths` from `startsFrom`. A case rule may
 * name a case type; the most specific active rule applies. One active rule per kind and case type.
 */
export const retentionRules = pgTable('retention_rules', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: retentionRecordKinds }).notNull(),
  caseTypeId: uuid('case_type_id').references(() => lookups.id),
  startsFrom: text('starts_from', { enum: retentionStarts }).notNull(),
  keepMonths: integer('keep_months').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('retention_rules_active_key').on(t.partnershipId, t.recordKind, sql`coalesce(${t.caseTypeId}, '00000000-0000-0000-0000-000000000000'::uuid)`).where(sql`${t.active}`),
  check('retention_rules_kind_check', sql`${t.recordKind} in (${inList(retentionRecordKinds)})`),
  check('retention_rules_starts_check', sql`${t.startsFrom} in (${inList(retentionStarts)})`),
  check('retention_rules_months_check', sql`${t.keepMonths} between 1 and 1200`),
  check('retention_rules_case_type_check', sql`${t.caseTypeId} is null or ${t.recordKind} = 'case'`),
]);

/**
 * A record past its rule's time, waiting for a decision or decided: kept until a new date with a
 * reason, anonymised or deleted. At most one pending review per record; the owner is copied so an
 * organisation's administrators find their queue by index.
 */
export const retentionReviews = pgTable('retention_reviews', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: retentionRecordKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  ruleId: uuid('rule_id').notNull().references(() => retentionRules.id),
  ownerTeamId: uuid('owner_team_id').notNull().references(() => teams.id),
  ownerOrganisationId: uuid('owner_organisation_id').notNull().references(() => organisations.id),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: retentionReviewStatuses }).notNull().default('pending'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: at('decided_at'),
  keepUntil: date('keep_until', { mode: 'string' }),
  reason: text('reason'),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('retention_reviews_pending_key').on(t.recordKind, t.recordId).where(sql`${t.status} = 'pending'`),
  index('retention_reviews_partnership_idx').on(t.partnershipId, t.status, t.dueOn),
  index('retention_reviews_organisation_idx').on(t.ownerOrganisationId, t.status, t.dueOn),
  index('retention_reviews_record_idx').on(t.recordKind, t.recordId, t.decidedAt),
  check('retention_reviews_kind_check', sql`${t.recordKind} in (${inList(retentionRecordKinds)})`),
  check('retention_reviews_status_check', sql`${t.status} in (${inList(retentionReviewStatuses)})`),
  check('retention_reviews_keep_check', sql`${t.status} <> 'kept' or ${t.keepUntil} is not null`),
]);

/** A legal hold on a person or a case: while it stands, nothing anonymises or deletes the record. */
export const legalHolds = pgTable('legal_holds', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: holdRecordKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  reason: text('reason').notNull(),
  placedBy: uuid('placed_by').references(() => users.id),
  placedAt: at('placed_at').notNull().defaultNow(),
  liftedBy: uuid('lifted_by').references(() => users.id),
  liftedAt: at('lifted_at'),
  liftReason: text('lift_reason'),
}, (t) => [
  index('legal_holds_record_idx').on(t.recordKind, t.recordId).where(sql`${t.liftedAt} is null`),
  index('legal_holds_partnership_idx').on(t.partnershipId, t.placedAt),
  check('legal_holds_kind_check', sql`${t.recordKind} in (${inList(holdRecordKinds)})`),
  check('legal_holds_lift_check', sql`(${t.liftedAt} is null) = (${t.liftReason} is null)`),
]);
