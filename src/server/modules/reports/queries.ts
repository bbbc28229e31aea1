import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import type { Visibility } from '../../../shared/work.ts';
import { apiTokens, documents, documentVersions, lookups, organisations, reportVersions, reports, storedFiles, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { canReadContent } from '../../platform/access/records.ts';
import { widerThan } from './visibility.ts';

/** The person who answers for what an API token writes: the one who issued it. */
export async function tokenIssuer(tx: Tx, tokenId: string): Promise<string | null> {
  const [row] = await tx.select({ id: apiTokens.createdById }).from(apiTokens).where(eq(apiTokens.id, tokenId));
  return row?.id ?? null;
}

export interface NewReport {
  partnershipId: string;
  recordKind: RecordKind;
  recordId: string;
  reportTypeId: string;
  occurredAt: Date;
  bodyHtml: string;
  bodyText: string;
  visibility: Visibility;
  authorId: string;
  authorTeamId: string;
  authorOrganisationId: string;
}

export async function insertReport(tx: Tx, values: NewReport): Promise<string> {
  const [row] = await tx.insert(reports).values(values).returning({ id: reports.id });
  return row!.id;
}

// The search vector is the database's to keep and the search's to read: a report is shown without it.
const { searchVector: _searchVector, ...reportColumns } = getTableColumns(reports);
type ReportValues = Omit<typeof reports.$inferSelect, 'searchVector'>;

/** A report of the actor's partnership with the names it is shown with, and whether the actor may read it. */
export async function getReport(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select({
    report: reportColumns,
    type: { id: lookups.id, key: lookups.key, name: lookups.name, active: lookups.active },
    teamName: teams.name,
    organisationName: organisations.name,
    authorName: users.name,
    readable: sql<boolean>`${canReadContent(actor, reports)}`,
  })
    .from(reports)
    .innerJoin(lookups, eq(lookups.id, reports.reportTypeId))
    .innerJoin(teams, eq(teams.id, reports.authorTeamId))
    .innerJoin(organisations, eq(organisations.id, reports.authorOrganisationId))
    .innerJoin(users, eq(users.id, reports.authorId))
    .where(and(eq(reports.id, id), eq(reports.partnershipId, actor.partnershipId)));
  return row ?? null;
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof getReport>>>;

export interface ReportChange {
  reportTypeId: string;
  occurredAt: Date;
  bodyHtml: string;
  bodyText: string;
  visibility: Visibility;
}

/** Replaces the wording if the report is still at `version`; false when someone changed it first. */
export async function updateReport(tx: Tx, id: string, version: number, change: ReportChange): Promise<boolean> {
  const updated = await tx.update(reports)
    .set({ ...change, version: sql`${reports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reports.id, id), eq(reports.version, version)))
    .returning({ id: reports.id });
  return updated.length > 0;
}

/**
 * Narrows the documents attached to a report that more people could read than the report now
 * allows down to its visibility; returns each one changed with the visibility it had.
 */
export async function narrowAttachments(tx: Tx, reportId: string, visibility: Visibility) {
  const wider = widerThan(visibility);
  if (wider.length === 0) return [];
  const before = await tx.select({ id: documents.id, visibility: documents.visibility }).from(documents)
    .where(and(eq(documents.reportId, reportId), inArray(documents.visibility, wider)))
    .for('update');
  if (before.length === 0) return [];
  await tx.update(documents)
    .set({ visibility, version: sql`${documents.version} + 1`, updatedAt: sql`now()` })
    .where(inArray(documents.id, before.map((d) => d.id)));
  return before;
}

/** Keeps the wording being replaced, as its author wrote it and when. */
export async function keepVersion(tx: Tx, report: ReportValues) {
  await tx.insert(reportVersions).values({
    reportId: report.id,
    version: report.version,
    reportTypeId: report.reportTypeId,
    occurredAt: report.occurredAt,
    bodyHtml: report.bodyHtml,
    visibility: report.visibility,
    editedBy: report.authorId,
    editedAt: report.updatedAt,
  });
}

/**
 * The earlier wordings of a report, newest first. Each is judged by the visibility it had: a
 * version written as private stays with its author even if the report is shared later.
 */
export async function listVersions(tx: Tx, actor: Actor, reportId: string) {
  return tx.select({
    version: reportVersions.version,
    type: { id: lookups.id, key: lookups.key, name: lookups.name },
    occurredAt: reportVersions.occurredAt,
    bodyHtml: reportVersions.bodyHtml,
    visibility: reportVersions.visibility,
    editedById: reportVersions.editedBy,
    editedByName: users.name,
    editedAt: reportVersions.editedAt,
  })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(lookups, eq(lookups.id, reportVersions.reportTypeId))
    .innerJoin(users, eq(users.id, reportVersions.editedBy))
    .where(and(
      eq(reportVersions.reportId, reportId),
      canReadContent(actor, { visibility: reportVersions.visibility, authorId: reports.authorId, authorTeamId: reports.authorTeamId }),
    ))
    .orderBy(desc(reportVersions.version));
}

/** The documents attached to these reports that the actor may read, with their latest file's name and type. */
export async function attachments(tx: Tx, actor: Actor, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  const rows = await tx.select({
    reportId: documents.reportId,
    id: documents.id,
    title: documents.title,
    fileName: documentVersions.fileName,
    contentType: storedFiles.contentType,
  })
    .from(documents)
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion)))
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.storedFileId))
    .where(and(inArray(documents.reportId, reportIds), canReadContent(actor, documents)))
    .orderBy(documents.createdAt, documents.id);
  return rows.map((r) => ({ ...r, reportId: r.reportId! }));
}
