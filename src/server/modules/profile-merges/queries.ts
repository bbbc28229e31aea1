import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AccessLevel, GrantSource, ProfileRole, RelationshipKind } from '../../../shared/records.ts';
import { organisations, profileAccess, profiles, teams } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { kinds } from '../../platform/access/kinds.ts';
import { accessLevel } from '../../platform/access/records.ts';

export interface MergeProfileRow {
  id: string;
  partnershipId: string;
  ownerTeamId: string;
  ownerTeamName: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  roles: ProfileRole[];
  mergedIntoId: string | null;
  version: number;
  level: AccessLevel | null;
}

/** Both profiles are locked for the rest of the merge, so two merges of the same pair cannot interleave. */
export async function lockProfile(tx: Tx, actor: Actor, id: string): Promise<MergeProfileRow | null> {
  const { rows } = await tx.execute<{
    id: string; partnership_id: string; owner_team_id: string; owner_team_name: string; owner_organisation_id: string;
    owner_organisation_name: string; roles: ProfileRole[]; merged_into_id: string | null; version: number; level: AccessLevel | null;
  }>(sql`
    select ${profiles.id} as id, ${profiles.partnershipId} as partnership_id, ${profiles.ownerTeamId} as owner_team_id,
           owner_team.name as owner_team_name, owner_organisation.id as owner_organisation_id, owner_organisation.name as owner_organisation_name,
           ${profiles.roles} as roles, ${profiles.mergedIntoId} as merged_into_id, ${profiles.version} as version,
           ${accessLevel(actor, profiles, kinds.profile.accessList)} as level
      from ${profiles}
      join teams owner_team on owner_team.id = ${profiles.ownerTeamId}
      join organisations owner_organisation on owner_organisation.id = owner_team.organisation_id
     where ${profiles.id} = ${id}
       for update of profiles`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    ownerTeamId: row.owner_team_id,
    ownerTeamName: row.owner_team_name,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationName: row.owner_organisation_name,
    roles: row.roles,
    mergedIntoId: row.merged_into_id,
    version: row.version,
    level: row.level,
  };
}

const count = (result: { rowCount: number | null }) => result.rowCount ?? 0;

/** Case links move to the survivor; where both were on a case, the survivor's link and role stay. */
export async function moveCaseLinks(tx: Tx, survivorId: string, duplicateId: string) {
  const dropped = await tx.execute(sql`
    delete from case_profiles d
     where d.profile_id = ${duplicateId}
       and exists (select 1 from case_profiles s where s.case_id = d.case_id and s.profile_id = ${survivorId})`);
  const moved = await tx.execute(sql`update case_profiles set profile_id = ${survivorId} where profile_id = ${duplicateId}`);
  return { moved: count(moved), alreadyLinked: count(dropped) };
}

/** Addresses move, except those the survivor already has word for word. */
export async function moveAddresses(tx: Tx, survivorId: string, duplicateId: string) {
  const dropped = await tx.execute(sql`
    delete from profile_addresses d
     where d.profile_id = ${duplicateId}
       and exists (select 1 from profile_addresses s
                    where s.profile_id = ${survivorId}
                      and lower(s.address_line1) = lower(d.address_line1)
                      and lower(coalesce(s.address_line2, '')) = lower(coalesce(d.address_line2, ''))
                      and lower(coalesce(s.town, '')) = lower(coalesce(d.town, ''))
                      and s.postcode is not distinct from d.postcode
                      and s.from_date is not distinct from d.from_date
                      and s.to_date is not distinct from d.to_date
                      and s.location_id is not distinct from d.location_id)`);
  const moved = await tx.execute(sql`update profile_addresses set profile_id = ${survivorId} where profile_id = ${duplicateId}`);
  return { moved: count(moved), alreadyHeld: count(dropped) };
}

/**
 * Relationships are re-pointed at the survivor. One between the two would become a relation to
 * itself, and one the survivor already has (either way round, for kinds that read the same from
 * both sides) would be a duplicate: both are dropped.
 */
export async function moveRelationships(tx: Tx, survivorId: string, duplicateId: string, symmetricKinds: RelationshipKind[]) {
  const self = await tx.execute(sql`
    delete from profile_relationships
     where (from_profile_id = ${duplicateId} and to_profile_id = ${survivorId})
        or (from_profile_id = ${survivorId} and to_profile_id = ${duplicateId})`);
  const symmetric = symmetricKinds.length > 0 ? sql`array[${sql.join(symmetricKinds.map((k) => sql`${k}`), sql`, `)}]::text[]` : sql`array[]::text[]`;
  const duplicated = await tx.execute(sql`
    delete from profile_relationships r
     where (r.from_profile_id = ${duplicateId} or r.to_profile_id = ${duplicateId})
       and exists (
         select 1 from profile_relationships x
          where x.from_profile_id <> ${duplicateId} and x.to_profile_id <> ${duplicateId} and x.kind = r.kind
            and ((x.from_profile_id = case when r.from_profile_id = ${duplicateId} then ${survivorId}::uuid else r.from_profile_id end
                  and x.to_profile_id = case when r.to_profile_id = ${duplicateId} then ${survivorId}::uuid else r.to_profile_id end)
              or (x.kind = any(${symmetric})
                  and x.to_profile_id = case when r.from_profile_id = ${duplicateId} then ${survivorId}::uuid else r.from_profile_id end
                  and x.from_profile_id = case when r.to_profile_id = ${duplicateId} then ${survivorId}::uuid else r.to_profile_id end)))`);
  const from = await tx.execute(sql`update profile_relationships set from_profile_id = ${survivorId} where from_profile_id = ${duplicateId}`);
  const to = await tx.execute(sql`update profile_relationships set to_profile_id = ${survivorId} where to_profile_id = ${duplicateId}`);
  return { moved: count(from) + count(to), dropped: count(self) + count(duplicated) };
}

/** The union of a lookup list (warning markers, vulnerabilities); returns the lookup ids the survivor gained. */
export async function mergeLookupSet(tx: Tx, table: 'profile_warning_markers' | 'profile_vulnerabilities', survivorId: string, duplicateId: string): Promise<string[]> {
  const t = sql.identifier(table);
  const { rows } = await tx.execute<{ lookup_id: string }>(sql`
    insert into ${t} (profile_id, lookup_id)
    select ${survivorId}::uuid, lookup_id from ${t} where profile_id = ${duplicateId}
    on conflict do nothing
    returning lookup_id`);
  await tx.execute(sql`delete from ${t} where profile_id = ${duplicateId}`);
  return rows.map((r) => r.lookup_id);
}

/**
 * The duplicate's name and aliases become aliases of the survivor, with their search forms as
 * they are; a name the survivor is already known by (ignoring case) is not added twice.
 */
export async function moveNames(tx: Tx, survivorId: string, duplicateId: string): Promise<{ firstName: string; lastName: string }[]> {
  await tx.execute(sql`
    delete from profile_names d
     where d.profile_id = ${duplicateId}
       and exists (select 1 from profile_names e
                    where lower(e.first_name) = lower(d.first_name) and lower(e.last_name) = lower(d.last_name)
                      and (e.profile_id = ${survivorId} or (e.profile_id = ${duplicateId} and e.id < d.id)))`);
  const { rows } = await tx.execute<{ first_name: string; last_name: string }>(sql`
    update profile_names set profile_id = ${survivorId}, kind = 'alias' where profile_id = ${duplicateId}
    returning first_name, last_name`);
  return rows.map((r) => ({ firstName: r.first_name, lastName: r.last_name }));
}

/**
 * The duplicate's reports, documents, tasks, reminders and assessments (with any assessment a
 * screening said it still needs, and its risk-level history), victim care and the portal's record move to the survivor with their
 * visibility and authors as they were, and so do the interests registered in it (once each).
 */
export async function moveRecordWork(tx: Tx, survivorId: string, duplicateId: string) {
  const moved: Record<string, number> = {};
  for (const table of ['reports', 'documents', 'tasks', 'actions', 'assessments', 'assessment_requirements'] as const) {
    moved[table] = count(await tx.execute(sql`update ${sql.identifier(table)} set record_id = ${survivorId} where record_kind = 'profile' and record_id = ${duplicateId}`));
  }
  await tx.execute(sql`
    delete from record_interests d
     where d.record_kind = 'profile' and d.record_id = ${duplicateId}
       and exists (select 1 from record_interests s where s.user_id = d.user_id and s.record_kind = 'profile' and s.record_id = ${survivorId})`);
  moved.interests = count(await tx.execute(sql`update record_interests set record_id = ${survivorId} where record_kind = 'profile' and record_id = ${duplicateId}`));
  moved.risk_level_changes = count(await tx.execute(sql`update risk_level_changes set profile_id = ${survivorId} where profile_id = ${duplicateId}`));
  moved.panel_referrals = count(await tx.execute(sql`update panel_referrals set record_id = ${survivorId} where record_kind = 'profile' and record_id = ${duplicateId}`));
  // Victim care follows the person. Where both had a plan, an open flag or an open case review,
  // the survivor's stands and the duplicate's stays with it, as a merged profile's history.
  moved.victim_contacts = count(await tx.execute(sql`update victim_contacts set profile_id = ${survivorId} where profile_id = ${duplicateId}`));
  moved.contact_plans = count(await tx.execute(sql`
    update contact_plans set profile_id = ${survivorId}
     where profile_id = ${duplicateId} and not exists (select 1 from contact_plans s where s.profile_id = ${survivorId})`));
  moved.community_trigger_flags = count(await tx.execute(sql`
    update community_trigger_flags set profile_id = ${survivorId}
     where profile_id = ${duplicateId}
       and (cleared_at is not null or not exists (select 1 from community_trigger_flags s where s.profile_id = ${survivorId} and s.cleared_at is null))`));
  moved.case_reviews = count(await tx.execute(sql`
    update case_reviews set profile_id = ${survivorId}
     where profile_id = ${duplicateId}
       and (stage = 'closed' or not exists (select 1 from case_reviews s where s.profile_id = ${survivorId} and s.stage <> 'closed'))`));
  // The portal's record follows the person too: the conversation (with its ended access, so the
  // team that held it still reads it), appointments, what was shared, and the safety plan unless
  // the survivor has one. The duplicate's access itself has ended with the merge.
  for (const table of ['messages', 'message_attachments', 'appointments', 'portal_documents', 'portal_tasks'] as const) {
    moved[table] = count(await tx.execute(sql`update ${sql.identifier(table)} set profile_id = ${survivorId} where profile_id = ${duplicateId}`));
  }
  moved.safety_plans = count(await tx.execute(sql`
    update safety_plans set profile_id = ${survivorId}
     where profile_id = ${duplicateId} and not exists (select 1 from safety_plans s where s.profile_id = ${survivorId})`));
  return moved as { reports: number; documents: number; tasks: number; actions: number; assessments: number; interests: number };
}

/** The access list with the name of each team or organisation on it, for the audit trail. */
export async function accessEntries(tx: Tx, recordId: string) {
  return tx
    .select({
      id: profileAccess.id,
      teamId: profileAccess.teamId,
      organisationId: profileAccess.organisationId,
      level: profileAccess.level,
      source: profileAccess.source,
      expiresAt: profileAccess.expiresAt,
      name: sql<string>`coalesce(${teams.name}, ${organisations.name})`,
    })
    .from(profileAccess)
    .leftJoin(teams, eq(teams.id, profileAccess.teamId))
    .leftJoin(organisations, eq(organisations.id, profileAccess.organisationId))
    // An expired grant gives nothing, so it has nothing to hand on; one person's emergency access
    // was to the duplicate, for their reason, and is not carried over (they may break the glass again).
    .where(and(eq(profileAccess.recordId, recordId), isNull(profileAccess.userId), sql`(${profileAccess.expiresAt} is null or ${profileAccess.expiresAt} > now())`));
}

export async function insertAccess(tx: Tx, values: { recordId: string; teamId: string | null; organisationId: string | null; level: AccessLevel; source: GrantSource; expiresAt: Date | null; grantedBy: string }) {
  await tx.insert(profileAccess).values(values);
}

export async function raiseAccess(tx: Tx, entryId: string, grantedBy: string) {
  await tx.update(profileAccess).set({ level: 'edit', grantedBy, grantedAt: new Date() }).where(eq(profileAccess.id, entryId));
}

/** The survivor takes the union of roles; the duplicate becomes a redirect, and so do those merged into it before. */
export async function finishMerge(tx: Tx, survivorId: string, duplicateId: string, roles: ProfileRole[], mergedBy: string) {
  const now = new Date();
  await tx.update(profiles).set({ roles, version: sql`${profiles.version} + 1`, updatedAt: now }).where(eq(profiles.id, survivorId));
  await tx.update(profiles).set({ mergedIntoId: survivorId, mergedAt: now, mergedBy, version: sql`${profiles.version} + 1`, updatedAt: now }).where(eq(profiles.id, duplicateId));
  await tx.update(profiles).set({ mergedIntoId: survivorId }).where(eq(profiles.mergedIntoId, duplicateId));
}

export async function versions(tx: Tx, ids: string[]) {
  return tx.select({ id: profiles.id, version: profiles.version }).from(profiles).where(inArray(profiles.id, ids));
}
