import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { RecordKind } from '../../../shared/records.ts';
import { notifications, organisations, recordInterests, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { teamCanView } from '../../platform/access/records.ts';

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
