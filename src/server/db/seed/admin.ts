import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection.ts';
import { organisations, partnerships, passwordTokens, teams, users } from '../schema/index.ts';
import { randomToken, sha256 } from '../../platform/auth/crypto.ts';
import { writeAuditEvents } from '../../platform/audit/write.ts';

/**
 * Bootstraps a real installation: a system administrator (in a service-desk team of the named
 * partnership, made if absent) and a single-use link for them to choose a password. They enrol
 * an authenticator at first sign-in like everyone else.
 */
export async function createAdmin(database: Database, input: { email: string; name: string; partnership: string }, publicUrl: string): Promise<string> {
  const token = randomToken();
  await database.db.transaction(async (tx) => {
    let [partnership] = await tx.select().from(partnerships).where(eq(sql`lower(${partnerships.name})`, input.partnership.toLowerCase()));
    partnership ??= (await tx.insert(partnerships).values({ name: input.partnership }).returning())[0]!;
    let [organisation] = await tx.select().from(organisations).where(and(eq(organisations.partnershipId, partnership.id), eq(organisations.name, 'Concord Service Desk')));
    organisation ??= (await tx.insert(organisations).values({ partnershipId: partnership.id, name: 'Concord Service Desk', kind: 'other' }).returning())[0]!;
    let [team] = await tx.select().from(teams).where(and(eq(teams.organisationId, organisation.id), eq(teams.name, 'System administration')));
    team ??= (await tx.insert(teams).values({ organisationId: organisation.id, name: 'System administration' }).returning())[0]!;
    const [user] = await tx.insert(users).values({ teamId: team.id, email: input.email.toLowerCase(), name: input.name, role: 'system_admin' }).returning();
    await tx.insert(passwordTokens).values({ userId: user!.id, tokenHash: sha256(token), purpose: 'invitation', expiresAt: new Date(Date.now() + 72 * 3600 * 1000) });
    await writeAuditEvents(tx, { kind: 'system', name: 'create-admin command' }, { ip: null }, [
      { action: 'user.created', entityType: 'user', entityId: user!.id, subjectOrganisationId: organisation.id, subjectTeamId: team.id, details: { email: input.email, role: 'system_admin' } },
    ]);
  });
  return `${publicUrl}/set-password?token=${token}`;
}
