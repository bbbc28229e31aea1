/**
 * Dates and times as GOV.UK writes them ("Tuesday 14 July 2026", "2:30pm"), in UK time whatever
 * the phone's clock is set to.
 */
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });

/** "Tuesday 14 July 2026" (no comma: GOV.UK style). */
export const dayInWords = (iso: string) => day.format(new Date(iso)).replace(',', '');

/** "14 July 2026": the day of a moment in the UK, or a date without a time (YYYY-MM-DD) as it is. */
export const dateInWords = (iso: string) => shortDay.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso));

/** "2:30pm", "9am", "midday", "midnight". */
export function timeInWords(iso: string): string {
  const [hours = 0, minutes = 0] = clock.format(new Date(iso)).split(':').map(Number);
  if (minutes === 0 && hours === 12) return 'midday';
  if (minutes === 0 && hours === 0) return 'midnight';
  const h = hours % 12 === 0 ? 12 : hours % 12;
  return `${h}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}${hours < 12 ? 'am' : 'pm'}`;
}

/** "Tuesday 14 July 2026 at 2:30pm". */
export const momentInWords = (iso: string) => `${dayInWords(iso)} at ${timeInWords(iso)}`;
