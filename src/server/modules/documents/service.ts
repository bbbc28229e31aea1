import type { z } from 'zod';
import type {
  copyTemplateBody, Document, documentContentQuery, documentListQuery, updateDocumentBody, uploadDocumentQuery, uploadVersionQuery,
} from '../../../shared/api/documents.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { AnyContext, Context, Runner, Who } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { contentDisposition } from '../../platform/files/content.ts';
import { isWider } from '../reports/visibility.ts';
import { contributableRecord, subjectOf, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import { announce, documentSubject, loadDocument, mayChange, present, reloadDocument, requireChange, requireReadable } from './access.ts';
import { isPreviewable, presentDocument } from './present.ts';
import * as q from './queries.ts';
import type { PreparedUpload, Uploads } from './uploads.ts';

export interface DocumentContent {
  bytes: Buffer;
  contentType: string;
  disposition: string;
}

async function addDocument(ctx: Context, record: SharedRecord, values: Omit<q.NewDocument, 'partnershipId' | 'recordKind' | 'recordId' | 'authorId' | 'authorTeamId' | 'authorOrganisationId'>, first: Omit<q.NewVersion, 'documentId' | 'version' | 'uploadedBy'>) {
  const id = await q.insertDocument(ctx.tx, {
    ...values,
    partnershipId: record.partnershipId,
    recordKind: record.kind,
    recordId: record.id,
    authorId: ctx.actor.id,
    authorTeamId: ctx.actor.teamId,
    authorOrganisationId: ctx.actor.organisationId,
  });
  await q.insertVersion(ctx.tx, { ...first, documentId: id, version: 1, uploadedBy: ctx.actor.id });
  const loaded = await reloadDocument(ctx, id, record);
  ctx.audit({
    action: 'document.uploaded',
    ...documentSubject(loaded),
    details: { record: { kind: record.kind, id: record.id }, folder: values.folder, visibility: values.visibility, templateId: values.templateId },
  });
  await announce(ctx, record, id, 'A document was added');
  return present(ctx, loaded);
}

/**
 * Documents on profiles, cases and locations. Checking and scanning an upload happens before
 * its transaction opens; the bytes are written inside it and removed again if it fails.
 */
export function createDocumentService({ runner, uploads }: { runner: Runner; uploads: Uploads }) {
  return {
    rules: () => uploads.rules(),

    /** A record's documents (stubs for those the actor may not read) and the folders in use. */
    list(who: Who, kind: RecordKind, id: string, query: z.infer<typeof documentListQuery>) {
      return runner.run(who, async (ctx) => {
        const record = await viewableRecord(ctx, kind, id);
        const rows = await q.listDocuments(ctx.tx, ctx.actor, record, query.folder);
        const versions = await q.listVersions(ctx.tx, rows.filter((r) => r.readable).map((r) => r.document.id));
        const items = rows.map((row) => presentDocument(row, versions.filter((v) => v.documentId === row.document.id), mayChange(ctx, { row, record })));
        ctx.audit({ action: 'documents.listed', ...subjectOf(record), details: { folder: query.folder, count: items.length } });
        return { items, folders: await q.listFolders(ctx.tx, ctx.actor, record) };
      });
    },

    get(who: Who, id: string): Promise<Document> {
      return runner.run(who, async (ctx) => {
        const loaded = await loadDocument(ctx, id);
        ctx.audit({ action: 'document.viewed', ...documentSubject(loaded), details: { readable: loaded.row.readable } });
        return present(ctx, loaded);
      });
    },

    async upload(who: Who, kind: RecordKind, id: string, query: z.infer<typeof uploadDocumentQuery>, bytes: Buffer): Promise<Document> {
      const upload = await uploads.prepare(bytes, query.fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        const record = await contributableRecord(ctx, kind, id);
        if (query.reportId) {
          const reportVisibility = await q.ownReportOn(ctx.tx, query.reportId, record.kind, record.id, ctx.actor.id);
          if (!reportVisibility) throw new ValidationError([{ field: 'reportId', problem: 'must be a report you wrote on this record' }]);
          if (isWider(query.visibility, reportVisibility)) throw widerThanReport();
        }
        const stored = await uploads.store(ctx.tx, upload, { partnershipId: record.partnershipId, createdBy: ctx.actor.id }, written);
        return addDocument(ctx, record, {
          reportId: query.reportId ?? null,
          folder: query.folder,
          title: query.title || titleOf(upload),
          description: query.description || null,
          visibility: query.visibility,
          templateId: null,
        }, { storedFileId: stored.id, fileName: upload.fileName, scanResult: upload.scanResult });
      }));
    },

    update(who: Who, id: string, body: z.infer<typeof updateDocumentBody>): Promise<Document> {
      return runner.run(who, async (ctx) => {
        const loaded = await loadDocument(ctx, id);
        requireReadable(ctx, loaded);
        requireChange(ctx, loaded);
        const d = loaded.row.document;
        if (body.visibility !== undefined && body.visibility !== d.visibility && d.authorId !== ctx.actor.id) {
          throw new ForbiddenError('Only the author can change who may read this document.');
        }
        if (d.version !== body.version) throw staleVersion(await present(ctx, loaded));
        if (body.visibility !== undefined && d.reportId) {
          const reportVisibility = await q.reportVisibility(ctx.tx, d.reportId);
          if (reportVisibility && isWider(body.visibility, reportVisibility)) throw widerThanReport();
        }
        const next = {
          title: body.title ?? d.title,
          folder: body.folder ?? d.folder,
          description: body.description === undefined ? d.description : body.description || null,
          visibility: body.visibility ?? d.visibility,
        };
        // The record's owners read its audit trail even where they may not read this document:
        // it says that the title or description changed, not what to.
        const changes = diff({ folder: d.folder, visibility: d.visibility }, { folder: next.folder, visibility: next.visibility }, ['folder', 'visibility']);
        const details = { titleChanged: next.title !== d.title, descriptionChanged: next.description !== d.description };
        if (Object.keys(changes).length === 0 && !details.titleChanged && !details.descriptionChanged) return present(ctx, loaded);
        if (!(await q.updateDocument(ctx.tx, id, body.version, next))) throw staleVersion(await present(ctx, await reloadDocument(ctx, id, loaded.record)));
        ctx.audit({ action: 'document.updated', ...documentSubject(loaded), changes, details });
        await announce(ctx, loaded.record, id, 'A document was changed');
        return present(ctx, await reloadDocument(ctx, id, loaded.record));
      });
    },

    async addVersion(who: Who, id: string, query: z.infer<typeof uploadVersionQuery>, bytes: Buffer): Promise<Document> {
      const upload = await uploads.prepare(bytes, query.fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        const loaded = await loadDocument(ctx, id);
        requireReadable(ctx, loaded);
        requireChange(ctx, loaded);
        const d = loaded.row.document;
        if (d.version !== query.version) throw staleVersion(await present(ctx, loaded));
        const stored = await uploads.store(ctx.tx, upload, { partnershipId: d.partnershipId, createdBy: ctx.actor.id }, written);
        const version = d.currentVersion + 1;
        if (!(await q.updateDocument(ctx.tx, id, query.version, { currentVersion: version }))) {
          throw staleVersion(await present(ctx, await reloadDocument(ctx, id, loaded.record)));
        }
        await q.insertVersion(ctx.tx, { documentId: id, version, storedFileId: stored.id, fileName: upload.fileName, scanResult: upload.scanResult, uploadedBy: ctx.actor.id });
        ctx.audit({ action: 'document.version_added', ...documentSubject(loaded), details: { version, contentType: upload.contentType, byteSize: upload.bytes.length } });
        await announce(ctx, loaded.record, id, 'A new version of a document was added');
        return present(ctx, await reloadDocument(ctx, id, loaded.record));
      }));
    },

    /**
     * A version's bytes. The download is audited in the transaction that reads them: if the
     * audit cannot be written, nothing is handed over. Only PDFs and images are shown inline.
     */
    content(who: Who, id: string, query: z.infer<typeof documentContentQuery>): Promise<DocumentContent> {
      return runner.run(who, async (ctx) => {
        const loaded = await loadDocument(ctx, id);
        requireReadable(ctx, loaded);
        const wanted = query.version ?? loaded.row.document.currentVersion;
        const version = (await q.listVersions(ctx.tx, [id])).find((v) => v.version === wanted);
        if (!version) throw new NotFoundError('version of this document');
        const bytes = await uploads.read(version.storageKey);
        if (!bytes) throw new NotFoundError('file');
        const inline = query.disposition === 'inline' && isPreviewable(version.contentType);
        ctx.audit({ action: 'document.downloaded', ...documentSubject(loaded), details: { version: wanted, disposition: inline ? 'inline' : 'attachment' } });
        return { bytes, contentType: version.contentType, disposition: contentDisposition(inline ? 'inline' : 'attachment', version.fileName) };
      });
    },

    /** A copy of a template from the partnership's library, as a document on the record. */
    fromTemplate(who: Who, kind: RecordKind, id: string, body: z.infer<typeof copyTemplateBody>): Promise<Document> {
      return runner.run(who, async (ctx) => {
        const record = await contributableRecord(ctx, kind, id);
        const template = await q.getTemplate(ctx.tx, ctx.actor.partnershipId, body.templateId);
        if (!template) throw new NotFoundError('template');
        if (!template.template.active) throw new ConflictError('This template has been retired from the library.', 'template_retired');
        // Template files are never removed (copies point at them) and were checked, and scanned
        // when a scanner is configured, as they entered the library.
        return addDocument(ctx, record, {
          reportId: null,
          folder: body.folder ?? template.template.folder,
          title: template.template.title,
          description: template.template.description,
          visibility: body.visibility,
          templateId: template.template.id,
        }, { storedFileId: template.template.storedFileId, fileName: template.template.fileName, scanResult: uploads.settings.clamav ? 'clean' : 'not_scanned' });
      });
    },
  };
}

/**
 * The current version's file of a document, for a reader another module has let have it (a
 * document shared with a client in the portal): that module checked who may, and audits the
 * download in the same transaction. Always as an attachment.
 */
export async function currentFileOf(ctx: AnyContext, uploads: Uploads, documentId: string): Promise<DocumentContent & { version: number }> {
  // Versions are only ever added, so the latest is the current one.
  const [current] = await q.listVersions(ctx.tx, [documentId]);
  if (!current) throw new NotFoundError('document');
  const bytes = await uploads.read(current.storageKey);
  if (!bytes) throw new NotFoundError('file');
  return { bytes, contentType: current.contentType, disposition: contentDisposition('attachment', current.fileName), version: current.version };
}

/** A scan attached to a report is read with it, so it may not reach anyone the report does not. */
const widerThanReport = () => new ValidationError([{ field: 'visibility', problem: 'must not be wider than the report it is attached to' }]);

/** A document named after its file when the uploader gives no title. */
function titleOf(upload: PreparedUpload): string {
  return upload.fileName.replace(/\.[A-Za-z0-9]{1,10}$/, '').slice(0, 200) || upload.fileName.slice(0, 200);
}

export type DocumentService = ReturnType<typeof createDocumentService>;
