import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ApplicationStatus } from '../../../../shared/schemes.ts';
import {
  cardholders, profiles, referrals, schemeApplications as applications, schemeCards, schemes, users,
} from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

const approver = alias(users, 'approver');
const creator = alias(users, 'creator');
const keyworker = alias(users, 'keyworker');

const rowColumns = {
  application: applications,
  firstName: profiles.firstName,
  lastName: profiles.lastName,
  dateOfBirth: profiles.dateOfBirth,
  reference: referrals.reference,
};

/** A scheme's applications, newest first, keyset by creation time and id. */
export async function listApplications(tx: Tx, schemeId: string, statuses: readonly ApplicationStatus[], after: [string, string] | null, limit: number) {
  const conditions: (SQL | undefined)[] = [eq(applications.schemeId, schemeId), inArray(applications.status, [...statuses])];
  if (after) conditions.push(sql`(${applications.createdAt}, ${applications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return tx.select(rowColumns)
    .from(applications)
    .innerJoin(profiles, eq(profiles.id, applications.profileId))
    .leftJoin(referrals, eq(referrals.id, applications.referralId))
    .where(and(...conditions))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(limit);
}
export type ApplicationListRow = Awaited<ReturnType<typeof listApplications>>[number];

export async function getApplication(tx: Tx, schemeId: string, id: string) {
  const [row] = await tx.select({
    ...rowColumns,
    keyworkerName: keyworker.name,
    approverName: approver.name,
    creatorName: creator.name,
    cardNumber: sql<string | null>`(select c.card_number from ${schemeCards} c where c.cardholder_id = ${applications.cardholderId}
      order by (c.status = 'active') desc, c.created_at desc limit 1)`,
  })
    .from(applications)
    .innerJoin(profiles, eq(profiles.id, applications.profileId))
    .leftJoin(referrals, eq(referrals.id, applications.referralId))
    .leftJoin(keyworker, eq(keyworker.id, applications.keyworkerId))
    .leftJoin(approver, eq(approver.id, applications.approvedBy))
    .leftJoin(creator, eq(creator.id, applications.createdBy))
    .where(and(eq(applications.schemeId, schemeId), eq(applications.id, id)));
  return row ?? null;
}
export type ApplicationFull = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/** The names of whoever ticked the checks. */
export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The person's application still being worked, if any: one at a time. */
export async function openApplicationOf(tx: Tx, schemeId: string, profileId: string) {
  const [row] = await tx.select({ id: applications.id }).from(applications)
    .where(and(eq(applications.schemeId, schemeId), eq(applications.profileId, profileId), inArray(applications.status, ['checks', 'approved'])));
  return row ?? null;
}

/** The person's place on the register, if they have one (whatever its status). */
export async function holderOf(tx: Tx, schemeId: string, profileId: string) {
  const [row] = await tx.select({ id: cardholders.id, status: cardholders.status }).from(cardholders)
    .where(and(eq(cardholders.schemeId, schemeId), eq(cardholders.profileId, profileId)));
  return row ?? null;
}

export async function insertApplication(tx: Tx, values: typeof applications.$inferInsert): Promise<string> {
  const [row] = await tx.insert(applications).values(values).returning({ id: applications.id });
  return row!.id;
}

/** False when the application is no longer at `version`. */
export async function updateApplication(tx: Tx, id: string, version: number, values: Partial<typeof applications.$inferInsert>): Promise<boolean> {
  const rows = await tx.update(applications)
    .set({ ...values, version: sql`${applications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(applications.id, id), eq(applications.version, version)))
    .returning({ id: applications.id });
  return rows.length > 0;
}

/** The scheme whose application form this is, in the partnership. */
export async function schemeOfForm(tx: Tx, partnershipId: string, formId: string) {
  const [row] = await tx.select({ key: schemes.key }).from(schemes)
    .where(and(eq(schemes.partnershipId, partnershipId), eq(schemes.applicationFormId, formId)));
  return row ?? null;
}

export async function openApplicationCount(tx: Tx, schemeId: string): Promise<number> {
  const [row] = await tx.select({ count: count() }).from(applications)
    .where(and(eq(applications.schemeId, schemeId), inArray(applications.status, ['checks', 'approved'])));
  return row?.count ?? 0;
}

/** The person's latest application, for their profile's panel. */
export async function latestApplicationOf(tx: Tx, schemeId: string, profileId: string) {
  const [row] = await tx.select({ id: applications.id, kind: applications.kind, status: applications.status, createdAt: applications.createdAt })
    .from(applications)
    .where(and(eq(applications.schemeId, schemeId), eq(applications.profileId, profileId)))
    .orderBy(desc(applications.createdAt))
    .limit(1);
  return row ?? null;
}
