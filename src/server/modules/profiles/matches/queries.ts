import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { organisations, profileNames, profiles, teams } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { accessLevel } from '../../../platform/access/records.ts';
import { profileAccessList } from '../queries.ts';

export interface MatchTerms {
  partnershipId: string;
  /** First and last name as typed, joined by a space; null when neither was given. */
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
}

/** The query's name in the form `profile_names.search_name` holds. */
const searchForm = (name: string) => sql`lower(unaccent(${name}::text))`;
const likePattern = (name: string) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Profiles that may be the person described, from each kind of evidence separately, unioned:
 * - names holding the name as typed (trigram LIKE on the GIN index: every trigram is required,
 *   so the index goes straight to the few rows that have them all);
 * - names that sound alike (the btree on the sound keys, `name_sound` in migration 0012);
 * - the same date of birth (the btree on `profiles`);
 * - only when the first two found few, names alike by trigram similarity (`%` on the GIN index),
 *   which forgives a mistyped letter but must weigh every name sharing a few trigrams, so it is
 *   kept for when the cheap sources have not already found the likely people.
 * Each source is an index lookup with its own limit, so the cost stays flat however many
 * profiles the partnership holds; merged profiles only redirect and are left out.
 */
export async function matchCandidates(tx: Tx, terms: MatchTerms, perSource: number, fuzzyBelow: number): Promise<string[]> {
  const none = sql`(select null::uuid as profile_id where false)`;
  const live = sql`join profiles p on p.id = n.profile_id and p.merged_into_id is null`;
  const named = terms.name
    ? sql`(select n.profile_id from profile_names n ${live}
        where n.partnership_id = ${terms.partnershipId} and n.search_name like ${searchForm(likePattern(terms.name))} limit ${perSource})`
    : none;
  const sounds = terms.firstName && terms.lastName
    ? sql`(select n.profile_id from profile_names n ${live}
        where n.partnership_id = ${terms.partnershipId} and n.last_sound = name_sound(${terms.lastName}::text)
          and n.first_sound = name_sound(${terms.firstName}::text) and n.last_sound <> '' limit ${perSource})`
    : none;
  const born = terms.dateOfBirth
    ? sql`(select p.id as profile_id from profiles p
        where p.partnership_id = ${terms.partnershipId} and p.date_of_birth = ${terms.dateOfBirth}::date and p.merged_into_id is null limit ${perSource})`
    : none;
  const alike = terms.name
    ? sql`(select n.profile_id from profile_names n ${live}
        where n.partnership_id = ${terms.partnershipId} and n.search_name % ${searchForm(terms.name)}
          and (select count(*) from named) + (select count(*) from sounds) < ${fuzzyBelow}
        order by similarity(n.search_name, ${searchForm(terms.name)}) desc limit ${perSource})`
    : none;
  const { rows } = await tx.execute<{ id: string }>(sql`
    with named as materialized ${named}, sounds as materialized ${sounds}, born as materialized ${born}, alike as ${alike}
    select profile_id as id from named union select profile_id from sounds union select profile_id from born union select profile_id from alike`);
  return rows.map((r) => r.id);
}

/** For each candidate, each of its names with how like the query it is. */
export async function matchEvidence(tx: Tx, actor: Actor, terms: MatchTerms, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: profiles.id,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      dateOfBirth: profiles.dateOfBirth,
      ownerTeamId: profiles.ownerTeamId,
      ownerTeamName: teams.name,
      ownerOrganisationId: organisations.id,
      ownerOrganisationName: organisations.name,
      level: accessLevel(actor, profiles, profileAccessList),
      nameKind: profileNames.kind,
      nameFirst: profileNames.firstName,
      nameLast: profileNames.lastName,
      similarity: (terms.name ? sql<number>`similarity(${profileNames.searchName}, ${searchForm(terms.name)})` : sql<number>`0`).mapWith(Number),
      soundsAlike: terms.firstName && terms.lastName
        ? sql<boolean>`(${profileNames.lastSound} <> '' and ${profileNames.lastSound} = name_sound(${terms.lastName}::text) and ${profileNames.firstSound} = name_sound(${terms.firstName}::text))`
        : sql<boolean>`false`,
    })
    .from(profiles)
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(profileNames, eq(profileNames.profileId, profiles.id))
    .where(and(inArray(profiles.id, ids), eq(profiles.partnershipId, terms.partnershipId), isNull(profiles.mergedIntoId)));
}

export type MatchEvidence = Awaited<ReturnType<typeof matchEvidence>>[number];
