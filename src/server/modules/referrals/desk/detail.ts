import type { Referral } from '../../../../shared/api/referrals.ts';
import type { ProfileMatch } from '../../../../shared/api/profiles.ts';
import type { Context } from '../../../platform/context.ts';
import type { KeyRing } from '../../../platform/crypto/envelope.ts';
import { findMatches } from '../../profiles/service.ts';
import { safetyOf } from '../../profiles/safety.ts';
import { loadForDesk, referralSubject } from '../referral.ts';
import { presentReferral } from './present.ts';

/** A referral's page on the desk: everything the referrer said, unsealed, with the desk's work on it. */
export async function getReferral(ctx: Context, keyRing: KeyRing, id: string): Promise<Referral> {
  const loaded = await loadForDesk(ctx, keyRing, id);
  ctx.audit({ action: 'referral.viewed', ...referralSubject(loaded.opened), details: { reference: loaded.opened.reference } });
  return presentReferral(ctx, keyRing, loaded);
}

/**
 * Who the subject may already be ("search and signpost"), from the profiles' own matching: people
 * across the partnership, those the reader may not open as locked stubs naming who holds them.
 */
export async function referralMatches(ctx: Context, keyRing: KeyRing, id: string): Promise<{ items: ProfileMatch[] }> {
  const { opened } = await loadForDesk(ctx, keyRing, id);
  const { firstName, lastName, dateOfBirth } = opened.subject;
  const matches = await findMatches(ctx, { firstName, lastName, dateOfBirth: dateOfBirth ?? undefined });
  const safety = await safetyOf(ctx, matches.filter((m) => m.accessible).map((m) => m.profile.id));
  const items = matches.map((m) => ({ ...m, safety: safety.get(m.profile.id) ?? null }));
  ctx.audit({ action: 'referral.matches_viewed', ...referralSubject(opened), details: { reference: opened.reference, profileIds: items.map((m) => m.profile.id) } });
  return { items };
}
