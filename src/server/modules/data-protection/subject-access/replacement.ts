import type { SubjectAccessItem } from '../../../../shared/api/subject-access.ts';
import type { Runner, Who } from '../../../platform/context.ts';
import type { KeyRing } from '../../../platform/crypto/envelope.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { Uploads } from '../../documents/uploads.ts';
import * as q from './queries.ts';
import { changeable, presentOne } from './review.ts';
import { requestSubject } from './service.ts';

/**
 * A reviewer's redacted copy of a document or attachment (D12: a file cannot be redacted in
 * place): checked as every upload is (its kind from its bytes, the virus scan when configured)
 * before any transaction opens, then sent in the ZIP instead of the original.
 */
export function createReplacements({ runner, uploads, keyRing }: { runner: Runner; uploads: Uploads; keyRing: KeyRing }) {
  return {
    async upload(who: Who, requestId: string, itemId: string, fileName: string, bytes: Buffer): Promise<SubjectAccessItem> {
      const prepared = await uploads.prepare(bytes, fileName);
      return uploads.cleaningUp((written) => runner.run(who, async (ctx) => {
        const { row, item } = await changeable(ctx, requestId, itemId);
        if (!item.storedFileId) throw new ValidationError([{ field: 'itemId', problem: 'has no file to replace' }], 'Only a document or an attachment has a file to replace.');
        const stored = await uploads.store(ctx.tx, prepared, { partnershipId: row.partnershipId, createdBy: ctx.actor.id }, written);
        await q.setReplacement(ctx.tx, item.id, stored.id);
        ctx.audit({ action: 'subject_access.replacement_uploaded', ...requestSubject(row), details: { requestId: row.id, itemId: item.id, storedFileId: stored.id } });
        return presentOne(ctx, keyRing, row.id, item.id);
      }));
    },
  };
}
