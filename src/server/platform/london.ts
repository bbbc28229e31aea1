/** Dates and times as they are in England, where the partnerships work, whatever the server's clock zone. */

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** Today in the UK, where the partnerships work, as YYYY-MM-DD. */
export const londonToday = (now = new Date()): string => londonDate.format(now);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** How far London's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: Date): number {
  const p = Object.fromEntries(londonParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a London wall-clock time falls on (09:00 on the review date). */
export function londonInstant(date: string, hour: number): Date {
  const asUtc = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  return new Date(asUtc.getTime() - offsetAt(asUtc));
}
