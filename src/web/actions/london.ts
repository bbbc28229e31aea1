/**
 * Reminders are set in UK time whatever the computer's clock says: a date and a time typed into
 * the form mean that moment in London.
 */

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** A moment as London's calendar day (YYYY-MM-DD) and clock time (HH:MM). */
export function londonDayAndTime(at: Date): { day: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function offsetAt(at: Date): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** The instant of a London day and time, as an ISO string; null when either is missing or malformed. */
export function londonInstant(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const guess = new Date(`${day}T${time}:00Z`);
  if (Number.isNaN(guess.getTime())) return null;
  // Found twice: the offset at a first guess can be an hour out on the night the clocks change.
  const first = new Date(`${day}T${time}:00${offsetAt(guess)}`);
  return new Date(`${day}T${time}:00${offsetAt(first)}`).toISOString();
}
