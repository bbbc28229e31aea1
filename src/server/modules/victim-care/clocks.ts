import { caseReviewClocks } from '../../../shared/victim-care.ts';
import { addDays } from '../../platform/london.ts';

/**
 * The day a number of working days after `date` (YYYY-MM-DD): Mondays to Fridays count, weekends
 * do not. Bank holidays count as working days; a partnership that closes on one moves the step.
 */
export function addWorkingDays(date: string, days: number): string {
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

/** When a step of a case review falls due, by its clock from the day the step before it was taken. */
export const dueAfter = (stage: keyof typeof caseReviewClocks, from: string): string => addWorkingDays(from, caseReviewClocks[stage]);
