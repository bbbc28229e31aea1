import type { z } from 'zod';
import type { CaseReview, createCaseReviewBody, moveCaseReviewBody, openCaseReviewBody } from '../../../../shared/api/victim-care.ts';
import { caseReviewStageLabels, type CaseReviewStage } from '../../../../shared/victim-care.ts';
import { checkRecord } from '../../../platform/access/check.ts';
import type { Context } from '../../../platform/context.ts';
import { ConflictError, NotFoundError, staleVersion, ValidationError } from '../../../platform/errors.ts';
import { londonInstant, londonToday } from '../../../platform/london.ts';
import { closeFulfilledActions } from '../../actions/service.ts';
import { remindAssessor } from '../../assessments/reminders.ts';
import { findProfile, profileFacts, subjectOf, viewableProfile } from '../../profiles/access.ts';
import { findRecord } from '../../sharing/record-access.ts';
import { dueAfter } from '../clocks.ts';
import { announceVictimCare, type CheckedProfile } from '../plans.ts';
import * as flags from '../triggers/queries.ts';
import { presentReview, waitingStep } from './present.ts';
import * as q from './queries.ts';
import { stepChange } from './steps.ts';

/**
 * Sets the review's owner a reminder for the morning the waiting step falls due (at once if that
 * has passed), on the person's record, through the reminders every assessment uses. The title
 * names the step, never the person: reminders are emailed.
 */
async function remindOwner(ctx: Context, ownerId: string, profileId: string, step: { stage: CaseReviewStage; dueOn: string } | null): Promise<string | null> {
  if (!step) return null;
  const dueAt = new Date(Math.max(londonInstant(step.dueOn, 9).getTime(), Date.now()));
  return remindAssessor(ctx, ownerId, await findRecord(ctx, 'profile', profileId), `ASB case review: ${caseReviewStageLabels[step.stage].toLowerCase()} due`, dueAt);
}

/** Anyone who may add to the person's record runs their review; others are refused as for any record. */
async function contributableProfile(ctx: Context, profileId: string): Promise<CheckedProfile> {
  return checkRecord(ctx, 'contribute', 'profile', (await findProfile(ctx, profileId)).row, profileFacts);
}

async function openReview(ctx: Context, profile: CheckedProfile, flag: flags.FlagRow | null, receivedOn: string | undefined): Promise<CaseReview> {
  const today = londonToday();
  const applicationReceivedOn = receivedOn ?? today;
  if (applicationReceivedOn > today) throw new ValidationError([{ field: 'applicationReceivedOn', problem: 'must not be in the future' }]);
  const thresholdDueOn = dueAfter('threshold-decision', applicationReceivedOn);
  const reminderActionId = await remindOwner(ctx, ctx.actor.id, profile.profile.id, { stage: 'threshold-decision', dueOn: thresholdDueOn });
  const id = await q.insertReview(ctx.tx, {
    partnershipId: ctx.actor.partnershipId,
    profileId: profile.profile.id,
    flagId: flag?.id ?? null,
    ownerId: ctx.actor.id,
    ownerTeamId: ctx.actor.teamId,
    applicationReceivedOn,
    thresholdDueOn,
    reminderActionId,
    createdBy: ctx.actor.id,
  });
  if (!id) throw new ConflictError('This person already has an ASB case review open.', 'case_review_open');
  if (flag) await flags.setFlagReview(ctx.tx, flag.id, id);
  ctx.audit({ action: 'case_review.opened', ...subjectOf(profile), details: { caseReviewId: id, flagId: flag?.id ?? null, applicationReceivedOn, thresholdDueOn } });
  await announceVictimCare(ctx, profile);
  return presentReview(ctx.actor, (await q.getReview(ctx.tx, id))!);
}

/** Opens the ASB case review of a flagged victim from their flag, its clock running from the application. */
export async function openFromFlag(ctx: Context, flagId: string, body: z.infer<typeof openCaseReviewBody>): Promise<CaseReview> {
  const flag = await flags.getFlag(ctx.tx, flagId);
  if (!flag || flag.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('community trigger flag');
  const profile = await contributableProfile(ctx, flag.profileId);
  if (flag.clearedAt) throw new ConflictError('This flag has been cleared. Open a case review for the person instead.', 'flag_cleared');
  return openReview(ctx, profile, flag, body.applicationReceivedOn);
}

/** A victim may apply for a case review whether or not Concord flagged them; an open flag is linked. */
export async function createReview(ctx: Context, body: z.infer<typeof createCaseReviewBody>): Promise<CaseReview> {
  const profile = await contributableProfile(ctx, body.profileId);
  const flag = await flags.openFlagOf(ctx.tx, profile.profile.id);
  return openReview(ctx, profile, flag && !flag.caseReviewId ? flag : null, body.applicationReceivedOn);
}

/** A review of the partnership on a person the actor may open (404 outside it, 403 with the owner inside it). */
async function loadReview(ctx: Context, id: string, need: 'open' | 'contribute') {
  const row = await q.getReview(ctx.tx, id);
  if (!row || row.review.partnershipId !== ctx.actor.partnershipId) throw new NotFoundError('case review');
  const profile = need === 'open' ? (await viewableProfile(ctx, row.review.profileId)).row : await contributableProfile(ctx, row.review.profileId);
  return { row, profile };
}

export async function getReview(ctx: Context, id: string): Promise<CaseReview> {
  const { row, profile } = await loadReview(ctx, id, 'open');
  ctx.audit({ action: 'case_review.viewed', ...subjectOf(profile), details: { caseReviewId: id } });
  return presentReview(ctx.actor, row);
}

/**
 * Takes the review's next step from the version the person read. The reminder for the step just
 * taken is done; the owner gets one for the step that now waits. Closing clears the flag it came from.
 */
export async function moveReview(ctx: Context, id: string, body: z.infer<typeof moveCaseReviewBody>): Promise<CaseReview> {
  const { row, profile } = await loadReview(ctx, id, 'contribute');
  const r = row.review;
  if (body.version !== r.version) throw staleVersion(presentReview(ctx.actor, row));
  const on = body.on ?? row.today;
  const change = stepChange(r, body, on, row.today);
  if (r.reminderActionId) await closeFulfilledActions(ctx, [r.reminderActionId]);
  const next = waitingStep({ ...r, ...change });
  const reminderActionId = await remindOwner(ctx, r.ownerId, r.profileId, next);
  if (!(await q.updateReview(ctx.tx, id, body.version, { ...change, reminderActionId }))) {
    throw staleVersion(presentReview(ctx.actor, (await q.getReview(ctx.tx, id))!));
  }
  ctx.audit({
    action: 'case_review.moved',
    ...subjectOf(profile),
    details: { caseReviewId: id, from: r.stage, to: body.stage, on, thresholdMet: body.thresholdMet, nextDueOn: next?.dueOn ?? null },
  });
  if (body.stage === 'closed') {
    const cleared = await flags.clearFlagOfReview(ctx.tx, id);
    if (cleared) ctx.audit({ action: 'community_trigger.cleared', ...subjectOf(profile), details: { flagId: cleared.id, why: 'case review closed' } });
  }
  await announceVictimCare(ctx, profile);
  return presentReview(ctx.actor, (await q.getReview(ctx.tx, id))!);
}
