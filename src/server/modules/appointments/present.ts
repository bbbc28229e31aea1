import type { Appointment, PortalAppointment } from '../../../shared/api/portal.ts';
import type { AppointmentRow } from './queries.ts';

export function presentAppointment({ appointment: a, createdByName }: AppointmentRow): Appointment {
  return {
    id: a.id,
    profileId: a.profileId,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt?.toISOString() ?? null,
    place: a.place,
    withWhom: a.withWhom,
    details: a.details,
    status: a.status,
    rearrangeRequest: a.rearrangeRequestedAt ? { at: a.rearrangeRequestedAt.toISOString(), reason: a.rearrangeReason ?? '' } : null,
    reminderSentAt: a.reminderSentAt?.toISOString() ?? null,
    createdBy: { id: a.createdBy, name: createdByName },
    version: a.version,
  };
}

/** What the client sees: not who booked it, nor whether the reminder went. */
export function presentForClient(row: AppointmentRow): PortalAppointment {
  const { id, startsAt, endsAt, place, withWhom, details, status, rearrangeRequest } = presentAppointment(row);
  return { id, startsAt, endsAt, place, withWhom, details, status, rearrangeRequest };
}
