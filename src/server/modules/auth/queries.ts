import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, organisations, partnerships, passwordTokens, signInThrottle, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  isSupervisor: users.isSupervisor,
  isCoordinator: users.isCoordinator,
  schemeLookUp: users.schemeLookUp,
  // Reads a scheme's register: a member of the team that runs it, or one who administers that team (platform/access/schemes.ts).
  schemeStaff: sql<boolean>`exists (select 1 from schemes s join teams st on st.id = s.team_id where s.team_id = ${users.teamId}
    or (${users.role} = 'organisation_admin' and st.organisation_id = ${teams.organisationId})
    or (${users.role} = 'system_admin' and s.partnership_id = ${partnerships.id}))`,
  passwordHash: users.passwordHash,
  totpSecret: users.totpSecret,
  totpEnrolledAt: users.totpEnrolledAt,
  totpLastStep: users.totpLastStep,
  disabledAt: users.disabledAt,
  teamId: teams.id,
  teamName: teams.name,
  organisationId: organisations.id,
  organisationName: organisations.name,
  partnershipId: partnerships.id,
  partnershipName: partnerships.name,
};

function accounts(tx: Tx) {
  return tx
    .select(accountColumns)
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId));
}

export type Account = Awaited<ReturnType<typeof findAccountByEmail>>;

export async function findAccountByEmail(tx: Tx, email: string) {
  const [row] = await accounts(tx).where(eq(users.email, email));
  return row ?? null;
}

export type TokenCaller = Awaited<ReturnType<typeof findTokenCaller>>;

/** The team, organisation and partnership an API token acts for. */
export async function findTokenCaller(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      teamId: teams.id, teamName: teams.name,
      organisationId: organisations.id, organisationName: organisations.name,
      partnershipId: partnerships.id, partnershipName: partnerships.name,
    })
    .from(apiTokens)
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function findAccountById(tx: Tx, id: string) {
  const [row] = await accounts(tx).where(eq(users.id, id));
  return row ?? null;
}

/** Locks the account row so two sign-ins cannot both accept the same one-time code. */
export async function lockAccount(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`select 1 from ${users} where ${users.id} = ${id} for update`);
}

export async function getThrottle(tx: Tx, email: string) {
  const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.email, email)).for('update');
  return row ?? null;
}

export async function recordFailure(tx: Tx, email: string, failures: number, lockedUntil: Date | null): Promise<void> {
  const now = new Date();
  await tx
    .insert(signInThrottle)
    .values({ email, failures, lastFailureAt: now, lockedUntil })
    .onConflictDoUpdate({ target: signInThrottle.email, set: { failures, lastFailureAt: now, lockedUntil } });
}

export async function clearThrottle(tx: Tx, email: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.email, email));
}

export async function recordSignIn(tx: Tx, id: string, totpStep: number | null): Promise<void> {
  await tx
    .update(users)
    .set({ lastSignInAt: new Date(), ...(totpStep !== null ? { totpLastStep: String(totpStep) } : {}) })
    .where(eq(users.id, id));
}

export async function setPendingTotpSecret(tx: Tx, id: string, sealedSecret: string): Promise<void> {
  await tx.update(users).set({ totpSecret: sealedSecret }).where(and(eq(users.id, id), isNull(users.totpEnrolledAt)));
}

// A person's own password and authenticator are not fields an administrator edits, so they
// leave `version` alone: an administrator's open form does not conflict with them.
export async function markEnrolled(tx: Tx, id: string, step: number): Promise<void> {
  await tx.update(users).set({ totpEnrolledAt: new Date(), totpLastStep: String(step) }).where(eq(users.id, id));
}

export async function setPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
}

export async function createPasswordToken(tx: Tx, input: { userId: string; tokenHash: string; purpose: 'reset' | 'invitation'; expiresAt: Date }): Promise<void> {
  // Only the newest link of a kind works: asking again retires the earlier ones.
  await tx
    .update(passwordTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordTokens.userId, input.userId), eq(passwordTokens.purpose, input.purpose), isNull(passwordTokens.usedAt)));
  await tx.insert(passwordTokens).values(input);
}

export async function takePasswordToken(tx: Tx, tokenHash: string) {
  const [row] = await tx.select().from(passwordTokens).where(eq(passwordTokens.tokenHash, tokenHash)).for('update');
  if (!row) return null;
  await tx.update(passwordTokens).set({ usedAt: new Date() }).where(eq(passwordTokens.id, row.id));
  return row;
}
