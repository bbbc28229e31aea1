import type { z } from 'zod';
import type { ProfileSafetyPlan, SafetyPlan, safetyPlanBody } from '../../../shared/api/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { staleVersion } from '../../platform/errors.ts';
import { liveAccessOf, profileOwners } from '../portal/service.ts';
import { audienceOf, editableProfile, viewableProfile } from '../profiles/access.ts';
import * as q from './queries.ts';

type CheckedProfile = Awaited<ReturnType<typeof editableProfile>>;

/** A person without a plan has an empty one at version 0, which the first save starts from. */
function presentPlan(row: q.PlanRow | null): SafetyPlan {
  if (!row) return { steps: [], safeContacts: [], emergencyContacts: [], version: 0, updatedAt: null, updatedBy: null };
  const p = row.plan;
  return {
    steps: p.steps,
    safeContacts: p.safeContacts,
    emergencyContacts: p.emergencyContacts,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: { name: row.updatedByName },
  };
}

function presentForStaff(ctx: Context, profile: CheckedProfile, row: q.PlanRow | null): ProfileSafetyPlan {
  return { ...presentPlan(row), permissions: { canEdit: effectiveLevel(ctx.actor, profile.level) === 'edit' } };
}

/** The plan's audit subject is the person's plan, keyed by the person, owned by the team that holds them. */
const planSubject = (profile: { profile: { id: string; ownerTeamId: string }; ownerOrganisationId: string }) => ({
  entityType: 'safety_plan' as const,
  entityId: profile.profile.id,
  subjectOrganisationId: profile.ownerOrganisationId,
  subjectTeamId: profile.profile.ownerTeamId,
});

/** The person's safety plan as the practitioner sees it: anyone who may open the person reads it. */
export async function getProfileSafetyPlan(ctx: Context, profileId: string): Promise<ProfileSafetyPlan> {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const plan = await q.getPlan(ctx.tx, profile.profile.id);
  ctx.audit({ action: 'safety_plan.viewed', ...planSubject(profile), details: { side: 'staff' } });
  return presentForStaff(ctx, profile, plan);
}

/**
 * Writes the whole plan, from the version read (0 for the first) when the caller says which. Only staff with edit on the
 * person change it; the client reads it, and an open portal page hears that it changed.
 */
export async function setSafetyPlan(ctx: Context, profileId: string, body: z.infer<typeof safetyPlanBody>): Promise<ProfileSafetyPlan> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  const current = await q.getPlan(ctx.tx, id);
  const stale = async () => staleVersion(presentForStaff(ctx, profile, await q.getPlan(ctx.tx, id)));
  const based = body.version ?? current?.plan.version ?? 0;
  if ((current?.plan.version ?? 0) !== based) throw await stale();
  const values = { steps: body.steps, safeContacts: body.safeContacts.map((c) => ({ ...c, note: c.note || null })), emergencyContacts: body.emergencyContacts, updatedBy: ctx.actor.id };
  const saved = current
    ? await q.updatePlan(ctx.tx, id, based, values)
    : await q.insertPlan(ctx.tx, { ...values, profileId: id, partnershipId: profile.profile.partnershipId });
  if (!saved) throw await stale();
  // Counts only: the plan names the person's contacts and what they will do to stay safe.
  ctx.audit({
    action: 'safety_plan.updated',
    ...planSubject(profile),
    details: { steps: body.steps.length, safeContacts: body.safeContacts.length, emergencyContacts: body.emergencyContacts.length },
  });
  const access = await liveAccessOf(ctx, id);
  ctx.emit({ type: 'safety_plan.updated', audience: { ...(await audienceOf(ctx, profile)), clientIds: access ? [access.id] : [] }, data: { profileId: id } });
  return presentForStaff(ctx, profile, await q.getPlan(ctx.tx, id));
}

/** The client's own plan, to read and print; an empty one until their practitioner writes it. */
export async function getClientSafetyPlan(ctx: Context<ClientActor>): Promise<SafetyPlan> {
  const { profileId } = ctx.actor;
  const plan = await q.getPlan(ctx.tx, profileId);
  ctx.audit({ action: 'safety_plan.viewed', entityType: 'safety_plan', entityId: profileId, ...(await profileOwners(ctx, profileId)), details: { side: 'client' } });
  return presentPlan(plan);
}
