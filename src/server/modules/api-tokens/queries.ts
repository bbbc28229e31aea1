import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { apiTokens, organisations, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

const creator = alias(users, 'creator');
const tokenColumns = {
  token: apiTokens,
  organisationName: organisations.name,
  partnershipId: organisations.partnershipId,
  teamName: teams.name,
  creatorName: creator.name,
};

function withNames(tx: Tx) {
  return tx
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .innerJoin(teams, eq(teams.id, apiTokens.teamId))
    .innerJoin(creator, eq(creator.id, apiTokens.createdById));
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof getToken>>>;

export async function getToken(tx: Tx, id: string) {
  const [row] = await withNames(tx).where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function listTokens(tx: Tx, filter: { organisationId?: string; partnershipId?: string; includeRevoked: boolean; cursor: (string | number)[] | null; limit: number }) {
  const [id] = (filter.cursor ?? []) as [string?];
  return withNames(tx)
    .where(and(
      filter.organisationId ? eq(apiTokens.organisationId, filter.organisationId) : undefined,
      filter.partnershipId ? eq(organisations.partnershipId, filter.partnershipId) : undefined,
      filter.includeRevoked ? undefined : isNull(apiTokens.revokedAt),
      id ? lt(apiTokens.id, id) : undefined,
    ))
    .orderBy(desc(apiTokens.id))
    .limit(filter.limit + 1);
}

export async function insertToken(tx: Tx, values: typeof apiTokens.$inferInsert): Promise<string> {
  const [row] = await tx.insert(apiTokens).values(values).returning({ id: apiTokens.id });
  return row!.id;
}

export async function revokeToken(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function teamOrganisation(tx: Tx, teamId: string): Promise<string | null> {
  const [row] = await tx.select({ organisationId: teams.organisationId }).from(teams).where(eq(teams.id, teamId));
  return row?.organisationId ?? null;
}
