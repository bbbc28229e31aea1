import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { oidcSignIns, organisationSignIn, organisations, teams, users } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';

export type SettingsRow = typeof organisationSignIn.$inferSelect;
/** What an administrator saves; the sealed secret only when they give a new one. */
export type SettingsValues = Omit<typeof organisationSignIn.$inferInsert, 'organisationId' | 'version' | 'createdAt' | 'updatedAt' | 'clientSecretSealed'> & { clientSecretSealed?: string };

export async function getOrganisation(tx: Tx, id: string) {
  const [row] = await tx.select({ id: organisations.id, name: organisations.name, partnershipId: organisations.partnershipId }).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function getSettings(tx: Tx, organisationId: string): Promise<SettingsRow | null> {
  const [row] = await tx.select().from(organisationSignIn).where(eq(organisationSignIn.organisationId, organisationId));
  return row ?? null;
}

export async function insertSettings(tx: Tx, organisationId: string, values: SettingsValues & { clientSecretSealed: string }): Promise<SettingsRow | null> {
  const [row] = await tx.insert(organisationSignIn).values({ organisationId, ...values }).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSettings(tx: Tx, organisationId: string, version: number, values: SettingsValues): Promise<SettingsRow | null> {
  const [row] = await tx
    .update(organisationSignIn)
    .set({ ...values, version: sql`${organisationSignIn.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organisationSignIn.organisationId, organisationId), eq(organisationSignIn.version, version)))
    .returning();
  return row ?? null;
}

/** Whether the organisation's staff must sign in through its provider rather than with a password. */
export async function ssoOnly(tx: Tx, organisationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ ssoOnly: organisationSignIn.ssoOnly })
    .from(organisationSignIn)
    .where(and(eq(organisationSignIn.organisationId, organisationId), eq(organisationSignIn.enabled, true)));
  return row?.ssoOnly ?? false;
}

/**
 * The one organisation whose staff use this email domain and sign in through an enabled provider,
 * so an address without an account is sent to the same provider as its colleagues' (the reply
 * then says nothing of who has an account). Null when none, or more than one, does.
 */
export async function providerOrganisationForDomain(tx: Tx, domain: string): Promise<string | null> {
  const rows = await tx
    .selectDistinct({ organisationId: organisationSignIn.organisationId })
    .from(organisationSignIn)
    .innerJoin(teams, eq(teams.organisationId, organisationSignIn.organisationId))
    .innerJoin(users, eq(users.teamId, teams.id))
    .where(and(eq(organisationSignIn.enabled, true), sql`split_part(${users.email}, '@', 2) = ${domain}`))
    .limit(2);
  return rows.length === 1 ? rows[0]!.organisationId : null;
}

/** Starts a sign-in, clearing away those long expired: they are worth nothing once their time is up. */
export async function insertAttempt(tx: Tx, values: typeof oidcSignIns.$inferInsert, now: Date): Promise<void> {
  await tx.delete(oidcSignIns).where(lt(oidcSignIns.expiresAt, new Date(now.getTime() - 60 * 60 * 1000)));
  await tx.insert(oidcSignIns).values(values);
}

/** Takes a sign-in the provider is answering: once only, and only while it has not expired. */
export async function takeAttempt(tx: Tx, stateHash: string, now: Date) {
  const [row] = await tx
    .update(oidcSignIns)
    .set({ usedAt: now })
    .where(and(eq(oidcSignIns.stateHash, stateHash), isNull(oidcSignIns.usedAt)))
    .returning();
  return row && row.expiresAt > now ? row : null;
}

export async function awaitCode(tx: Tx, id: string, userId: string, expiresAt: Date): Promise<void> {
  await tx.update(oidcSignIns).set({ userId, awaitingCode: true, expiresAt }).where(eq(oidcSignIns.id, id));
}

/** The sign-in this browser has finished at its provider and that waits for the authenticator code. */
export async function attemptAwaitingCode(tx: Tx, bindingHash: string, now: Date) {
  const [row] = await tx
    .select()
    .from(oidcSignIns)
    .where(and(eq(oidcSignIns.bindingHash, bindingHash), eq(oidcSignIns.awaitingCode, true), gt(oidcSignIns.expiresAt, now)))
    .for('update');
  return row ?? null;
}

export async function finishAttempt(tx: Tx, id: string): Promise<void> {
  await tx.update(oidcSignIns).set({ awaitingCode: false }).where(eq(oidcSignIns.id, id));
}
