/** The daily digest goes out from this hour, UK time, when people start work. */
const digestHour = 7;

const londonParts = (at: Date) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
};

/**
 * Today's digest time in London as an instant, once it has passed; null before it. Whether
 * London is on GMT or BST, 07:00 local is 07:00 or 06:00 UTC.
 */
export function digestTime(now: Date): Date | null {
  const { date } = londonParts(now);
  const asUtc = new Date(`${date}T${String(digestHour).padStart(2, '0')}:00:00Z`);
  const offsetHours = londonParts(asUtc).hour - digestHour;
  const at = new Date(asUtc.getTime() - offsetHours * 3_600_000);
  return now >= at ? at : null;
}
