import type { Context } from '../../../platform/context.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { getStoredFile } from '../../../platform/files/stored.ts';
import { ConflictError, GoneError } from '../../../platform/errors.ts';
import * as q from './queries.ts';
import { loadRequest, requestSubject, requireHandler } from './service.ts';

/**
 * The ZIP, for the handling organisation's admins to give the person, while the download window is
 * open: 410 `download_expired` after it (whether or not the sweep has deleted it yet), 409
 * `not_ready` before. Every download is counted and audited.
 */
export async function downloadExport(ctx: Context, files: FileStorage, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const row = await loadRequest(ctx, id);
  requireHandler(ctx, row);
  if (row.status === 'expired' || (row.status === 'ready' && (!row.downloadExpiresAt || row.downloadExpiresAt <= new Date()))) {
    throw new GoneError('The download window for this request has closed and its file was deleted.', 'download_expired');
  }
  if (row.status !== 'ready' || !row.zipFileId) throw new ConflictError('This request is not ready to download yet.', 'not_ready');
  const stored = await getStoredFile(ctx.tx, row.zipFileId);
  const bytes = stored ? await files.get(stored.storageKey) : null;
  if (!bytes) throw new Error(`subject access ${row.id}: its ZIP is missing from storage`);
  const downloads = await q.countDownload(ctx.tx, row.id);
  ctx.audit({ action: 'subject_access.downloaded', ...requestSubject(row), details: { downloads } });
  return { fileName: `${row.reference}.zip`, bytes };
}
