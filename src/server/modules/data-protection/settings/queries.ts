import { and, eq, sql } from 'drizzle-orm';
import { dataProtectionSettings } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type SettingsRow = typeof dataProtectionSettings.$inferSelect;
export type SettingsValues = Pick<typeof dataProtectionSettings.$inferInsert, 'reviewReminderDays' | 'lawfulBasisReviewMonths' | 'redactOtherAgencyStaff' | 'downloadDays' | 'updatedBy'>;

export async function getSettings(tx: Tx, partnershipId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(dataProtectionSettings).where(eq(dataProtectionSettings.partnershipId, partnershipId));
  return row ?? null;
}

/** The partnership's first change from the defaults; null when someone else made one first. */
export async function insertSettings(tx: Tx, partnershipId: string, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.insert(dataProtectionSettings).values({ partnershipId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSettings(tx: Tx, partnershipId: string, version: number, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.update(dataProtectionSettings)
    .set({ ...values, version: sql`${dataProtectionSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(dataProtectionSettings.partnershipId, partnershipId), eq(dataProtectionSettings.version, version)))
    .returning();
  return row ?? null;
}
