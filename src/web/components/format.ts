const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "22 Nov 2026, 14:05", in UK time whatever the computer's clock is set to. */
export function formatDateTime(iso: string | null | undefined, blank = '—'): string {
  return iso ? dateTime.format(new Date(iso)) : blank;
}

export function formatDate(iso: string | null | undefined, blank = '—'): string {
  return iso ? dateOnly.format(new Date(iso)) : blank;
}

/** The UTC offset of London at a moment, e.g. "+01:00" in summer. */
function londonOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/**
 * The instant a London calendar day (YYYY-MM-DD) starts, or ends, as an ISO string: a date typed
 * into a filter means that day in the UK, not in UTC.
 */
export function londonDayBoundary(day: string, edge: 'start' | 'end'): string {
  const time = edge === 'start' ? '00:00:00.000' : '23:59:59.999';
  const guess = new Date(`${day}T${time}Z`);
  return new Date(`${day}T${time}${londonOffset(guess)}`).toISOString();
}
