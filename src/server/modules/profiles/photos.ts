import type { Profile } from '../../../shared/api/profiles.ts';
import type { Context, Runner, Who } from '../../platform/context.ts';
import { NotFoundError, staleVersion } from '../../platform/errors.ts';
import { prepareImage, storeImage } from '../../platform/files/images.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { forgetStoredFiles, getStoredFile } from '../../platform/files/stored.ts';
import { announce, editableProfile, presentFull, reload, subjectOf, viewableProfile } from './access.ts';
import * as q from './queries.ts';

export interface PhotoBytes {
  bytes: Buffer;
  contentType: string;
}

/**
 * A profile's photo. Image work (checking, re-encoding) runs before the transaction opens, so a
 * large upload never holds the database; bytes written for a change that then fails are removed,
 * and the bytes of a replaced photo are removed only once the change has committed.
 */
export function createPhotoService({ runner, files }: { runner: Runner; files: FileStorage }) {
  async function replace(ctx: Context, current: q.ProfileRow, version: number, next: { full: string; thumbnail: string } | null): Promise<Profile> {
    const id = current.profile.id;
    if (!(await q.updateProfile(ctx.tx, id, version, { photoFileId: next?.full ?? null, thumbnailFileId: next?.thumbnail ?? null }))) {
      throw staleVersion(await presentFull(ctx, await reload(ctx, id)));
    }
    const replaced = [current.profile.photoFileId, current.profile.thumbnailFileId].filter((f): f is string => f !== null);
    const keys = await forgetStoredFiles(ctx.tx, replaced);
    ctx.afterCommit(async () => {
      await Promise.all(keys.map((key) => files.delete(key)));
    });
    ctx.audit({ action: 'profile.photo_changed', ...subjectOf(current), changes: { photo: { before: current.profile.photoFileId, after: next?.full ?? null } } });
    const row = await reload(ctx, id);
    await announce(ctx, row);
    return presentFull(ctx, row);
  }

  return {
    async upload(who: Who, id: string, version: number, bytes: Buffer): Promise<Profile> {
      const image = await prepareImage(bytes);
      const written: string[] = [];
      try {
        return await runner.run(who, async (ctx) => {
          const current = await editableProfile(ctx, id);
          if (current.profile.version !== version) throw staleVersion(await presentFull(ctx, current));
          const stored = await storeImage(ctx.tx, files, image, {
            partnershipId: current.profile.partnershipId,
            createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
            originalName: null,
          });
          written.push(stored.full.storageKey, stored.thumbnail.storageKey);
          return replace(ctx, current, version, { full: stored.full.id, thumbnail: stored.thumbnail.id });
        });
      } catch (error) {
        await Promise.allSettled(written.map((key) => files.delete(key)));
        throw error;
      }
    },

    remove(who: Who, id: string, version: number): Promise<Profile> {
      return runner.run(who, async (ctx) => {
        const current = await editableProfile(ctx, id);
        if (current.profile.version !== version) throw staleVersion(await presentFull(ctx, current));
        if (!current.profile.photoFileId) return presentFull(ctx, current);
        return replace(ctx, current, version, null);
      });
    },

    /** The photo or its thumbnail, for whoever may open the profile. Thumbnails fill lists, so only the photo itself is audited. */
    async read(who: Who, id: string, size: 'full' | 'thumbnail'): Promise<PhotoBytes> {
      const file = await runner.run(who, async (ctx) => {
        const { row } = await viewableProfile(ctx, id);
        const fileId = size === 'full' ? row.profile.photoFileId : row.profile.thumbnailFileId;
        const stored = fileId ? await getStoredFile(ctx.tx, fileId) : null;
        if (!stored) throw new NotFoundError('photo');
        if (size === 'full') ctx.audit({ action: 'profile.photo_viewed', ...subjectOf(row) });
        return stored;
      });
      const bytes = await files.get(file.storageKey);
      if (!bytes) throw new NotFoundError('photo');
      return { bytes, contentType: file.contentType };
    },
  };
}

export type PhotoService = ReturnType<typeof createPhotoService>;
