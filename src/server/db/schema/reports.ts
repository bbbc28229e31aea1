import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordKinds } from '../../../shared/records.ts';
import { visibilities } from '../../../shared/work.ts';
import { at, id, timestamps, version } from './columns.ts';
import { lookups } from './lookups.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A report (case note) on a profile, case or location. The author's team and organisation are
 * copied at the time of writing: a report stays with the team that wrote it if the author moves.
 * Everyone who can see the record sees that it exists; its content only as its visibility allows.
 */
export const reports = pgTable('reports', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: recordKinds }).notNull(),
  recordId: uuid('record_id').notNull(),
  reportTypeId: uuid('report_type_id').notNull().references(() => lookups.id),
  occurredAt: at('occurred_at').notNull(),
  /** Sanitised on the server before it is stored; the only HTML the app ever renders. */
  bodyHtml: text('body_html').notNull(),
  /** The same text without markup, for search and for short previews. */
  bodyText: text('body_text').notNull(),
  /** The text's words, stemmed as English, for the search box; kept by the database. */
  searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('english'::regconfig, body_text)`),
  visibility: text('visibility', { enum: visibilities }).notNull(),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorTeamId: uuid('author_team_id').notNull().references(() => teams.id),
  authorOrganisationId: uuid('author_organisation_id').notNull().references(() => organisations.id),
  version: version(),
  ...timestamps,
}, (t) => [
  // The timeline: one record's reports, newest first.
  index('reports_record_occurred_idx').on(t.recordKind, t.recordId, t.occurredAt.desc(), t.id.desc()),
  index('reports_author_idx').on(t.authorId, t.createdAt),
  // Text search is always within one partnership: with the partnership in the index, common words
  // of other partnerships' reports are never read.
  index('reports_search_idx').using('gin', t.partnershipId, t.searchVector),
  // Dashboards and hotspots: a partnership's reports on one kind of record over a period.
  index('reports_partnership_kind_occurred_idx').on(t.partnershipId, t.recordKind, t.occurredAt, t.reportTypeId, t.recordId),
  check('reports_record_kind_check', sql`${t.recordKind} in (${inList(recordKinds)})`),
  check('reports_visibility_check', sql`${t.visibility} in (${inList(visibilities)})`),
]);

/** Each earlier wording of a report, kept when it is edited. */
export const reportVersions = pgTable('report_versions', {
  id: id(),
  reportId: uuid('report_id').notNull().references(() => reports.id),
  version: integer('version').notNull(),
  reportTypeId: uuid('report_type_id').notNull().references(() => lookups.id),
  occurredAt: at('occurred_at').notNull(),
  bodyHtml: text('body_html').notNull(),
  visibility: text('visibility', { enum: visibilities }).notNull(),
  /** Who wrote this version, and when it was replaced. */
  editedBy: uuid('edited_by').notNull().references(() => users.id),
  editedAt: at('edited_at').notNull(),
  replacedAt: at('replaced_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('report_versions_report_version_key').on(t.reportId, t.version),
  check('report_versions_visibility_check', sql`${t.visibility} in (${inList(visibilities)})`),
]);
