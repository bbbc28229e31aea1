import type { z } from 'zod';
import type { Appointment, appointmentBody, updateAppointmentBody } from '../../../shared/api/portal.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError, staleVersion, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { liveAccessOf } from '../portal/service.ts';
import { audienceOf, editableProfile, subjectOf, viewableProfile } from '../profiles/access.ts';
import { presentAppointment } from './present.ts';
import * as q from './queries.ts';

type CheckedProfile = Awaited<ReturnType<typeof editableProfile>>;

const appointmentSubject = (profile: CheckedProfile, id: string) => ({ ...subjectOf(profile), entityType: 'appointment' as const, entityId: id });

/**
 * A booking is for a time to come, and ends after it starts. The start is held to the future only
 * when it is set, so a past appointment can still be cancelled or corrected.
 */
function checkTimes(startsAt: Date, endsAt: Date | null, startSet: boolean): void {
  const problems: FieldProblem[] = [];
  if (startSet && startsAt.getTime() < Date.now()) problems.push({ field: 'startsAt', problem: 'must be in the future' });
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) problems.push({ field: 'endsAt', problem: 'must be after the start' });
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Tells the person's practitioners' open screens, and the client's portal page, that their appointments changed (ids only). */
async function announce(ctx: Context, profile: CheckedProfile, id: string): Promise<void> {
  const access = await liveAccessOf(ctx, profile.profile.id);
  ctx.emit({ type: 'appointments.changed', audience: { ...(await audienceOf(ctx, profile)), clientIds: access ? [access.id] : [] }, data: { profileId: profile.profile.id, id } });
}

/** The person's appointments: those to come, soonest first, then every past one, latest first. */
export async function listAppointments(ctx: Context, profileId: string) {
  const { row: profile } = await viewableProfile(ctx, profileId);
  const rows = [...await q.upcomingOf(ctx.tx, profile.profile.id), ...await q.pastOf(ctx.tx, profile.profile.id)];
  ctx.audit({ action: 'appointments.listed', ...subjectOf(profile), details: { profileId: profile.profile.id, side: 'staff', count: rows.length } });
  return { items: rows.map(presentAppointment), permissions: { canEdit: effectiveLevel(ctx.actor, profile.level) === 'edit' } };
}

/** Books an appointment with the person: anyone with edit on them. The client sees it in the portal and is reminded the day before. */
export async function bookAppointment(ctx: Context, profileId: string, body: z.infer<typeof appointmentBody>): Promise<Appointment> {
  const profile = await editableProfile(ctx, profileId);
  const startsAt = new Date(body.startsAt);
  const endsAt = body.endsAt ? new Date(body.endsAt) : null;
  checkTimes(startsAt, endsAt, true);
  const id = await q.insertAppointment(ctx.tx, {
    partnershipId: profile.profile.partnershipId,
    profileId: profile.profile.id,
    startsAt,
    endsAt,
    place: body.place,
    withWhom: body.withWhom,
    details: body.details || null,
    createdBy: ctx.actor.id,
  });
  ctx.audit({ action: 'appointment.created', ...appointmentSubject(profile, id), details: { profileId: profile.profile.id, startsAt: startsAt.toISOString() } });
  await announce(ctx, profile, id);
  return presentAppointment((await q.getAppointment(ctx.tx, ctx.actor.partnershipId, id))!);
}

/**
 * Moves, corrects or cancels an appointment, from the version read: anyone with edit on the
 * person. Any change answers the client's request to rearrange; a new time is reminded of afresh.
 */
export async function changeAppointment(ctx: Context, id: string, body: z.infer<typeof updateAppointmentBody>): Promise<Appointment> {
  const row = await q.getAppointment(ctx.tx, ctx.actor.partnershipId, id);
  if (!row) throw new NotFoundError('appointment');
  const profile = await editableProfile(ctx, row.appointment.profileId);
  const a = row.appointment;
  if (a.version !== body.version) throw staleVersion(presentAppointment(row));
  const startsAt = body.startsAt === undefined ? a.startsAt : new Date(body.startsAt);
  const endsAt = body.endsAt === undefined ? a.endsAt : body.endsAt ? new Date(body.endsAt) : null;
  const moved = startsAt.getTime() !== a.startsAt.getTime();
  checkTimes(startsAt, endsAt, moved);
  const status = body.status ?? a.status;
  const change: q.AppointmentChange = {
    startsAt,
    endsAt,
    place: body.place ?? a.place,
    withWhom: body.withWhom ?? a.withWhom,
    details: body.details === undefined ? a.details : body.details || null,
    status,
    ...(moved ? { reminderSentAt: null } : {}),
  };
  if (!(await q.updateAppointment(ctx.tx, id, body.version, change))) {
    throw staleVersion(presentAppointment((await q.getAppointment(ctx.tx, ctx.actor.partnershipId, id))!));
  }
  ctx.audit({ action: 'appointment.updated', ...appointmentSubject(profile, id), details: { profileId: a.profileId, status } });
  await announce(ctx, profile, id);
  return presentAppointment((await q.getAppointment(ctx.tx, ctx.actor.partnershipId, id))!);
}
