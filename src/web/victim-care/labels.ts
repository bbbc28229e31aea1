import type { z } from 'zod';
import type { triggerStatus } from '../../shared/api/victim-care.ts';
import { formatDate } from '../components/format.ts';

/** "3 ASB complaints", "1 agency": a count with its noun. */
export const counted = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** "a, b and c". */
export const listText = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** A calendar day (YYYY-MM-DD) in words; noon, so no time zone moves it to the day before. */
export const dayText = (iso: string | null | undefined, blank = '—') => (iso ? formatDate(`${iso}T12:00:00Z`) : blank);

/** "13 days overdue". */
export const overdueText = (days: number) => `${counted(days, 'day', 'days')} overdue`;

type TriggerStatus = z.infer<typeof triggerStatus>;

/**
 * Why the community trigger is met, in the words of the banner: "3 ASB complaints in 6 months
 * from 2 agencies — the community trigger is met".
 */
export function triggerMetText(status: TriggerStatus): string {
  const met = 'the community trigger is met';
  switch (status.flag?.basis) {
    case 'location':
      return `${counted(status.locationComplaints, 'complaint', 'complaints')} about one place they live in ${status.months} months — ${met}`;
    case 'hate':
      return `${counted(status.hateIncidents, 'hate incident', 'hate incidents')} in ${status.months} months — ${met}`;
    default:
      return `${counted(status.complaints, 'ASB complaint', 'ASB complaints')} in ${status.months} months from ${counted(status.organisations, 'agency', 'agencies')} — ${met}`;
  }
}
