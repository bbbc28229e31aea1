import type { AnyContext } from '../../platform/context.ts';
import * as q from './queries.ts';

/** What other modules use of the portal: the one way to tell a client anything, and who has access. */
export { safeChannels, type SafeChannels } from './channels.ts';
export { tellClient, type Tell, type TellDeps } from './tell.ts';
export { endAccessForClosedCase, endAccessForMergedProfile } from './ending.ts';

export interface LiveAccess {
  id: string;
  profileId: string;
  partnershipId: string;
  /** The keyworker's team, which holds the conversation. */
  teamId: string;
  keyworkerId: string;
  email: string | null;
  mobile: string | null;
}

/** The person's live portal access, if any. The caller has checked who may know. */
export async function liveAccessOf(ctx: AnyContext, profileId: string): Promise<LiveAccess | null> {
  const row = await q.liveAccessOf(ctx.tx, profileId);
  if (!row) return null;
  const { id, partnershipId, teamId, keyworkerId, email, mobile } = row;
  return { id, profileId: row.profileId, partnershipId, teamId, keyworkerId, email, mobile };
}

/** The team and organisation holding the person: the subject of what their client does in the portal, for those administrators' audit view. */
export const profileOwners = (ctx: AnyContext, profileId: string) => q.ownersOf(ctx.tx, profileId);
