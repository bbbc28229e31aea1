import type { Drizzle } from '../connection.ts';
import type { Tx } from '../transaction.ts';
import { ensureBuiltInAssessments } from './assessments.ts';
import { ensureDefaultLookups } from './lookups.ts';

/** What every partnership starts with and every release may add to: lookup values, the question bank and built-in templates. */
export async function ensurePartnershipDefaults(tx: Tx | Drizzle, partnershipId?: string): Promise<void> {
  await ensureDefaultLookups(tx, partnershipId);
  await ensureBuiltInAssessments(tx, partnershipId);
}
