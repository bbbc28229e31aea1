import type { Drizzle } from '../connection.ts';
import type { Tx } from '../transaction.ts';
import { ensureBuiltInAssessments } from './assessments.ts';
import { ensureHelpArticles } from './help.ts';
import { ensureDefaultLookups } from './lookups.ts';
import { ensureStarterTemplates } from './template-library.ts';

/** What every partnership starts with and every release may add to: lookup values, the question bank and built-in templates, the template library's starter letters, and the how-to help. */
export async function ensurePartnershipDefaults(tx: Tx | Drizzle, partnershipId?: string): Promise<void> {
  await ensureDefaultLookups(tx, partnershipId);
  await ensureBuiltInAssessments(tx, partnershipId);
  await ensureStarterTemplates(tx, partnershipId);
  await ensureHelpArticles(tx, partnershipId);
}
