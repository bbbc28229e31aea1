import { slug as slugOf } from '../../db/seed/lookup-defaults.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import * as q from './queries.ts';

/** Addresses under /refer/ that are pages of their own, never a form: the referrer's answer link is /refer/answer/<token>. */
const reserved = new Set(['answer']);

/**
 * The public address of a form. A slug the builder gives must be free (409 `slug_taken`); one
 * made from the name gets -2, -3 … when the plain one is taken, as template keys do.
 */
export async function chooseSlug(ctx: Context, name: string, given: string | undefined, exceptId: string | null): Promise<string> {
  if (given !== undefined) {
    if (reserved.has(given)) throw new ValidationError([{ field: 'slug', problem: `"${given}" is kept for Concord's own pages; choose another` }]);
    if (await q.slugTaken(ctx.tx, given, exceptId)) throw new ConflictError(`The address /refer/${given} is already used by another form. Choose another.`, 'slug_taken');
    return given;
  }
  // Room for a "-NN" after the 80 characters a slug may have.
  const stem = slugOf(name).replace(/_/g, '-').replace(/-+/g, '-').replace(/^-+/, '').slice(0, 70).replace(/-+$/, '') || 'referral-form';
  const used = new Set([...reserved, ...await q.slugsLike(ctx.tx, stem)]);
  let made = stem;
  for (let n = 2; used.has(made); n++) made = `${stem}-${n}`;
  return made;
}
