import { eq } from 'drizzle-orm';
import { referrals } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type Decision = Required<Pick<typeof referrals.$inferInsert,
  'decision' | 'decisionReason' | 'decidedAt' | 'decidedBy' | 'caseId' | 'profileId' | 'reportId' | 'assessmentId' | 'signpostedTo'>>;

/**
 * Writes the outcome beside the state the decision's step already moved the referral to (and whose
 * version it bumped). Every column is set, so a reopened referral decided again keeps nothing of
 * the decision before, which stays in its events and the audit trail.
 */
export async function recordDecision(tx: Tx, id: string, decision: Decision): Promise<void> {
  await tx.update(referrals).set({ ...decision, updatedAt: new Date() }).where(eq(referrals.id, id));
}
