import type { Agreement } from '../../../../shared/api/agreements.ts';
import type { Runner, Who } from '../../../platform/context.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { contentDisposition } from '../../../platform/files/content.ts';
import { UnsupportedFileTypeError } from '../../../platform/files/images.ts';
import { getStoredFile } from '../../../platform/files/stored.ts';
import type { Uploads } from '../../documents/uploads.ts';
import * as q from './queries.ts';
import { findAgreement, present, requireKeeper, subject } from './service.ts';

/**
 * The signed agreement: a PDF, checked as every document is (its kind from its bytes, the virus
 * scan when one is configured) before any transaction opens, stored on the agreement rather than
 * on a record. Its keepers upload it; all staff may download it, and each download is audited.
 */
export function createAgreementDocuments({ runner, uploads }: { runner: Runner; uploads: Uploads }) {
  return {
    async upload(who: Who, id: string, fileName: string, bytes: Buffer): Promise<Agreement> {
      const prepared = await uploads.prepare(bytes, fileName);
      if (prepared.contentType !== 'application/pdf') throw new UnsupportedFileTypeError('Upload the signed agreement as a PDF.');
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        requireKeeper(ctx);
        const row = await findAgreement(ctx, id);
        const stored = await uploads.store(ctx.tx, prepared, { partnershipId: row.partnershipId, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null }, written);
        const saved = await q.setDocument(ctx.tx, row.id, stored.id, prepared.fileName);
        ctx.audit({ action: 'sharing_agreement.document_uploaded', ...subject(row), details: { storedFileId: stored.id } });
        return present(ctx, saved);
      }));
    },

    async download(who: Who, id: string): Promise<{ bytes: Buffer; contentType: string; disposition: string }> {
      return runner.run(who, async (ctx) => {
        const row = await findAgreement(ctx, id);
        const file = row.documentFileId ? await getStoredFile(ctx.tx, row.documentFileId) : null;
        const bytes = file ? await uploads.read(file.storageKey) : null;
        if (!file || !bytes) throw new NotFoundError('signed agreement');
        ctx.audit({ action: 'sharing_agreement.document_downloaded', ...subject(row), details: { storedFileId: file.id } });
        return { bytes, contentType: file.contentType, disposition: contentDisposition('attachment', row.documentName ?? 'agreement.pdf') };
      });
    },
  };
}
