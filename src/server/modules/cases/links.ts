import type { z } from 'zod';
import type { linkLocationBody, linkProfileBody } from '../../../shared/api/cases.ts';
import { checkRecord, type AccessFacts, type Checked } from '../../platform/access/check.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { safetyOf } from '../profiles/safety.ts';
import { victimLinkedToCase } from '../victim-care/service.ts';
import * as q from './queries.ts';
import { announce, loadForChange, presentLinkedLocation, presentLinkedProfile, subjectOf, userIdOf } from './record.ts';

/**
 * People and places on a case. Linking needs edit on the case and the right to open what is
 * linked: a record the actor cannot open is refused with its owner, so they can ask for access.
 * Unlinking needs only edit on the case.
 */

type Linked = Omit<AccessFacts, 'id'>;

/** A record to link must exist in the partnership (else the field is wrong) and be one the actor may open. */
function requireOpenable<T extends Linked>(ctx: Context, kind: 'profile' | 'location', id: string, row: T | null, field: string): Checked<T> {
  if (!row || row.partnershipId !== ctx.actor.partnershipId) throw new ValidationError([{ field, problem: `is not a ${kind} on the record` }]);
  return checkRecord(ctx, 'open', kind, row, (r) => ({ ...r, id }));
}

export async function linkProfile(ctx: Context, caseId: string, body: z.infer<typeof linkProfileBody>) {
  const kase = await loadForChange(ctx, caseId);
  const profile = requireOpenable(ctx, 'profile', body.profileId, await q.getProfile(ctx.tx, ctx.actor, body.profileId), 'profileId');
  if (profile.mergedIntoId) throw new ValidationError([{ field: 'profileId', problem: 'was merged into another profile: link that one instead' }]);
  if (!(await q.linkProfile(ctx.tx, { caseId, profileId: body.profileId, role: body.role, addedBy: userIdOf(ctx.actor) }))) {
    throw new ConflictError('This person is already linked to the case.', 'already_linked');
  }
  await q.touchCase(ctx.tx, caseId);
  ctx.audit({ action: 'case.profile_linked', ...subjectOf(kase), details: { profileId: body.profileId, role: body.role } });
  if (body.role === 'victim') await victimLinkedToCase(ctx, { caseId, profileId: body.profileId });
  await announce(ctx, caseId);
  const safety = await safetyOf(ctx, [body.profileId]);
  return presentLinkedProfile(profile, body.role, safety.get(body.profileId));
}

export async function unlinkProfile(ctx: Context, caseId: string, profileId: string) {
  const kase = await loadForChange(ctx, caseId);
  const removed = await q.unlinkProfile(ctx.tx, caseId, profileId);
  if (!removed) throw new NotFoundError('link between this case and that profile');
  await q.touchCase(ctx.tx, caseId);
  ctx.audit({ action: 'case.profile_unlinked', ...subjectOf(kase), details: { profileId, role: removed.role } });
  await announce(ctx, caseId);
}

export async function linkLocation(ctx: Context, caseId: string, body: z.infer<typeof linkLocationBody>) {
  const kase = await loadForChange(ctx, caseId);
  const location = requireOpenable(ctx, 'location', body.locationId, await q.getLocation(ctx.tx, ctx.actor, body.locationId), 'locationId');
  if (!(await q.linkLocation(ctx.tx, { caseId, locationId: body.locationId, addedBy: userIdOf(ctx.actor) }))) {
    throw new ConflictError('This location is already linked to the case.', 'already_linked');
  }
  await q.touchCase(ctx.tx, caseId);
  ctx.audit({ action: 'case.location_linked', ...subjectOf(kase), details: { locationId: body.locationId } });
  await announce(ctx, caseId);
  return presentLinkedLocation(location);
}

export async function unlinkLocation(ctx: Context, caseId: string, locationId: string) {
  const kase = await loadForChange(ctx, caseId);
  if (!(await q.unlinkLocation(ctx.tx, caseId, locationId))) throw new NotFoundError('link between this case and that location');
  await q.touchCase(ctx.tx, caseId);
  ctx.audit({ action: 'case.location_unlinked', ...subjectOf(kase), details: { locationId } });
  await announce(ctx, caseId);
}
