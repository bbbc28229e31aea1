import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { organisations, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

/** A team of the partnership with its organisation; null for any other. */
export async function teamInPartnership(tx: Tx, partnershipId: string, teamId: string) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name, organisationId: organisations.id, organisationName: organisations.name })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(teams.id, teamId), eq(organisations.partnershipId, partnershipId)));
  return row ?? null;
}

/** The teams of an organisation, or the one team, by name. */
export async function teamsOf(tx: Tx, scope: { organisationId: string } | { teamId: string }) {
  return tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where('organisationId' in scope ? eq(teams.organisationId, scope.organisationId) : eq(teams.id, scope.teamId))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
}

/** The team's active members who can hold work: read-only members hold none. */
export async function officersOf(tx: Tx, teamId: string) {
  return tx
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle, role: users.role, isSupervisor: users.isSupervisor })
    .from(users)
    .where(and(eq(users.teamId, teamId), isNull(users.disabledAt), ne(users.role, 'read_only')))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}
