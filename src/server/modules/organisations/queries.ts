import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { organisations, partnerships, teams } from '../../db/schema/index.ts';
import { ensurePartnershipDefaults } from '../../db/seed/partnership-defaults.ts';
import type { Tx } from '../../db/transaction.ts';

/** Rows after a (name, id) keyset cursor, in name order. */
function after(nameColumn: AnyPgColumn, idColumn: AnyPgColumn, cursor: (string | number)[] | null): SQL | undefined {
  if (!cursor) return undefined;
  const [name, id] = cursor as [string, string];
  return or(gt(sql`lower(${nameColumn})`, name.toLowerCase()), and(eq(sql`lower(${nameColumn})`, name.toLowerCase()), gt(idColumn, id)));
}

// Written out in full: Drizzle leaves an outer column unqualified inside a subquery, where it would
// bind to the inner table instead.
const organisationCount = sql<number>`(select count(*)::int from organisations o where o.partnership_id = partnerships.id)`;

export async function listPartnerships(tx: Tx, filter: { onlyId?: string; cursor: (string | number)[] | null; limit: number }) {
  return tx
    .select({ partnership: partnerships, organisationCount })
    .from(partnerships)
    .where(and(filter.onlyId ? eq(partnerships.id, filter.onlyId) : undefined, after(partnerships.name, partnerships.id, filter.cursor)))
    .orderBy(asc(sql`lower(${partnerships.name})`), asc(partnerships.id))
    .limit(filter.limit + 1);
}

export async function getPartnership(tx: Tx, id: string) {
  const [row] = await tx.select({ partnership: partnerships, organisationCount }).from(partnerships).where(eq(partnerships.id, id));
  return row ?? null;
}

export async function partnershipNameTaken(tx: Tx, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.select({ id: partnerships.id }).from(partnerships).where(and(eq(sql`lower(${partnerships.name})`, name.toLowerCase()), exceptId ? sql`${partnerships.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function insertPartnership(tx: Tx, name: string) {
  const [row] = await tx.insert(partnerships).values({ name }).returning();
  await ensurePartnershipDefaults(tx, row!.id);
  return row!;
}

export async function updatePartnership(tx: Tx, id: string, version: number, patch: { name?: string }) {
  const [row] = await tx
    .update(partnerships)
    .set({ ...patch, version: sql`${partnerships.version} + 1`, updatedAt: new Date() })
    .where(and(eq(partnerships.id, id), eq(partnerships.version, version)))
    .returning();
  return row ?? null;
}

const teamCount = sql<number>`(select count(*)::int from teams t where t.organisation_id = organisations.id)`;
const organisationColumns = { organisation: organisations, partnershipName: partnerships.name, teamCount };

export async function listOrganisations(tx: Tx, filter: { partnershipId?: string; cursor: (string | number)[] | null; limit: number }) {
  return tx
    .select(organisationColumns)
    .from(organisations)
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(and(filter.partnershipId ? eq(organisations.partnershipId, filter.partnershipId) : undefined, after(organisations.name, organisations.id, filter.cursor)))
    .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
    .limit(filter.limit + 1);
}

export async function getOrganisation(tx: Tx, id: string) {
  const [row] = await tx.select(organisationColumns).from(organisations).innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId)).where(eq(organisations.id, id));
  return row ?? null;
}

export async function organisationNameTaken(tx: Tx, partnershipId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.partnershipId, partnershipId), eq(sql`lower(${organisations.name})`, name.toLowerCase()), exceptId ? sql`${organisations.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function insertOrganisation(tx: Tx, values: typeof organisations.$inferInsert) {
  const [row] = await tx.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisation(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof organisations.$inferInsert, 'name' | 'kind'>>) {
  const [row] = await tx
    .update(organisations)
    .set({ ...patch, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning();
  return row ?? null;
}

const userCount = sql<number>`(select count(*)::int from users u where u.team_id = teams.id and u.disabled_at is null)`;
const teamColumns = {
  team: teams,
  organisationName: organisations.name,
  partnershipId: partnerships.id,
  partnershipName: partnerships.name,
  userCount,
};

export async function listTeams(tx: Tx, filter: { organisationId?: string; partnershipId?: string; onlyTeamId?: string; cursor: (string | number)[] | null; limit: number }) {
  return tx
    .select(teamColumns)
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(and(
      filter.organisationId ? eq(teams.organisationId, filter.organisationId) : undefined,
      filter.partnershipId ? eq(partnerships.id, filter.partnershipId) : undefined,
      filter.onlyTeamId ? eq(teams.id, filter.onlyTeamId) : undefined,
      after(teams.name, teams.id, filter.cursor),
    ))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id))
    .limit(filter.limit + 1);
}

export async function getTeam(tx: Tx, id: string) {
  const [row] = await tx
    .select(teamColumns)
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(eq(teams.id, id));
  return row ?? null;
}

export async function teamNameTaken(tx: Tx, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), eq(sql`lower(${teams.name})`, name.toLowerCase()), exceptId ? sql`${teams.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function insertTeam(tx: Tx, values: typeof teams.$inferInsert) {
  const [row] = await tx.insert(teams).values(values).returning();
  return row!;
}

export async function updateTeam(tx: Tx, id: string, version: number, patch: { name?: string }) {
  const [row] = await tx
    .update(teams)
    .set({ ...patch, version: sql`${teams.version} + 1`, updatedAt: new Date() })
    .where(and(eq(teams.id, id), eq(teams.version, version)))
    .returning();
  return row ?? null;
}
