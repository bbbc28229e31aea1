import { and, eq, sql, type SQL } from 'drizzle-orm';
import { insightSettings, organisations, partnerships, teams } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { ResolvedRange } from './range.ts';

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

/** The partnership's name, for the header of what is exported. */
export async function partnershipName(tx: Tx, partnershipId: string): Promise<string> {
  const [row] = await tx.select({ name: partnerships.name }).from(partnerships).where(eq(partnerships.id, partnershipId));
  return row?.name ?? '';
}

/**
 * The area filters as SQL over a table alias's columns, shared by the dashboards' queries. A team
 * or organisation narrows to the records it owns; a postcode district (the outward code) to
 * people with a current address there, places there, and cases with either.
 */

/** The outward code of a postcode however it was typed ("de1 2ab", "DE12AB" → "DE1"). */
export const districtOf = (postcode: SQL) =>
  sql`left(upper(replace(${postcode}, ' ', '')), greatest(length(replace(${postcode}, ' ', '')) - 3, 0))`;

function ownedIn(range: ResolvedRange, ownerTeamId: SQL): SQL[] {
  const parts: SQL[] = [];
  if (range.teamId) parts.push(sql`${ownerTeamId} = ${range.teamId}`);
  if (range.organisationId) parts.push(sql`exists (select 1 from teams ft where ft.id = ${ownerTeamId} and ft.organisation_id = ${range.organisationId})`);
  return parts;
}

const joined = (parts: SQL[]) => (parts.length === 0 ? sql`true` : sql.join(parts, sql` and `));

/** A person, by their profile's id and owning team. */
export function profileInArea(range: ResolvedRange, profileId: SQL, ownerTeamId: SQL): SQL {
  const parts = ownedIn(range, ownerTeamId);
  if (range.postcodeDistrict) {
    parts.push(sql`exists (select 1 from profile_addresses fa where fa.profile_id = ${profileId} and fa.to_date is null
      and fa.postcode is not null and ${districtOf(sql`fa.postcode`)} = ${range.postcodeDistrict})`);
  }
  return joined(parts);
}

/** A place, by its postcode and owning team. */
export function locationInArea(range: ResolvedRange, postcode: SQL, ownerTeamId: SQL): SQL {
  const parts = ownedIn(range, ownerTeamId);
  if (range.postcodeDistrict) parts.push(sql`${districtOf(postcode)} = ${range.postcodeDistrict}`);
  return joined(parts);
}

/** A case, by its id and owning team: in a district when one of its places or people is. */
export function caseInArea(range: ResolvedRange, caseId: SQL, ownerTeamId: SQL): SQL {
  const parts = ownedIn(range, ownerTeamId);
  if (range.postcodeDistrict) {
    parts.push(sql`(exists (select 1 from case_locations fcl join locations fl on fl.id = fcl.location_id
        where fcl.case_id = ${caseId} and ${districtOf(sql`fl.postcode`)} = ${range.postcodeDistrict})
      or exists (select 1 from case_profiles fcp join profile_addresses fa on fa.profile_id = fcp.profile_id
        where fcp.case_id = ${caseId} and fa.to_date is null and fa.postcode is not null and ${districtOf(sql`fa.postcode`)} = ${range.postcodeDistrict}))`);
  }
  return joined(parts);
}
