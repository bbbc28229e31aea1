const parts = (at: Date, options: Intl.DateTimeFormatOptions) =>
  Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', ...options }).formatToParts(at).map((p) => [p.type, p.value]));

/** A moment as the date and time on a London clock: { date: "2026-12-03", time: "14:05" }. */
export function londonClock(at: Date): { date: string; time: string } {
  const p = parts(at, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant a London date and time (as typed) name, as ISO; null when either is missing. The
 * offset is London's at that moment, so a time in summer means British Summer Time.
 */
export function fromLondonClock(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const guess = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(guess.getTime())) return null;
  const name = parts(guess, { timeZoneName: 'longOffset' }).timeZoneName ?? 'GMT';
  const offset = name.replace('GMT', '') || '+00:00';
  return new Date(`${date}T${time}:00${offset}`).toISOString();
}
