import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { recordKinds } from '../../../shared/records.ts';
import { visibilities } from '../../../shared/work.ts';
import { at, id, timestamps, version } from './columns.ts';
import { storedFiles } from './files.ts';
import { reports } from './reports.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

/**
 * A document on a profile, case or location, in a folder, optionally attached to a report. Its
 * bytes are versions: a new upload adds a version and keeps the earlier ones.
 */
export const documents = pgTable('documents', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: recordKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  reportId: uuid('report_id').references(() => reports.id),
  folder: text('folder').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  visibility: text('visibility', { enum: visibilities }).notNull(),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorTeamId: uuid('author_team_id').notNull().references(() => teams.id),
  authorOrganisationId: uuid('author_organisation_id').notNull().references(() => organisations.id),
  /** The latest of its versions: the one a download gives unless another is asked for. */
  currentVersion: integer('current_version').notNull().default(1),
  /** Copied from the template library, when it was. */
  templateId: uuid('template_id').references((): AnyPgColumn => documentTemplates.id),
  version: version(),
  ...timestamps,
}, (t) => [
  index('documents_record_idx').on(t.recordKind, t.recordId, t.createdAt.desc(), t.id.desc()),
  index('documents_report_idx').on(t.reportId).where(sql`${t.reportId} is not null`),
  check('documents_record_kind_check', sql`${t.recordKind} in (${inList(recordKinds)})`),
  check('documents_visibility_check', sql`${t.visibility} in (${inList(visibilities)})`),
]);

export const documentVersions = pgTable('document_versions', {
  id: id(),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  version: integer('version').notNull(),
  storedFileId: uuid('stored_file_id').notNull().references(() => storedFiles.id),
  fileName: text('file_name').notNull(),
  /** `clean` when ClamAV passed it, `not_scanned` when no scanner is configured. Infected files are never stored. */
  scanResult: text('scan_result', { enum: ['clean', 'not_scanned'] }).notNull(),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  uploadedAt: at('uploaded_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('document_versions_document_version_key').on(t.documentId, t.version),
  check('document_versions_scan_result_check', sql`${t.scanResult} in ('clean', 'not_scanned')`),
]);

/**
 * The partnership's library of letters, consent forms and agreements, curated by admins in
 * folders; a practitioner adds a copy to a record. Retired templates stay for the copies made.
 */
export const documentTemplates = pgTable('document_templates', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  folder: text('folder').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  storedFileId: uuid('stored_file_id').notNull().references(() => storedFiles.id),
  fileName: text('file_name').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  updatedBy: uuid('updated_by').references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [index('document_templates_partnership_folder_idx').on(t.partnershipId, t.folder, t.title)]);
