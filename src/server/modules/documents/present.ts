import type { Document, Template } from '../../../shared/api/documents.ts';
import { documentTypes, type DocumentType } from '../../platform/files/content.ts';
import type { DocumentRow, TemplateRow, VersionRow } from './queries.ts';

export const isPreviewable = (contentType: string) => Object.hasOwn(documentTypes, contentType) && documentTypes[contentType as DocumentType].previewable;

/**
 * A document as the actor may see it. One they may not read is a stub: who holds it (team and
 * organisation) and when, so they know to ask, but no name, folder, author or file.
 */
export function presentDocument(row: DocumentRow, versions: VersionRow[], canChange: boolean): Document {
  const d = row.document;
  const current = versions.find((v) => v.version === d.currentVersion) ?? null;
  const readable = row.readable;
  return {
    id: d.id,
    record: { kind: d.recordKind, id: d.recordId },
    reportId: readable ? d.reportId : null,
    readable,
    folder: readable ? d.folder : null,
    title: readable ? d.title : null,
    description: readable ? d.description : null,
    visibility: d.visibility,
    fileName: readable ? current?.fileName ?? null : null,
    contentType: readable ? current?.contentType ?? null : null,
    byteSize: readable ? current?.byteSize ?? null : null,
    previewable: readable && current !== null && isPreviewable(current.contentType),
    author: readable ? { id: d.authorId, name: row.authorName } : null,
    team: { id: d.authorTeamId, name: row.teamName },
    organisation: { id: d.authorOrganisationId, name: row.organisationName },
    currentVersion: d.currentVersion,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
    versions: readable
      ? versions.map((v) => ({
        version: v.version,
        fileName: v.fileName,
        contentType: v.contentType,
        byteSize: v.byteSize,
        scanResult: v.scanResult,
        uploadedBy: { id: v.uploadedById, name: v.uploadedByName },
        uploadedAt: v.uploadedAt.toISOString(),
      }))
      : [],
    permissions: { canChange },
  };
}

export function presentTemplate(row: TemplateRow): Template {
  const t = row.template;
  return {
    id: t.id,
    folder: t.folder,
    title: t.title,
    description: t.description,
    fileName: t.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    active: t.active,
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}
