import type { PortalEndReason } from '../../../shared/portal.ts';
import { endAccessSessions } from '../../platform/auth/portal-sessions.ts';
import type { Context } from '../../platform/context.ts';
import { audienceOf, findProfile, type FoundProfile } from '../profiles/access.ts';
import { subjectOfAccess } from './present.ts';
import * as q from './queries.ts';

/** Tells everyone who can open the person that their portal access changed (ids only). */
export async function announcePortal(ctx: Context, profile: FoundProfile['row']): Promise<void> {
  ctx.emit({ type: 'portal_access.changed', audience: await audienceOf(ctx, profile), data: { profileId: profile.profile.id } });
}

/**
 * Ends the client's access at once: their codes stop working, their sessions end, and an open
 * portal page returns to sign-in. The access is kept, with why it ended.
 */
export async function endAccess(ctx: Context, access: q.AccessRow, reason: PortalEndReason, profile: FoundProfile['row'], caseId?: string): Promise<void> {
  if (!(await q.endAccess(ctx.tx, access.id, reason, ctx.actor.kind === 'user' ? ctx.actor.id : null))) return;
  await q.endLiveCodes(ctx.tx, access.id);
  const sessionsEnded = await endAccessSessions(ctx.tx, access.id, reason);
  if (sessionsEnded > 0) ctx.emit({ type: 'session.ended', audience: { clientIds: [access.id] }, data: { reason } });
  ctx.audit({
    action: 'portal_access.ended',
    ...subjectOfAccess(access),
    details: { profileId: access.profileId, endReason: reason, sessionsEnded, ...(caseId ? { caseId } : {}) },
  });
  await announcePortal(ctx, profile);
}

/**
 * Called by the cases module when a case closes: access the practitioner chose to end with it
 * ends, whether or not the one closing the case may open the person.
 */
export async function endAccessForClosedCase(ctx: Context, caseId: string): Promise<void> {
  for (const access of await q.liveAccessesEndingWith(ctx.tx, caseId)) {
    await endAccess(ctx, access, 'case_closed', (await findProfile(ctx, access.profileId)).row, caseId);
  }
}

/**
 * Called by the profile merges module before a duplicate is folded into another profile: the
 * duplicate's access ends (the survivor keeps its own, if any; a practitioner may invite again).
 */
export async function endAccessForMergedProfile(ctx: Context, profileId: string): Promise<void> {
  const access = await q.liveAccessOf(ctx.tx, profileId);
  if (access) await endAccess(ctx, access, 'profile_merged', (await findProfile(ctx, profileId)).row);
}
