import { and, eq, sql } from 'drizzle-orm';
import { safetyPlans, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

/** The person's plan, with who last changed it; null while they have none. */
export async function getPlan(tx: Tx, profileId: string) {
  const [row] = await tx
    .select({ plan: safetyPlans, updatedByName: users.name })
    .from(safetyPlans)
    .innerJoin(users, eq(users.id, safetyPlans.updatedBy))
    .where(eq(safetyPlans.profileId, profileId));
  return row ?? null;
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export type PlanValues = Pick<typeof safetyPlans.$inferInsert, 'steps' | 'safeContacts' | 'emergencyContacts' | 'updatedBy'>;

/** False when someone else wrote the person's first plan meanwhile. */
export async function insertPlan(tx: Tx, values: PlanValues & { profileId: string; partnershipId: string }): Promise<boolean> {
  const rows = await tx.insert(safetyPlans).values(values).onConflictDoNothing().returning({ id: safetyPlans.profileId });
  return rows.length > 0;
}

/** False when the plan is no longer at `version`. */
export async function updatePlan(tx: Tx, profileId: string, version: number, values: PlanValues): Promise<boolean> {
  const rows = await tx.update(safetyPlans)
    .set({ ...values, version: sql`${safetyPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(safetyPlans.profileId, profileId), eq(safetyPlans.version, version)))
    .returning({ id: safetyPlans.profileId });
  return rows.length > 0;
}
