import type { z } from 'zod';
import type { ContactPlan, contactPlanBody } from '../../../shared/api/victim-care.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { effectiveLevel, mayEverEdit } from '../../platform/access/records.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { addDays, londonToday } from '../../platform/london.ts';
import { audienceOf, editableProfile, subjectOf, viewableProfile } from '../profiles/access.ts';
import * as q from './queries.ts';
import { cadenceFor, settingsOf, type Settings } from './settings.ts';

/** A profile as the one record check returned it. */
export type CheckedProfile = Awaited<ReturnType<typeof editableProfile>>;

export function presentPlan(actor: Actor, profile: CheckedProfile, row: q.PlanRow, settings: Settings): ContactPlan {
  const p = row.plan;
  return {
    profileId: p.profileId,
    case: row.case,
    frequencyDays: p.frequencyDays,
    defaultFrequencyDays: cadenceFor(settings, profile.profile.riskLevel),
    preferredChannel: p.preferredChannel,
    safeTimes: p.safeTimes,
    safeToText: p.safeToText,
    safeToVoicemail: p.safeToVoicemail,
    safeToEmail: p.safeToEmail,
    safeToLetter: p.safeToLetter,
    lastContactAt: p.lastContactAt?.toISOString() ?? null,
    nextContactDue: p.nextContactDue,
    overdue: row.overdueDays > 0,
    daysOverdue: row.overdueDays,
    setBy: p.setBy ? { id: p.setBy, name: row.setByName ?? '' } : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
    permissions: { canEdit: effectiveLevel(actor, profile.level) === 'edit', canRecordContact: mayEverEdit(actor) },
  };
}

/** Tells everyone who can open the person that their victim care changed (ids only). */
export async function announceVictimCare(ctx: Context, profile: CheckedProfile): Promise<void> {
  ctx.emit({ type: 'victim_care.changed', audience: await audienceOf(ctx, profile), data: { profileId: profile.profile.id } });
}

/** The plan's fields the audit trail compares; a safe time may name people, so it is only said to have changed. */
const auditedFields = ['frequencyDays', 'caseId', 'preferredChannel', 'safeToText', 'safeToVoicemail', 'safeToEmail', 'safeToLetter', 'nextContactDue'] as const;
const auditView = (p: q.PlanRow['plan'] | null) => p && {
  frequencyDays: p.frequencyDays, caseId: p.caseId, preferredChannel: p.preferredChannel, safeToText: p.safeToText,
  safeToVoicemail: p.safeToVoicemail, safeToEmail: p.safeToEmail, safeToLetter: p.safeToLetter, nextContactDue: p.nextContactDue,
};

/**
 * A plan is tied only to a case the person is linked to. The case it has already stands when the
 * plan is saved again, as the form sends it back, even if the person has since left the case.
 */
async function checkCase(ctx: Context, profileId: string, caseId: string | null | undefined, current: q.PlanRow | null): Promise<void> {
  if (!caseId || caseId === current?.plan.caseId) return;
  if (!(await q.caseOfPerson(ctx.tx, ctx.actor.partnershipId, caseId, profileId))) {
    throw new ValidationError([{ field: 'caseId', problem: 'is not a case this person is linked to' }]);
  }
}

/** The day a plan's next contact falls due: its frequency after the last contact, or after the plan was set. */
function nextDue(plan: { lastContactAt: Date | null; createdAt: Date }, frequencyDays: number): string {
  return addDays(londonToday(plan.lastContactAt ?? plan.createdAt), frequencyDays);
}

type Body = z.infer<typeof contactPlanBody>;

/**
 * Sets or changes a victim's contact plan: anyone with edit on the person. A new plan starts from
 * the partnership's cadence for their risk level, nothing yet confirmed safe, its first contact due
 * a frequency from today; `frequencyDays: null` returns to the cadence. A new frequency moves the
 * next contact to that many days after the last one.
 */
export async function setContactPlan(ctx: Context, profileId: string, body: Body): Promise<ContactPlan> {
  const profile = await editableProfile(ctx, profileId);
  const id = profile.profile.id;
  const settings = await settingsOf(ctx.tx, ctx.actor.partnershipId);
  const current = await q.getPlan(ctx.tx, id);
  await checkCase(ctx, id, body.caseId, current);
  if (current && body.version !== undefined && body.version !== current.plan.version) throw staleVersion(presentPlan(ctx.actor, profile, current, settings));
  const frequencyDays = body.frequencyDays === undefined ? current?.plan.frequencyDays : body.frequencyDays ?? cadenceFor(settings, profile.profile.riskLevel);
  const setBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const fields = {
    caseId: body.caseId,
    preferredChannel: body.preferredChannel,
    safeTimes: body.safeTimes,
    safeToText: body.safeToText,
    safeToVoicemail: body.safeToVoicemail,
    safeToEmail: body.safeToEmail,
    safeToLetter: body.safeToLetter,
  };
  if (!current) {
    const frequency = frequencyDays ?? cadenceFor(settings, profile.profile.riskLevel);
    const created = await q.insertPlan(ctx.tx, {
      ...fields, profileId: id, partnershipId: ctx.actor.partnershipId, frequencyDays: frequency, nextContactDue: addDays(londonToday(), frequency), setBy,
    });
    if (!created) throw staleVersion(presentPlan(ctx.actor, profile, (await q.getPlan(ctx.tx, id))!, settings));
  } else {
    const moved = frequencyDays !== undefined && frequencyDays !== current.plan.frequencyDays;
    const changed = await q.updatePlan(ctx.tx, id, current.plan.version, {
      ...fields, frequencyDays, setBy, ...(moved ? { nextContactDue: nextDue(current.plan, frequencyDays) } : {}),
    });
    if (!changed) throw staleVersion(presentPlan(ctx.actor, profile, (await q.getPlan(ctx.tx, id))!, settings));
  }
  const saved = (await q.getPlan(ctx.tx, id))!;
  ctx.audit({
    action: 'contact_plan.set',
    ...subjectOf(profile),
    changes: diff(auditView(current?.plan ?? null), auditView(saved.plan), auditedFields),
    details: { created: !current, safeTimesChanged: (current?.plan.safeTimes ?? null) !== saved.plan.safeTimes },
  });
  await announceVictimCare(ctx, profile);
  return presentPlan(ctx.actor, profile, saved, settings);
}

export async function getContactPlan(ctx: Context, profileId: string): Promise<ContactPlan> {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const plan = await q.getPlan(ctx.tx, profile.profile.id);
  if (!plan) throw new NotFoundError('contact plan');
  ctx.audit({ action: 'contact_plan.viewed', ...subjectOf(profile) });
  return presentPlan(ctx.actor, profile, plan, await settingsOf(ctx.tx, ctx.actor.partnershipId));
}

/**
 * A victim added to a case gets a plan at the partnership's cadence for their risk level, tied to
 * that case, unless they have one already. Linking needed edit on the case and the right to open
 * the person; the plan follows from the link, as a location's people follow from an address.
 */
export async function planForVictimOfCase(ctx: Context, profile: CheckedProfile, caseId: string): Promise<void> {
  const settings = await settingsOf(ctx.tx, ctx.actor.partnershipId);
  const frequencyDays = cadenceFor(settings, profile.profile.riskLevel);
  const created = await q.insertPlan(ctx.tx, {
    profileId: profile.profile.id,
    partnershipId: ctx.actor.partnershipId,
    caseId,
    frequencyDays,
    nextContactDue: addDays(londonToday(), frequencyDays),
    setBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  });
  if (!created) return;
  const saved = (await q.getPlan(ctx.tx, profile.profile.id))!;
  ctx.audit({
    action: 'contact_plan.set',
    ...subjectOf(profile),
    changes: diff(null, auditView(saved.plan), auditedFields),
    details: { created: true, safeTimesChanged: false, by: 'victim linked to case', caseId },
  });
  await announceVictimCare(ctx, profile);
}
