import type { CaseReview } from '../../../../shared/api/victim-care.ts';
import type { CaseReviewStage } from '../../../../shared/victim-care.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { mayEverEdit } from '../../../platform/access/records.ts';
import type { ReviewRow } from './queries.ts';

type Review = ReviewRow['review'];

/** The step a review waits on and its due day: none once the outcome is sent (until an appeal) or it is closed. */
export function waitingStep(r: Review): { stage: CaseReviewStage; dueOn: string } | null {
  switch (r.stage) {
    case 'application-received': return { stage: 'threshold-decision', dueOn: r.thresholdDueOn };
    case 'threshold-decision': return r.thresholdMet ? { stage: 'review-meeting', dueOn: r.meetingDueOn! } : { stage: 'outcome', dueOn: r.outcomeDueOn! };
    case 'review-meeting': return { stage: 'outcome', dueOn: r.outcomeDueOn! };
    // An appeal received waits for its answer, which closes the review.
    case 'appeal': return { stage: 'appeal', dueOn: r.appealDueOn! };
    case 'outcome':
    case 'closed':
      return null;
  }
}

/** The review's summary as lists show it: its stage and what waits, overdue once due before today. */
export function summaryOf(r: Review, today: string): Pick<CaseReview, 'id' | 'stage' | 'next'> {
  const next = waitingStep(r);
  return { id: r.id, stage: r.stage, next: next && { ...next, overdue: next.dueOn < today } };
}

export function presentReview(actor: Actor, row: ReviewRow): CaseReview {
  const r = row.review;
  return {
    ...summaryOf(r, row.today),
    profile: row.profile,
    flagId: r.flagId,
    owner: { id: r.ownerId, name: row.ownerName },
    ownerTeam: { id: r.ownerTeamId, name: row.ownerTeamName },
    steps: [
      { stage: 'application-received', dueOn: null, doneOn: r.applicationReceivedOn },
      { stage: 'threshold-decision', dueOn: r.thresholdDueOn, doneOn: r.thresholdDecidedOn },
      { stage: 'review-meeting', dueOn: r.meetingDueOn, doneOn: r.meetingHeldOn },
      { stage: 'outcome', dueOn: r.outcomeDueOn, doneOn: r.outcomeSentOn },
      { stage: 'appeal', dueOn: r.appealDueOn, doneOn: r.appealDecidedOn },
      { stage: 'closed', dueOn: null, doneOn: r.closedOn },
    ],
    appealReceivedOn: r.appealReceivedOn,
    thresholdMet: r.thresholdMet,
    outcome: r.outcome,
    appealOutcome: r.appealOutcome,
    closedReason: r.closedReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    permissions: { canChange: mayEverEdit(actor) && r.stage !== 'closed' },
  };
}
