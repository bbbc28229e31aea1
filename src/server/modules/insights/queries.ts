import { and, eq, sql } from 'drizzle-orm';
import { insightSettings, organisations, teams } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

// Settings.

export type SettingsRow = typeof insightSettings.$inferSelect;
export type SettingsValues = Pick<typeof insightSettings.$inferInsert, 'staleAfterDays' | 'repeatVictimIncidents' | 'updatedBy'>;

export async function getSettings(tx: Tx, partnershipId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(insightSettings).where(eq(insightSettings.partnershipId, partnershipId));
  return row ?? null;
}

/** The partnership's first change from the defaults; null when someone else made one first. */
export async function insertSettings(tx: Tx, partnershipId: string, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.insert(insightSettings).values({ partnershipId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSettings(tx: Tx, partnershipId: string, version: number, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx.update(insightSettings)
    .set({ ...values, version: sql`${insightSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(insightSettings.partnershipId, partnershipId), eq(insightSettings.version, version)))
    .returning();
  return row ?? null;
}

// The area a dashboard is narrowed to.

export async function getTeam(tx: Tx, teamId: string) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name, organisationId: organisations.id, organisationName: organisations.name, partnershipId: organisations.partnershipId })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(teams.id, teamId));
  return row ?? null;
}

export async function getOrganisation(tx: Tx, organisationId: string) {
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name, partnershipId: organisations.partnershipId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}
