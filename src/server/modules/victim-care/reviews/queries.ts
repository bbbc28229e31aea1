import { and, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseReviews, profiles, teams, users } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type NewReview = typeof caseReviews.$inferInsert;

/** Null when the person already has a review open. */
export async function insertReview(tx: Tx, values: NewReview): Promise<string | null> {
  const [row] = await tx.insert(caseReviews).values(values).onConflictDoNothing().returning({ id: caseReviews.id });
  return row?.id ?? null;
}

const owner = alias(users, 'owner');

export async function getReview(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      review: caseReviews,
      profile: { id: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName },
      ownerName: owner.name,
      ownerTeamName: teams.name,
      today: sql<string>`to_char((now() at time zone 'Europe/London')::date, 'YYYY-MM-DD')`,
    })
    .from(caseReviews)
    .innerJoin(profiles, eq(profiles.id, caseReviews.profileId))
    .innerJoin(owner, eq(owner.id, caseReviews.ownerId))
    .innerJoin(teams, eq(teams.id, caseReviews.ownerTeamId))
    .where(eq(caseReviews.id, id));
  return row ?? null;
}
export type ReviewRow = NonNullable<Awaited<ReturnType<typeof getReview>>>;

export async function openReviewOf(tx: Tx, profileId: string): Promise<ReviewRow | null> {
  const [row] = await tx.select({ id: caseReviews.id }).from(caseReviews).where(and(eq(caseReviews.profileId, profileId), ne(caseReviews.stage, 'closed')));
  return row ? getReview(tx, row.id) : null;
}

export type ReviewChange = Partial<Omit<NewReview, 'id' | 'partnershipId' | 'profileId' | 'flagId' | 'createdBy' | 'version' | 'createdAt' | 'updatedAt'>>;

/** Takes a step if the review is still at `version`; false when someone changed it first. */
export async function updateReview(tx: Tx, id: string, version: number, change: ReviewChange): Promise<boolean> {
  const rows = await tx.update(caseReviews)
    .set({ ...change, version: sql`${caseReviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(caseReviews.id, id), eq(caseReviews.version, version)))
    .returning({ id: caseReviews.id });
  return rows.length > 0;
}
