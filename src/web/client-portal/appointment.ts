import type { Appointment } from '../../shared/api/portal.ts';
import { londonDayAndTime, londonInstant } from '../actions/london.ts';

/** An appointment as its form holds it: a London day and clock times, as typed. */
export interface AppointmentValues {
  day: string;
  startTime: string;
  endTime: string;
  place: string;
  withWhom: string;
  details: string;
}

export const appointmentLabels = {
  startsAt: 'Date and start time',
  endsAt: 'End time',
  place: 'Place',
  withWhom: 'With whom',
  details: 'What they should know or bring',
};

export const noAppointment: AppointmentValues = { day: '', startTime: '', endTime: '', place: '', withWhom: '', details: '' };

export function appointmentValues(a: Appointment): AppointmentValues {
  const start = londonDayAndTime(new Date(a.startsAt));
  return {
    day: start.day,
    startTime: start.time,
    endTime: a.endsAt ? londonDayAndTime(new Date(a.endsAt)).time : '',
    place: a.place,
    withWhom: a.withWhom,
    details: a.details ?? '',
  };
}

/** The request's fields; an end time belongs to the same day as the start. */
export function appointmentInput(v: AppointmentValues) {
  return {
    startsAt: londonInstant(v.day, v.startTime) ?? '',
    endsAt: v.endTime ? londonInstant(v.day, v.endTime) ?? '' : null,
    place: v.place,
    withWhom: v.withWhom,
    details: v.details.trim() || null,
  };
}

/** Problems a schema cannot see in the typed times, by field. */
export function timeProblems(v: AppointmentValues): Record<string, string | null> {
  const input = appointmentInput(v);
  return {
    startsAt: input.startsAt ? null : 'Give the date and the start time',
    endsAt: v.endTime && !(input.endsAt && input.startsAt && input.endsAt > input.startsAt) ? 'The end time must be after the start time' : null,
  };
}

const when = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Thu, 3 Dec 2026, 14:00 to 15:00", in UK time. */
export function whenText(a: { startsAt: string; endsAt: string | null }): string {
  const start = when.format(new Date(a.startsAt));
  return a.endsAt ? `${start} to ${clock.format(new Date(a.endsAt))}` : start;
}
