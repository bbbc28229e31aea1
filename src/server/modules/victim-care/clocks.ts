import { caseReviewClocks } from '../../../shared/victim-care.ts';
import { addWorkingDays } from '../../platform/working-days.ts';

/**
 * When a step of a case review falls due, by its clock from the day the step before it was taken:
 * working days, so weekends and the bank holidays of England and Wales do not count.
 */
export const dueAfter = (stage: keyof typeof caseReviewClocks, from: string): string => addWorkingDays(from, caseReviewClocks[stage]);
