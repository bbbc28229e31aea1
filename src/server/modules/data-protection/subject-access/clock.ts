import { addMonths } from '../../../../shared/data-protection.ts';
import { addDays } from '../../../platform/london.ts';
import { nextWorkingDay } from '../../../platform/working-days.ts';

/**
 * The statutory clock of a subject access request (UK GDPR Article 12(3), D14): one month from
 * the day of receipt (the same date next month, or the last day of a shorter month), extendable
 * once by two further months for a complex request if the person is told within the first month,
 * and stopped while the request is being clarified, the days paused added on. A due date on a
 * weekend or bank holiday moves to the next working day.
 */

export interface ClockState {
  receivedOn: string;
  extended: boolean;
  pausedDays: number;
}

/** The due date: a month (three when extended) from receipt, the paused days added, on a working day. */
export function dueOn({ receivedOn, extended, pausedDays }: ClockState): string {
  return nextWorkingDay(addDays(addMonths(receivedOn, extended ? 3 : 1), pausedDays));
}

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ExtensionRefusal = 'already_extended' | 'extension_too_late' | 'told_too_late' | 'told_before_receipt';

/**
 * Whether the request may be extended today, the person having been told on `personToldOn`: once
 * only, and only within the first month (its due date before any extension, pauses counted).
 */
export function extensionRefusal(state: ClockState, today: string, personToldOn: string): ExtensionRefusal | null {
  if (state.extended) return 'already_extended';
  const firstMonthDue = dueOn({ ...state, extended: false });
  if (today > firstMonthDue) return 'extension_too_late';
  if (personToldOn > firstMonthDue) return 'told_too_late';
  if (personToldOn < state.receivedOn) return 'told_before_receipt';
  return null;
}

/** The paused days after resuming on `resumedOn` a pause begun on `pausedOn`: never fewer than before. */
export function pausedDaysAfter(pausedDays: number, pausedOn: string, resumedOn: string): number {
  return pausedDays + Math.max(0, daysBetween(pausedOn, resumedOn));
}

/** Days left until the due date, and whether it has passed; a paused clock counts from the day it stopped. */
export function remaining(due: string, today: string, pausedOn: string | null): { daysLeft: number; overdue: boolean } {
  const daysLeft = daysBetween(pausedOn ?? today, due);
  return { daysLeft, overdue: daysLeft < 0 };
}
