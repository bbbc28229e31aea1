import type { z } from 'zod';
import type { PortalAccess, portalAccessBody, ProfilePortal } from '../../../shared/api/portal.ts';
import { effectiveLevel, mayEverEdit } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { editableProfile, subjectOf, viewableProfile } from '../profiles/access.ts';
import { UnsafeChannelError } from '../victim-care/contacts.ts';
import { channelsOf, safeChannels } from './channels.ts';
import { issueCode, type CodeDeps } from './codes.ts';
import { announcePortal, endAccess } from './ending.ts';
import { presentAccess, subjectOfAccess } from './present.ts';
import * as q from './queries.ts';

type Body = z.infer<typeof portalAccessBody>;

const unsafe = (what: string) => `is not safe: the contact plan does not say it is safe to ${what} this person. Check with them and change the plan first.`;

async function presentLatest(ctx: Context, profileId: string): Promise<PortalAccess> {
  return presentAccess((await q.latestAccessOf(ctx.tx, profileId))!);
}

/**
 * Invites the person on the profile to the portal: anyone with edit on the profile, who becomes
 * their keyworker (their team holds the conversation). The first code goes by email if given,
 * else by text. A channel the contact plan does not mark safe is refused, as victim care refuses
 * recording a message sent that way: the plan must say so first.
 */
export async function inviteClient(ctx: Context, deps: CodeDeps, profileId: string, body: Body): Promise<PortalAccess> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  if (ctx.actor.kind !== 'user') throw new ForbiddenError('Only a practitioner can invite a client: they become the client\'s keyworker.');
  if (await q.liveAccessOf(ctx.tx, id)) throw new ConflictError('This person can already sign in to the portal. End their access before inviting them again.');
  if (body.endWithCaseId && !(await q.caseOfPerson(ctx.tx, ctx.actor.partnershipId, body.endWithCaseId, id))) {
    throw new ValidationError([{ field: 'endWithCaseId', problem: 'is not a case this person is linked to' }]);
  }
  const safe = await safeChannels(ctx, id);
  const problems = [
    ...(body.email !== undefined && !safe.email ? [{ field: 'email', problem: unsafe('email') }] : []),
    ...(body.mobile !== undefined && !safe.sms ? [{ field: 'mobile', problem: unsafe('text') }] : []),
  ];
  if (problems.length > 0) {
    const channels = problems.map((p) => (p.field === 'email' ? 'email' as const : 'sms' as const));
    ctx.refuse({ action: 'portal_access.invited', ...subjectOf(profile), details: { code: 'unsafe_channel', channels } });
    throw new UnsafeChannelError(`Inviting them by ${channels.map((c) => (c === 'email' ? 'email' : 'text')).join(' or ')} is not safe: the contact plan does not say so.`, problems);
  }
  const accessId = await q.insertAccess(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    profileId: id,
    email: body.email ?? null,
    mobile: body.mobile ?? null,
    keyworkerId: ctx.actor.id,
    teamId: ctx.actor.teamId,
    invitedBy: ctx.actor.id,
    endWithCaseId: body.endWithCaseId ?? null,
  });
  const access = (await q.accessById(ctx.tx, accessId))!;
  const channel = access.email ? 'email' : 'sms';
  await issueCode(ctx, deps, access, channel, 'invitation');
  ctx.audit({
    action: 'portal_access.invited',
    ...subjectOfAccess(access),
    details: { profileId: id, channels: channelsOf(access), keyworkerId: access.keyworkerId, teamId: access.teamId, endWithCaseId: access.endWithCaseId, code: channel },
  });
  await announcePortal(ctx, profile);
  return presentLatest(ctx, id);
}

/** The portal on a profile's page: the access (live, or the last one ended), the safe channels and what the reader may do. */
export async function getProfilePortal(ctx: Context, profileId: string): Promise<ProfilePortal> {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const id = profile.profile.id;
  const latest = await q.latestAccessOf(ctx.tx, id);
  const live = latest && !latest.access.endedAt ? latest.access : null;
  const canEdit = effectiveLevel(ctx.actor, profile.level) === 'edit';
  ctx.audit({ action: 'portal_access.viewed', ...subjectOf(profile), details: { profileId: id, accessId: latest?.access.id ?? null } });
  return {
    access: latest && presentAccess(latest),
    safeChannels: await safeChannels(ctx, id),
    permissions: {
      canInvite: canEdit && !live && ctx.actor.kind === 'user',
      canEnd: canEdit && live !== null,
      // The conversation is the keyworker's team's.
      canMessage: live !== null && live.teamId === ctx.actor.teamId && mayEverEdit(ctx.actor),
    },
  };
}

/** Ends the client's access at once (edit on the profile), with their sessions. */
export async function endClientAccess(ctx: Context, profileId: string): Promise<PortalAccess> {
  const profile = await editableProfile(ctx, profileId);
  const access = await q.liveAccessOf(ctx.tx, profile.profile.id);
  if (!access) throw new NotFoundError('portal access');
  await endAccess(ctx, access, 'ended_by_staff', profile);
  return presentLatest(ctx, profile.profile.id);
}
