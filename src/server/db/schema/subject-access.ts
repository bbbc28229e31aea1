import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { exemptions, sarItemDecisions, sarItemKinds, sarReviewStatuses, sarStatuses } from '../../../shared/subject-access.ts';
import { at, id, timestamps, version } from './columns.ts';
import { storedFiles } from './files.ts';
import { profiles } from './profiles.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, users } from './structure.ts';

/**
 * A subject access request: a person asked for everything the partnership holds about them. It
 * belongs to the organisation whose administrator started it (the handling controller); the
 * statutory clock runs from `receivedOn` (`originalDueOn`, then `dueOn` after an extension or a
 * pause). The ZIP lives in `zipFileId` from ready until `downloadExpiresAt`, then is deleted.
 */
export const subjectAccessRequests = pgTable('subject_access_requests', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  reference: text('reference').notNull(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  startedBy: uuid('started_by').notNull().references(() => users.id),
  status: text('status', { enum: sarStatuses }).notNull().default('queued'),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  originalDueOn: date('original_due_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  extendedAt: at('extended_at'),
  extensionReason: text('extension_reason'),
  personToldOn: date('person_told_on', { mode: 'string' }),
  /** While the request is being clarified the clock stops; each pause's days are added on resume. */
  pausedOn: date('paused_on', { mode: 'string' }),
  pausedDays: integer('paused_days').notNull().default(0),
  pauseReason: text('pause_reason'),
  requester: text('requester'),
  notes: text('notes'),
  zipFileId: uuid('zip_file_id').references(() => storedFiles.id),
  readyAt: at('ready_at'),
  downloadExpiresAt: at('download_expires_at'),
  downloads: integer('downloads').notNull().default(0),
  /** The London day the handlers were last told the due date is near, so they are told once a day. */
  remindedOn: date('reminded_on', { mode: 'string' }),
  failure: text('failure'),
  closedAt: at('closed_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  uniqueIndex('subject_access_requests_reference_key').on(t.reference),
  index('subject_access_requests_partnership_idx').on(t.partnershipId, t.status, t.dueOn),
  index('subject_access_requests_organisation_idx').on(t.organisationId, t.createdAt),
  index('subject_access_requests_profile_idx').on(t.profileId),
  index('subject_access_requests_expiry_idx').on(t.status, t.downloadExpiresAt).where(sql`${t.status} = 'ready'`),
  check('subject_access_requests_status_check', sql`${t.status} in (${inList(sarStatuses)})`),
  check('subject_access_requests_paused_days_check', sql`${t.pausedDays} >= 0`),
]);

/** Each organisation whose items are in the export reviews them before release. */
export const subjectAccessReviews = pgTable('subject_access_reviews', {
  requestId: uuid('request_id').notNull().references(() => subjectAccessRequests.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  status: text('status', { enum: sarReviewStatuses }).notNull().default('pending'),
  itemCount: integer('item_count').notNull(),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: at('reviewed_at'),
  note: text('note'),
}, (t) => [
  primaryKey({ columns: [t.requestId, t.organisationId] }),
  index('subject_access_reviews_organisation_idx').on(t.organisationId, t.status),
  check('subject_access_reviews_status_check', sql`${t.status} in (${inList(sarReviewStatuses)})`),
]);

/**
 * One thing the export holds, as it was when collected: its fields sealed (they hold everything
 * about the person), a title that names nobody, and the organisation whose item it is. A
 * document keeps its stored file (never copied); a reviewer may upload a redacted replacement.
 */
export const subjectAccessItems = pgTable('subject_access_items', {
  id: id(),
  requestId: uuid('request_id').notNull().references(() => subjectAccessRequests.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  kind: text('kind', { enum: sarItemKinds }).notNull(),
  sourceId: uuid('source_id'),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  occurredAt: at('occurred_at'),
  sealedContent: text('sealed_content').notNull(),
  storedFileId: uuid('stored_file_id').references(() => storedFiles.id),
  fileName: text('file_name'),
  decision: text('decision', { enum: sarItemDecisions }).notNull().default('include'),
  exemption: text('exemption', { enum: exemptions }),
  replacementFileId: uuid('replacement_file_id').references(() => storedFiles.id),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: at('decided_at'),
  version: version(),
}, (t) => [
  index('subject_access_items_request_idx').on(t.requestId, t.organisationId, t.position),
  check('subject_access_items_kind_check', sql`${t.kind} in (${inList(sarItemKinds)})`),
  check('subject_access_items_decision_check', sql`${t.decision} in (${inList(sarItemDecisions)})`),
  check('subject_access_items_exemption_check', sql`${t.exemption} is null or ${t.exemption} in (${inList(exemptions)})`),
  check('subject_access_items_withheld_check', sql`${t.decision} <> 'withhold' or ${t.exemption} is not null`),
]);

/** A span of one field of an item kept from the person, with the exemption it is kept under. */
export const subjectAccessRedactions = pgTable('subject_access_redactions', {
  id: id(),
  requestId: uuid('request_id').notNull().references(() => subjectAccessRequests.id),
  itemId: uuid('item_id').notNull().references(() => subjectAccessItems.id),
  field: text('field').notNull(),
  start: integer('start').notNull(),
  length: integer('length').notNull(),
  exemption: text('exemption', { enum: exemptions }).notNull(),
  automatic: boolean('automatic').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  index('subject_access_redactions_item_idx').on(t.itemId),
  check('subject_access_redactions_span_check', sql`${t.start} >= 0 and ${t.length} > 0`),
  check('subject_access_redactions_exemption_check', sql`${t.exemption} in (${inList(exemptions)})`),
]);
