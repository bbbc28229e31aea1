import Holidays from 'date-holidays';
import { addDays, londonInstant, londonToday } from './london.ts';

/**
 * Working days where the partnerships work: Monday to Friday, less the bank holidays of England
 * and Wales (the same list; date-holidays' England holds it, while plain 'GB' lacks the summer bank
 * holiday, which Scotland keeps on another day). Dates are London days, YYYY-MM-DD.
 */
const englandAndWales = new Holidays('GB', 'ENG');

const bankHolidaysByYear = new Map<number, ReadonlySet<string>>();

function bankHolidays(year: number): ReadonlySet<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    // Only bank holidays close offices; the list also holds observances such as Mother's Day.
    days = new Set(englandAndWales.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(Number(date.slice(0, 4))).has(date);
}

/** The day `days` working days after `date`; from a weekend or bank holiday the next working day is the first. */
export function addWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`not a number of working days: ${days}`);
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** The working days after `from` up to and including `to`: how many of a clock's days have gone. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count;
}

/** `date` itself if it is a working day, else the next one. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

const endOfDay = 17;

/**
 * When a referral's decision is due: 17:00 London time on the `workingDays`-th working day after
 * the London day it arrived, whatever the hour it arrived. With no working days it is due the day
 * it arrived, if that is a working day and it came before 17:00; otherwise by 17:00 on the next
 * working day (one arriving on Friday evening or at the weekend is due on Monday).
 */
export function decisionDueAt(receivedAt: Date, workingDays: number): Date {
  const arrived = londonToday(receivedAt);
  if (workingDays !== 0) return londonInstant(addWorkingDays(arrived, workingDays), endOfDay);
  const sameDay = londonInstant(arrived, endOfDay);
  return isWorkingDay(arrived) && receivedAt < sameDay ? sameDay : londonInstant(addWorkingDays(arrived, 1), endOfDay);
}

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/**
 * A clock that stopped while the team waited for information: due later by the time it was
 * stopped, and never on a weekend or bank holiday, where it moves on to the same London time of
 * the next working day. A resume stamped before its pause (clocks disagreeing) adds nothing.
 */
export function extendByPause(dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
  const extended = new Date(dueAt.getTime() + Math.max(0, resumedAt.getTime() - pausedAt.getTime()));
  const day = londonToday(extended);
  if (isWorkingDay(day)) return extended;
  const [hour = 0, minute = 0, second = 0] = londonClock.format(extended).split(':').map(Number);
  // Clocks change only on Sundays, so on the working day found London's offset holds all day.
  return new Date(londonInstant(nextWorkingDay(day), hour).getTime() + (minute * 60 + second) * 1000 + extended.getUTCMilliseconds());
}
