import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecordKind } from '../../../shared/records.ts';
import type { Visibility } from '../../../shared/work.ts';
import { documentTemplates, documents, documentVersions, organisations, reports, storedFiles, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { CheckedRecord } from '../../platform/access/check.ts';
import { canReadContent } from '../../platform/access/records.ts';

const author = alias(users, 'author');
const uploader = alias(users, 'uploader');

const documentColumns = (actor: Actor) => ({
  document: documents,
  authorName: author.name,
  teamName: teams.name,
  organisationName: organisations.name,
  readable: sql<boolean>`${canReadContent(actor, documents)}`.mapWith(Boolean),
});

function selectDocuments(tx: Tx, actor: Actor) {
  return tx.select(documentColumns(actor))
    .from(documents)
    .innerJoin(author, eq(author.id, documents.authorId))
    .innerJoin(teams, eq(teams.id, documents.authorTeamId))
    .innerJoin(organisations, eq(organisations.id, documents.authorOrganisationId));
}

export type DocumentRow = Awaited<ReturnType<typeof getDocument>> & {};

/** A document of the actor's partnership, with whether the actor may read it; null for any other. */
export async function getDocument(tx: Tx, actor: Actor, id: string) {
  const [row] = await selectDocuments(tx, actor).where(and(eq(documents.id, id), eq(documents.partnershipId, actor.partnershipId)));
  return row ?? null;
}

/** A record's documents, newest first. */
export function listDocuments(tx: Tx, actor: Actor, record: CheckedRecord, folder: string | undefined) {
  return selectDocuments(tx, actor)
    .where(and(
      eq(documents.recordKind, record.kind),
      eq(documents.recordId, record.id),
      folder === undefined ? undefined : and(eq(documents.folder, folder), canReadContent(actor, documents)),
    ))
    // `nulls last` as the index is built, or PostgreSQL sorts every row instead of reading it in order.
    .orderBy(sql`${documents.createdAt} desc nulls last`, sql`${documents.id} desc nulls last`);
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function listVersions(tx: Tx, documentIds: string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return tx.select({
    documentId: documentVersions.documentId,
    version: documentVersions.version,
    fileName: documentVersions.fileName,
    scanResult: documentVersions.scanResult,
    uploadedAt: documentVersions.uploadedAt,
    uploadedById: uploader.id,
    uploadedByName: uploader.name,
    contentType: storedFiles.contentType,
    byteSize: storedFiles.byteSize,
    storageKey: storedFiles.storageKey,
  })
    .from(documentVersions)
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.storedFileId))
    .innerJoin(uploader, eq(uploader.id, documentVersions.uploadedBy))
    .where(inArray(documentVersions.documentId, documentIds))
    .orderBy(desc(documentVersions.version));
}

/** The folders in use on a record among the documents the actor may read. */
export async function listFolders(tx: Tx, actor: Actor, record: CheckedRecord): Promise<string[]> {
  const rows = await tx.selectDistinct({ folder: documents.folder })
    .from(documents)
    .where(and(eq(documents.recordKind, record.kind), eq(documents.recordId, record.id), canReadContent(actor, documents)))
    .orderBy(asc(documents.folder));
  return rows.map((r) => r.folder);
}

/** The visibility of a report on the record written by the person (so a document can be attached to it); null for any other. */
export async function ownReportOn(tx: Tx, reportId: string, kind: RecordKind, recordId: string, authorId: string): Promise<Visibility | null> {
  const [row] = await tx.select({ visibility: reports.visibility }).from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.recordKind, kind), eq(reports.recordId, recordId), eq(reports.authorId, authorId)));
  return row?.visibility ?? null;
}

/** The visibility of the report a document is attached to. */
export async function reportVisibility(tx: Tx, reportId: string): Promise<Visibility | null> {
  const [row] = await tx.select({ visibility: reports.visibility }).from(reports).where(eq(reports.id, reportId));
  return row?.visibility ?? null;
}

export interface NewDocument {
  partnershipId: string;
  recordKind: RecordKind;
  recordId: string;
  reportId: string | null;
  folder: string;
  title: string;
  description: string | null;
  visibility: Visibility;
  authorId: string;
  authorTeamId: string;
  authorOrganisationId: string;
  templateId: string | null;
}

export async function insertDocument(tx: Tx, values: NewDocument): Promise<string> {
  const [row] = await tx.insert(documents).values(values).returning({ id: documents.id });
  return row!.id;
}

export interface NewVersion {
  documentId: string;
  version: number;
  storedFileId: string;
  fileName: string;
  scanResult: 'clean' | 'not_scanned';
  uploadedBy: string;
}

export async function insertVersion(tx: Tx, values: NewVersion): Promise<void> {
  await tx.insert(documentVersions).values(values);
}

export type DocumentChanges = Partial<Pick<typeof documents.$inferInsert, 'title' | 'folder' | 'description' | 'visibility' | 'currentVersion'>>;

/** Applies the changes when the version still matches; false when someone changed it first. */
export async function updateDocument(tx: Tx, id: string, version: number, changes: DocumentChanges): Promise<boolean> {
  const rows = await tx.update(documents)
    .set({ ...changes, version: sql`${documents.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(documents.id, id), eq(documents.version, version)))
    .returning({ id: documents.id });
  return rows.length > 0;
}

// The template library.

const templateColumns = {
  template: documentTemplates,
  contentType: storedFiles.contentType,
  byteSize: storedFiles.byteSize,
  storageKey: storedFiles.storageKey,
};

export type TemplateRow = Awaited<ReturnType<typeof getTemplate>> & {};

export async function getTemplate(tx: Tx, partnershipId: string, id: string) {
  const [row] = await tx.select(templateColumns).from(documentTemplates)
    .innerJoin(storedFiles, eq(storedFiles.id, documentTemplates.storedFileId))
    .where(and(eq(documentTemplates.id, id), eq(documentTemplates.partnershipId, partnershipId)));
  return row ?? null;
}

export function listTemplates(tx: Tx, partnershipId: string, includeRetired: boolean) {
  return tx.select(templateColumns).from(documentTemplates)
    .innerJoin(storedFiles, eq(storedFiles.id, documentTemplates.storedFileId))
    .where(and(eq(documentTemplates.partnershipId, partnershipId), includeRetired ? undefined : eq(documentTemplates.active, true)))
    .orderBy(asc(documentTemplates.folder), asc(documentTemplates.title), asc(documentTemplates.id));
}

export type NewTemplate = Pick<typeof documentTemplates.$inferInsert, 'partnershipId' | 'folder' | 'title' | 'description' | 'storedFileId' | 'fileName' | 'createdBy' | 'updatedBy'>;

export async function insertTemplate(tx: Tx, values: NewTemplate): Promise<string> {
  const [row] = await tx.insert(documentTemplates).values(values).returning({ id: documentTemplates.id });
  return row!.id;
}

export type TemplateChanges = Partial<Pick<typeof documentTemplates.$inferInsert, 'title' | 'folder' | 'description' | 'active' | 'storedFileId' | 'fileName' | 'updatedBy'>>;

export async function updateTemplate(tx: Tx, id: string, version: number, changes: TemplateChanges): Promise<boolean> {
  const rows = await tx.update(documentTemplates)
    .set({ ...changes, version: sql`${documentTemplates.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(documentTemplates.id, id), eq(documentTemplates.version, version)))
    .returning({ id: documentTemplates.id });
  return rows.length > 0;
}
