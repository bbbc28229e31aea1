import { and, asc, eq, inArray, isNull, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import { alwaysEmailedKinds, type NotificationEmailMode } from '../../../shared/work.ts';
import { notificationPreferences, notifications, organisations, recordInterests, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { teamCanView } from '../../platform/access/kinds.ts';

export type NewNotification = typeof notifications.$inferInsert;

/**
 * The people a notice may go to: enabled accounts, with their partnership. When a person acts,
 * only their own partnership's accounts qualify; the system (a reminder falling due) may reach anyone.
 */
export async function recipients(tx: Tx, partnershipId: string | null, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({ id: users.id, partnershipId: organisations.partnershipId })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(
      inArray(users.id, userIds),
      isNull(users.disabledAt),
      partnershipId ? eq(organisations.partnershipId, partnershipId) : undefined,
    ));
}

export async function insertNotifications(tx: Tx, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  return tx.insert(notifications).values(rows).returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind, subjectId: notifications.subjectId, link: notifications.link });
}

/**
 * Those who registered an interest in a record and can still open it, except the person who
 * made the change and anyone already holding an unread notice about the record.
 */
export async function interestedViewers(tx: Tx, kind: RecordKind, recordId: string, exceptUserId: string | null) {
  const rows = await tx
    .select({ id: users.id })
    .from(recordInterests)
    .innerJoin(users, eq(users.id, recordInterests.userId))
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(
      eq(recordInterests.recordKind, kind),
      eq(recordInterests.recordId, recordId),
      exceptUserId ? ne(users.id, exceptUserId) : undefined,
      isNull(users.disabledAt),
      teamCanView(kind, recordInterests.recordId, users.teamId, teams.organisationId),
      sql`not exists (select 1 from ${notifications} n where n.user_id = ${users.id} and n.kind = 'record_changed'
        and n.record_kind = ${kind} and n.record_id = ${recordId} and n.read_at is null)`,
    ));
  return rows.map((r) => r.id);
}

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  message: notifications.message,
  link: notifications.link,
  recordKind: notifications.recordKind,
  recordId: notifications.recordId,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

/** A person's own notifications, newest first (ids are time-ordered), one more than the page. */
export async function listNotifications(tx: Tx, userId: string, f: { unread: boolean; before: string | null; limit: number }) {
  return tx
    .select(columns)
    .from(notifications)
    .where(and(
      eq(notifications.userId, userId),
      f.unread ? isNull(notifications.readAt) : undefined,
      f.before ? lt(notifications.id, f.before) : undefined,
    ))
    .orderBy(sql`${notifications.id} desc nulls last`)
    .limit(f.limit + 1);
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function unreadCount(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** Another person's notification is not there at all. */
export async function getNotification(tx: Tx, userId: string, id: string) {
  const [row] = await tx.select(columns).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row ?? null;
}

export async function markRead(tx: Tx, userId: string, id: string) {
  await tx.update(notifications).set({ readAt: sql`now()` }).where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function getPreferences(tx: Tx, userId: string) {
  const [row] = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return row ?? null;
}

export async function savePreferences(tx: Tx, userId: string, email: NotificationEmailMode, lastDigestAt: Date | null) {
  await tx
    .insert(notificationPreferences)
    .values({ userId, email, lastDigestAt })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { email, lastDigestAt } });
}

/**
 * Notifications to email one by one: for those who want email straight away, and every reminder
 * falling due or emergency access (`alwaysEmailedKinds`). Locked so that a second instance's sweep passes over them.
 */
export async function dueForImmediateEmail(tx: Tx, limit: number) {
  return tx
    .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, link: notifications.link, userId: users.id, name: users.name, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(and(
      isNull(notifications.emailedAt),
      isNull(users.disabledAt),
      or(isNull(notificationPreferences.email), eq(notificationPreferences.email, 'immediate'), inArray(notifications.kind, [...alwaysEmailedKinds])),
    ))
    .orderBy(asc(notifications.id))
    .limit(limit)
    .for('update', { of: notifications, skipLocked: true });
}

/**
 * People on the daily digest whose digest for today (from `since`, 07:00 in London) has not gone
 * yet and who have something waiting. Their preference row is locked, so one instance sends it.
 */
export async function dueForDigest(tx: Tx, since: Date, limit: number) {
  return tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(and(
      eq(notificationPreferences.email, 'daily_digest'),
      isNull(users.disabledAt),
      or(isNull(notificationPreferences.lastDigestAt), lt(notificationPreferences.lastDigestAt, since)),
      sql`exists (select 1 from notifications n where n.user_id = ${notificationPreferences.userId} and n.emailed_at is null and ${notInArray(sql`n.kind`, [...alwaysEmailedKinds])})`,
    ))
    .limit(limit)
    .for('update', { of: notificationPreferences, skipLocked: true });
}

export async function waitingForDigest(tx: Tx, userId: string) {
  return tx
    .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), notInArray(notifications.kind, [...alwaysEmailedKinds])))
    .orderBy(asc(notifications.id))
    .for('update', { skipLocked: true });
}

export async function markEmailed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await tx.update(notifications).set({ emailedAt: sql`now()` }).where(inArray(notifications.id, ids));
}

export async function markDigestSent(tx: Tx, userId: string, at: Date) {
  await tx.update(notificationPreferences).set({ lastDigestAt: at }).where(eq(notificationPreferences.userId, userId));
}
