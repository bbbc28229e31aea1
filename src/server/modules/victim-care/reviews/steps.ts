import type { z } from 'zod';
import type { moveCaseReviewBody } from '../../../../shared/api/victim-care.ts';
import { caseReviewStageLabels, type CaseReviewStage } from '../../../../shared/victim-care.ts';
import { ConflictError, ValidationError, type FieldProblem } from '../../../platform/errors.ts';
import { dueAfter } from '../clocks.ts';
import type { ReviewChange, ReviewRow } from './queries.ts';

type Review = ReviewRow['review'];
type Move = z.infer<typeof moveCaseReviewBody>;

/** The steps that may follow each: in order, with a threshold not met going straight to the outcome, and closing at any time. */
function mayFollow(r: Review, to: CaseReviewStage): boolean {
  if (r.stage === 'closed') return false;
  switch (to) {
    case 'threshold-decision': return r.stage === 'application-received';
    case 'review-meeting': return r.stage === 'threshold-decision' && r.thresholdMet === true;
    case 'outcome': return r.stage === 'review-meeting' || (r.stage === 'threshold-decision' && r.thresholdMet === false);
    case 'appeal': return r.stage === 'outcome';
    case 'closed': return true;
    case 'application-received': return false;
  }
}

/** The day the review's last step was taken: a later step cannot come before it. */
function lastStepOn(r: Review): string {
  return [r.applicationReceivedOn, r.thresholdDecidedOn, r.meetingHeldOn, r.outcomeSentOn, r.appealReceivedOn].filter((d): d is string => d !== null).sort().at(-1)!;
}

/** What each step asks for beyond its day, and what it may not be given. */
function fieldProblems(r: Review, move: Move): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const only = (field: 'thresholdMet' | 'outcome' | 'appealOutcome' | 'reason', wanted: boolean, why: string) => {
    if (wanted && move[field] === undefined) problems.push({ field, problem: `is required ${why}` });
    if (!wanted && move[field] !== undefined) problems.push({ field, problem: `is not for this step (${caseReviewStageLabels[move.stage].toLowerCase()})` });
  };
  const withdrawn = move.stage === 'closed' && ['application-received', 'threshold-decision', 'review-meeting'].includes(r.stage);
  only('thresholdMet', move.stage === 'threshold-decision', 'for the threshold decision');
  only('outcome', move.stage === 'outcome', 'to send the outcome');
  only('appealOutcome', move.stage === 'closed' && r.stage === 'appeal', 'to answer the appeal');
  if (withdrawn && move.reason === undefined) problems.push({ field: 'reason', problem: 'is required to close a review before its outcome' });
  if (move.stage !== 'closed' && move.reason !== undefined) problems.push({ field: 'reason', problem: 'is only for closing the review' });
  return problems;
}

/**
 * The change one step makes, with the next step's due day by its clock. A step out of order is a
 * conflict with the review as it stands (409); a missing or misplaced field, or a day before the
 * last step or after today, is the caller's to correct (422).
 */
export function stepChange(r: Review, move: Move, on: string, today: string): ReviewChange {
  if (!mayFollow(r, move.stage)) {
    const next = r.stage === 'closed' ? 'It is closed.' : `It is at "${caseReviewStageLabels[r.stage]}".`;
    throw new ConflictError(`"${caseReviewStageLabels[move.stage]}" cannot be the review's next step. ${next}`, 'stage_out_of_order');
  }
  const problems = fieldProblems(r, move);
  if (on > today) problems.push({ field: 'on', problem: 'must not be in the future' });
  if (on < lastStepOn(r)) problems.push({ field: 'on', problem: `must not be before the review's last step, on ${lastStepOn(r)}` });
  if (problems.length > 0) throw new ValidationError(problems);
  switch (move.stage) {
    case 'threshold-decision':
      return move.thresholdMet
        ? { stage: move.stage, thresholdDecidedOn: on, thresholdMet: true, meetingDueOn: dueAfter('review-meeting', on) }
        : { stage: move.stage, thresholdDecidedOn: on, thresholdMet: false, outcomeDueOn: dueAfter('outcome', on) };
    case 'review-meeting':
      return { stage: move.stage, meetingHeldOn: on, outcomeDueOn: dueAfter('outcome', on) };
    case 'outcome':
      return { stage: move.stage, outcomeSentOn: on, outcome: move.outcome! };
    case 'appeal':
      return { stage: move.stage, appealReceivedOn: on, appealDueOn: dueAfter('appeal', on) };
    case 'closed':
      return {
        stage: move.stage,
        closedOn: on,
        closedReason: move.reason ?? null,
        ...(r.stage === 'appeal' ? { appealDecidedOn: on, appealOutcome: move.appealOutcome! } : {}),
      };
  }
}
