import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { AccessLevel, LookupList } from '../../../shared/records.ts';
import { caseTypeSharing, lookups, organisations, teams } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export type LookupRow = typeof lookups.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partnership's values of a list that match any of the inputs by id, key or name. */
export async function findByAnyName(tx: Tx, partnershipId: string, list: LookupList, inputs: string[]): Promise<LookupRow[]> {
  const lowered = inputs.map((i) => i.toLowerCase());
  const ids = inputs.filter((i) => uuidPattern.test(i));
  return tx.select().from(lookups).where(and(
    eq(lookups.partnershipId, partnershipId),
    eq(lookups.list, list),
    or(
      ids.length > 0 ? inArray(lookups.id, ids) : undefined,
      inArray(lookups.key, lowered),
      inArray(sql`lower(${lookups.name})`, lowered),
    ),
  ));
}

export async function listLookups(tx: Tx, partnershipId: string, list: LookupList | undefined, includeRetired: boolean): Promise<LookupRow[]> {
  return tx.select().from(lookups)
    .where(and(eq(lookups.partnershipId, partnershipId), list ? eq(lookups.list, list) : undefined, includeRetired ? undefined : eq(lookups.active, true)))
    .orderBy(asc(lookups.list), asc(lookups.position), asc(lookups.name));
}

export async function getLookup(tx: Tx, id: string): Promise<LookupRow | null> {
  const [row] = await tx.select().from(lookups).where(eq(lookups.id, id));
  return row ?? null;
}

/** Another value of the list already answering to this name (names are how people pick values). */
export async function nameTaken(tx: Tx, partnershipId: string, list: LookupList, name: string, exceptId?: string): Promise<LookupRow | null> {
  const [row] = await tx.select().from(lookups).where(and(
    eq(lookups.partnershipId, partnershipId),
    eq(lookups.list, list),
    eq(sql`lower(${lookups.name})`, name.toLowerCase()),
    exceptId ? sql`${lookups.id} <> ${exceptId}` : undefined,
  ));
  return row ?? null;
}

/** The keys of the list that are `stem` or `stem-…`, for choosing a free one (keys hold no LIKE wildcards). */
export async function keysLike(tx: Tx, partnershipId: string, list: LookupList, stem: string): Promise<string[]> {
  const rows = await tx.select({ key: lookups.key }).from(lookups).where(and(
    eq(lookups.partnershipId, partnershipId),
    eq(lookups.list, list),
    or(eq(lookups.key, stem), like(lookups.key, `${stem}-%`)),
  ));
  return rows.map((r) => r.key);
}

export async function nextPosition(tx: Tx, partnershipId: string, list: LookupList): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${lookups.position}) + 1, 0)::int` })
    .from(lookups)
    .where(and(eq(lookups.partnershipId, partnershipId), eq(lookups.list, list)));
  return row!.next;
}

export async function insertLookup(tx: Tx, values: typeof lookups.$inferInsert): Promise<LookupRow> {
  const [row] = await tx.insert(lookups).values(values).returning();
  return row!;
}

export type LookupPatch = Partial<Pick<typeof lookups.$inferInsert, 'name' | 'groupName' | 'code' | 'position' | 'active'>>;

/** Applies a change only if the value is still at the version the admin saw. */
export async function updateLookup(tx: Tx, id: string, version: number, patch: LookupPatch): Promise<LookupRow | null> {
  const [row] = await tx
    .update(lookups)
    .set({ ...patch, version: sql`${lookups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(lookups.id, id), eq(lookups.version, version)))
    .returning();
  return row ?? null;
}

export interface SharingRow {
  caseTypeId: string;
  teamId: string | null;
  teamName: string | null;
  organisationId: string;
  organisationName: string;
  level: AccessLevel;
}

/** The default sharing of case types, with names; a team target carries its organisation too. */
export async function defaultSharingOf(tx: Tx, caseTypeIds: string[]): Promise<SharingRow[]> {
  if (caseTypeIds.length === 0) return [];
  return tx
    .select({
      caseTypeId: caseTypeSharing.caseTypeId,
      teamId: caseTypeSharing.teamId,
      teamName: teams.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      level: caseTypeSharing.level,
    })
    .from(caseTypeSharing)
    .leftJoin(teams, eq(teams.id, caseTypeSharing.teamId))
    .innerJoin(organisations, eq(organisations.id, sql`coalesce(${caseTypeSharing.organisationId}, ${teams.organisationId})`))
    .where(inArray(caseTypeSharing.caseTypeId, caseTypeIds))
    .orderBy(asc(organisations.name), asc(teams.name));
}

export interface SharingTarget {
  teamId: string | null;
  organisationId: string | null;
  level: AccessLevel;
}

export async function replaceDefaultSharing(tx: Tx, caseTypeId: string, targets: SharingTarget[]): Promise<void> {
  await tx.delete(caseTypeSharing).where(eq(caseTypeSharing.caseTypeId, caseTypeId));
  if (targets.length > 0) await tx.insert(caseTypeSharing).values(targets.map((t) => ({ caseTypeId, ...t })));
}

/** Of these teams, the ids of those in the partnership. */
export async function teamsInPartnership(tx: Tx, partnershipId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(inArray(teams.id, ids), eq(organisations.partnershipId, partnershipId)));
  return rows.map((r) => r.id);
}

/** Of these organisations, the ids of those in the partnership. */
export async function organisationsInPartnership(tx: Tx, partnershipId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.partnershipId, partnershipId)));
  return rows.map((r) => r.id);
}
