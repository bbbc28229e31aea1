import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { cases, locations, organisations, profiles, teams, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export interface TeamRow {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

/** Every team of the partnership with its organisation, to resolve a file's team names once. */
export async function teamsOf(tx: Tx, partnershipId: string): Promise<TeamRow[]> {
  return tx
    .select({ id: teams.id, name: teams.name, organisationId: organisations.id, organisationName: organisations.name })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(organisations.partnershipId, partnershipId));
}

/** Which of these emails an account already has (emails are unique across partnerships). */
export async function emailsTaken(tx: Tx, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx.select({ email: users.email }).from(users).where(inArray(sql`lower(${users.email})`, emails.map((e) => e.toLowerCase())));
  return new Set(rows.map((r) => r.email.toLowerCase()));
}

/** The partnership's cases by reference, for a file naming a parent case. */
export async function caseIdsByReference(tx: Tx, partnershipId: string, references: string[]): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const rows = await tx.select({ id: cases.id, reference: cases.reference }).from(cases)
    .where(and(eq(cases.partnershipId, partnershipId), inArray(sql`upper(${cases.reference})`, references.map((r) => r.toUpperCase()))));
  return new Map(rows.map((r) => [r.reference.toUpperCase(), r.id]));
}

/** Which of these profile ids are profiles of the partnership (whether the importer may open them is checked when linking). */
export async function profileIdsIn(tx: Tx, partnershipId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.partnershipId, partnershipId), inArray(profiles.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Which of these UPRNs a location of the partnership already has. */
export async function uprnsTaken(tx: Tx, partnershipId: string, uprns: string[]): Promise<Set<string>> {
  if (uprns.length === 0) return new Set();
  const rows = await tx.select({ uprn: locations.uprn }).from(locations)
    .where(and(eq(locations.partnershipId, partnershipId), isNotNull(locations.uprn), inArray(locations.uprn, uprns)));
  return new Set(rows.map((r) => r.uprn!));
}
