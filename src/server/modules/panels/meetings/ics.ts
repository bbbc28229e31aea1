import { createEvent } from 'ics';
import type { MeetingRow } from './queries.ts';

/** A meeting with no end time is put in calendars for this long. */
const defaultHours = 2;

/**
 * The meeting as an iCalendar event (RFC 5545) to add to a calendar: the panel's name, when and
 * where, and a link to the meeting in Concord. Nothing about anyone on the agenda goes in it: a
 * calendar is read on phones and shared with assistants.
 */
export function meetingCalendar(panelName: string, meeting: MeetingRow, link: string): string {
  const when = meeting.endsAt
    ? { end: meeting.endsAt.getTime(), endInputType: 'utc' as const, endOutputType: 'utc' as const }
    : { duration: { hours: defaultHours } };
  const { error, value } = createEvent({
    uid: `${meeting.id}@concord`,
    productId: 'concord/panels',
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...when,
    title: `${panelName} meeting`,
    description: `The agenda and papers are in Concord: ${link}`,
    ...(meeting.place ? { location: meeting.place } : {}),
    url: meeting.onlineLink ?? link,
    status: 'CONFIRMED',
    classification: 'PRIVATE',
    sequence: meeting.version,
  });
  if (error || !value) throw error ?? new Error('The calendar event could not be made.');
  return value;
}
