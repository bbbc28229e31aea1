import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { appointments, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

/** Still to come, or under way: an appointment leaves the upcoming list once it has ended. */
const lastsUntil = sql`coalesce(${appointments.endsAt}, ${appointments.startsAt})`;

function selectAppointments(tx: Tx) {
  return tx.select({ appointment: appointments, createdByName: users.name })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.createdBy));
}
export type AppointmentRow = Awaited<ReturnType<typeof getAppointment>> & {};

/** An appointment of the partnership; null for any other. */
export async function getAppointment(tx: Tx, partnershipId: string, id: string) {
  const [row] = await selectAppointments(tx).where(and(eq(appointments.id, id), eq(appointments.partnershipId, partnershipId)));
  return row ?? null;
}

/** The person's appointments still to come, soonest first. */
export function upcomingOf(tx: Tx, profileId: string) {
  return selectAppointments(tx)
    .where(and(eq(appointments.profileId, profileId), gte(lastsUntil, sql`now()`)))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
}

/** The person's past appointments, latest first; all of them without a limit. */
export function pastOf(tx: Tx, profileId: string, limit?: number) {
  const query = selectAppointments(tx)
    .where(and(eq(appointments.profileId, profileId), lt(lastsUntil, sql`now()`)))
    .orderBy(desc(appointments.startsAt), desc(appointments.id));
  return limit === undefined ? query : query.limit(limit);
}

export type NewAppointment = typeof appointments.$inferInsert;

export async function insertAppointment(tx: Tx, values: NewAppointment): Promise<string> {
  const [row] = await tx.insert(appointments).values(values).returning({ id: appointments.id });
  return row!.id;
}

export type AppointmentChange = Partial<Pick<NewAppointment, 'startsAt' | 'endsAt' | 'place' | 'withWhom' | 'details' | 'status' | 'reminderSentAt'>>;

/** Changes the appointment if it is still at `version`; whatever the change, it answers the client's request to rearrange. */
export async function updateAppointment(tx: Tx, id: string, version: number, change: AppointmentChange): Promise<boolean> {
  const rows = await tx.update(appointments)
    .set({ ...change, rearrangeRequestedAt: null, rearrangeReason: null, version: sql`${appointments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(appointments.id, id), eq(appointments.version, version)))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/** The client's request to rearrange one of their own booked appointments still to come; false for any other. */
export async function requestRearrange(tx: Tx, id: string, profileId: string, reason: string): Promise<boolean> {
  const rows = await tx.update(appointments)
    .set({ rearrangeRequestedAt: new Date(), rearrangeReason: reason, version: sql`${appointments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(appointments.id, id), eq(appointments.profileId, profileId), eq(appointments.status, 'booked'), gte(appointments.startsAt, sql`now()`)))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/**
 * Claims booked appointments starting within the next day whose client has live access and has
 * not been reminded, stamping them so each is reminded once. One without live access is left
 * unclaimed: a client invited later that day is still reminded.
 */
export async function claimDueReminders(tx: Tx, batch: number) {
  const { rows } = await tx.execute<{ id: string; profile_id: string; starts_at: string; access_id: string; owner_team_id: string; owner_organisation_id: string }>(sql`
    with due as (
      select a.id, pa.id as access_id
        from appointments a
        join portal_access pa on pa.profile_id = a.profile_id and pa.ended_at is null
       where a.status = 'booked' and a.reminder_sent_at is null
         and a.starts_at > now() and a.starts_at <= now() + interval '24 hours'
       order by a.starts_at
       limit ${batch}
         for update of a skip locked)
    update appointments a set reminder_sent_at = now()
      from due, profiles p, teams t
     where a.id = due.id and p.id = a.profile_id and t.id = p.owner_team_id
    returning a.id, a.profile_id, a.starts_at, due.access_id, p.owner_team_id, t.organisation_id as owner_organisation_id`);
  return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at) }));
}
