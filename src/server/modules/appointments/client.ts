import type { z } from 'zod';
import type { PortalAppointment, rearrangeBody } from '../../../shared/api/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { notify, recordLink } from '../notifications/notify.ts';
import { presentForClient } from './present.ts';
import { profileOwners } from '../portal/service.ts';
import * as q from './queries.ts';

/** How many past appointments the client sees, latest first, after those to come. */
const pastShown = 5;

/** The client's own appointments: those to come, soonest first, then the last few past. */
export async function listClientAppointments(ctx: Context<ClientActor>): Promise<{ items: PortalAppointment[] }> {
  const { profileId } = ctx.actor;
  const rows = [...await q.upcomingOf(ctx.tx, profileId), ...await q.pastOf(ctx.tx, profileId, pastShown)];
  ctx.audit({
    action: 'appointments.listed',
    entityType: 'profile',
    entityId: profileId,
    ...(await profileOwners(ctx, profileId)),
    details: { profileId, side: 'client', count: rows.length },
  });
  return { items: rows.map(presentForClient) };
}

/**
 * The client asks to rearrange one of their booked appointments still to come, saying why; the
 * practitioner who booked it is told, in words that name nobody. Asking again replaces the reason.
 * Another person's appointment does not exist (404).
 */
export async function askToRearrange(ctx: Context<ClientActor>, id: string, body: z.infer<typeof rearrangeBody>): Promise<PortalAppointment> {
  const { profileId, partnershipId } = ctx.actor;
  const row = await q.getAppointment(ctx.tx, partnershipId, id);
  if (!row || row.appointment.profileId !== profileId) throw new NotFoundError('appointment');
  if (!(await q.requestRearrange(ctx.tx, id, profileId, body.reason))) {
    throw new ConflictError('This appointment has been cancelled or has already happened.', 'appointment_not_upcoming');
  }
  await notify(ctx, [{
    userId: row.appointment.createdBy,
    kind: 'client_request',
    message: 'A client asked to rearrange an appointment.',
    link: recordLink('profile', profileId),
    record: { kind: 'profile', id: profileId },
    subjectId: id,
  }]);
  // The reason is the client's own words: it stays on the appointment, not in the audit trail.
  ctx.audit({ action: 'appointment.rearrange_requested', entityType: 'appointment', entityId: id, ...(await profileOwners(ctx, profileId)), details: { profileId } });
  return presentForClient((await q.getAppointment(ctx.tx, partnershipId, id))!);
}
