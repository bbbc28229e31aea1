import { londonDayAndTime } from '../actions/london.ts';

const counted = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

const day = 86_400_000;

/** Monday to Friday after London day `from` up to and including `to` (both YYYY-MM-DD). */
function weekdaysBetween(from: string, to: string): number {
  let count = 0;
  for (let at = Date.parse(`${from}T12:00:00Z`) + day; at <= Date.parse(`${to}T12:00:00Z`); at += day) {
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/**
 * How long a referral has waited, as the desk reads it: minutes and hours on its first day, then
 * working days, since the decision is due in working days; "2 days" where no working day has
 * passed (a weekend). Bank holidays count here as working days: the time a decision is due, which
 * the server works out, is the one that leaves them out.
 */
export function receivedAgo(receivedAt: Date, now: Date): string {
  const elapsed = now.getTime() - receivedAt.getTime();
  if (elapsed < 60_000) return 'Just now';
  if (elapsed < 3_600_000) return `${counted(Math.floor(elapsed / 60_000), 'minute', 'minutes')} ago`;
  if (elapsed < day) return `${counted(Math.floor(elapsed / 3_600_000), 'hour', 'hours')} ago`;
  const working = weekdaysBetween(londonDayAndTime(receivedAt).day, londonDayAndTime(now).day);
  return working > 0 ? `${counted(working, 'working day', 'working days')} ago` : `${counted(Math.floor(elapsed / day), 'day', 'days')} ago`;
}

const rounded = (n: number) => Math.round(n * 10) / 10;

/** A time to decision from the figures: minutes under an hour, hours under two days, then days. */
export function durationText(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return counted(Math.max(1, Math.round(hours * 60)), 'minute', 'minutes');
  if (hours < 48) return counted(rounded(hours), 'hour', 'hours');
  return counted(rounded(hours / 24), 'day', 'days');
}
