import { and, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { TriggerBasis } from '../../../../shared/victim-care.ts';
import { asbComplaintReportType, hateIncidentReportType, victimCareDefaults } from '../../../../shared/victim-care.ts';
import { caseReviews, communityTriggerFlags, organisations, profiles, teams } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { kinds } from '../../../platform/access/kinds.ts';
import { canView } from '../../../platform/access/records.ts';

/**
 * The community trigger counted in SQL, set-based, for some people or for every partnership at
 * once (the nightly sweep). It counts for victims: people with the victim role, on their profile or
 * in a case. An incident is a London calendar day: the complaints a victim made on one day,
 * whichever agencies recorded them, count once. Complaints already weighed by a flag that has
 * since been cleared do not count again. The sweep reads the period's complaints by type and
 * date from `reports_type_occurred_idx` alone (migration 0015).
 */

const defaults = victimCareDefaults.communityTrigger;
const asb = sql.raw(`'${asbComplaintReportType}'`);
const hate = sql.raw(`'${hateIncidentReportType}'`);

export type TriggerCount = {
  profile_id: string;
  partnership_id: string;
  complaints: number;
  organisations: number;
  since: string | null;
  location_complaints: number;
  hate_incidents: number;
  threshold: number;
  months: number;
  /** Why the trigger is met, or null. */
  basis: TriggerBasis | null;
  /** The counts behind the basis: the person's complaints, the busiest place's, or their hate incidents. */
  met_complaints: number;
  met_organisations: number;
  met_since: string | null;
};

/** People in scope: some profiles, or everyone (`null`). */
type Scope = string[] | null;

/**
 * When the person's last flag was cleared: complaints before it were weighed. A probe of
 * `community_trigger_flags_cleared_idx` per complaint, so the count stays linear as cleared flags
 * pile up over the years (a join to an aggregate of them is planned as a nested loop over every one).
 */
const lastCleared = (profileId: SQL) => sql`coalesce((select max(f.cleared_at) from community_trigger_flags f
  where f.profile_id = ${profileId} and f.cleared_at is not null), '-infinity'::timestamptz)`;

const inScope = (column: SQL, scope: Scope) => (scope ? sql`${column} in (${sql.join(scope.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`true`);

function countsSql(scope: Scope): SQL {
  const hitsOf = (where: SQL) => sql`
      select r.record_kind, r.record_id, r.author_organisation_id, r.occurred_at, (r.occurred_at at time zone 'Europe/London')::date as day, t.key
        from types t join reports r on r.report_type_id = t.id and r.occurred_at >= t.window_start
       where ${where}`;
  // For a few people, each branch reads their own reports and their places' by record, not the period's by type.
  const places = sql`(select pa.location_id from profile_addresses pa where ${inScope(sql`pa.profile_id`, scope)} and pa.location_id is not null)`;
  const hits = scope
    ? sql`${hitsOf(sql`r.record_kind = 'profile' and ${inScope(sql`r.record_id`, scope)}`)} union all ${hitsOf(sql`r.record_kind = 'location' and r.record_id in ${places}`)}`
    : hitsOf(sql`r.record_kind in ('profile', 'location')`);
  return sql`
    with settings as (
      select p.id as partnership_id,
             coalesce(s.trigger_complaints, ${defaults.complaints}::int) as complaints,
             coalesce(s.trigger_months, ${defaults.months}::int) as months,
             case when s.partnership_id is null then ${defaults.locationComplaints}::int else s.trigger_location_complaints end as location_complaints,
             coalesce(s.trigger_any_hate_incident, ${defaults.anyHateIncident}::boolean) as any_hate,
             now() - make_interval(months => coalesce(s.trigger_months, ${defaults.months}::int)) as window_start
        from partnerships p left join victim_care_settings s on s.partnership_id = p.id),
    types as (
      select l.id, l.key, s.window_start from lookups l join settings s on s.partnership_id = l.partnership_id
       where l.list = 'report_type' and l.key in (${asb}, ${hate})),
    hits as (${hits}),
    own as (
      select h.record_id as profile_id,
             count(distinct h.day) filter (where h.key = ${asb})::int as complaints,
             count(distinct h.author_organisation_id) filter (where h.key = ${asb})::int as organisations,
             min(h.day) filter (where h.key = ${asb}) as since,
             count(*) filter (where h.key = ${hate})::int as hate_incidents,
             count(distinct h.author_organisation_id) filter (where h.key = ${hate})::int as hate_organisations,
             min(h.day) filter (where h.key = ${hate}) as hate_since
        from hits h
       where h.record_kind = 'profile' and h.occurred_at > ${lastCleared(sql`h.record_id`)}
       group by h.record_id),
    places as (
      select distinct on (pa.profile_id) pa.profile_id,
             count(distinct h.day)::int as complaints, count(distinct h.author_organisation_id)::int as organisations, min(h.day) as since
        from hits h
        join profile_addresses pa on pa.location_id = h.record_id and (pa.to_date is null or pa.to_date >= (now() at time zone 'Europe/London')::date)
       where h.record_kind = 'location' and h.key = ${asb} and h.occurred_at > ${lastCleared(sql`pa.profile_id`)} and ${inScope(sql`pa.profile_id`, scope)}
       group by pa.profile_id, h.record_id
       order by pa.profile_id, count(distinct h.day) desc, h.record_id),
    counted as (
      select p.id as profile_id, p.partnership_id, s.complaints as threshold, s.months,
             coalesce(o.complaints, 0) as complaints, coalesce(o.organisations, 0) as organisations, to_char(o.since, 'YYYY-MM-DD') as since,
             coalesce(pl.complaints, 0) as location_complaints, coalesce(o.hate_incidents, 0) as hate_incidents,
             case when coalesce(o.complaints, 0) >= s.complaints then 'complaints'
                  when s.location_complaints is not null and coalesce(pl.complaints, 0) >= s.location_complaints then 'location'
                  when s.any_hate and coalesce(o.hate_incidents, 0) > 0 then 'hate' end as basis,
             o.organisations as own_organisations, o.since as own_since,
             pl.complaints as place_complaints, pl.organisations as place_organisations, pl.since as place_since,
             o.hate_organisations, o.hate_since
        from own o full join places pl on pl.profile_id = o.profile_id
        join profiles p on p.id = coalesce(o.profile_id, pl.profile_id) and p.merged_into_id is null
         and ('victim' = any(p.roles) or exists (select 1 from case_profiles cp where cp.profile_id = p.id and cp.role = 'victim'))
        join settings s on s.partnership_id = p.partnership_id)
    select profile_id, partnership_id, complaints, organisations, since, location_complaints, hate_incidents, threshold, months, basis,
           case basis when 'complaints' then complaints when 'location' then place_complaints else hate_incidents end as met_complaints,
           case basis when 'complaints' then own_organisations when 'location' then place_organisations else hate_organisations end as met_organisations,
           to_char(case basis when 'complaints' then own_since when 'location' then place_since else hate_since end, 'YYYY-MM-DD') as met_since
      from counted`;
}

/** Where the trigger stands for these people now; someone with nothing counted has no row. */
export async function triggerCounts(tx: Tx, profileIds: string[]): Promise<TriggerCount[]> {
  if (profileIds.length === 0) return [];
  const { rows } = await tx.execute<TriggerCount>(countsSql(profileIds));
  return rows;
}

/** The thresholds of one partnership, for someone with nothing counted yet. */
export async function thresholdOf(tx: Tx, partnershipId: string): Promise<{ complaints: number; months: number }> {
  const { rows } = await tx.execute<{ complaints: number; months: number }>(sql`
    select coalesce(s.trigger_complaints, ${defaults.complaints}::int) as complaints, coalesce(s.trigger_months, ${defaults.months}::int) as months
      from partnerships p left join victim_care_settings s on s.partnership_id = p.id where p.id = ${partnershipId}`);
  return rows[0] ?? { complaints: defaults.complaints, months: defaults.months };
}

export type FlagChange = {
  what: 'raised' | 'cleared';
  id: string;
  partnership_id: string;
  profile_id: string;
  basis: TriggerBasis;
  complaints: number;
  organisations: number;
  owner_team_id: string;
  owner_organisation_id: string;
};

/**
 * In one statement: raises a flag for each person in scope who meets the trigger and has none
 * open, brings the counts of open flags up to date where they changed, and, with `clear`, clears
 * the open flags of people who no longer meet it and for whom no case review was opened. With
 * `limit`, raises and clears at most that many each, so that a night with thousands stays within
 * the parameters one statement may bind when they are notified and audited; the sweep repeats it.
 * Returns the flags raised and cleared.
 */
export async function settleFlags(tx: Tx, scope: Scope, options: { clear: boolean; limit: number | null }): Promise<FlagChange[]> {
  const limit = options.limit === null ? sql`` : sql`limit ${options.limit}`;
  const openFlag = (profileId: SQL) => sql`exists (select 1 from community_trigger_flags o where o.profile_id = ${profileId} and o.cleared_at is null)`;
  const { rows } = await tx.execute<FlagChange>(sql`
    with counts as (${countsSql(scope)}),
    raised as (
      insert into community_trigger_flags (id, partnership_id, profile_id, basis, complaints, organisations, since)
      select uuid_generate_v4(), c.partnership_id, c.profile_id, c.basis, c.met_complaints, c.met_organisations, c.met_since::date
        from counts c where c.basis is not null and not ${openFlag(sql`c.profile_id`)}
       order by c.profile_id ${limit}
      on conflict (profile_id) where cleared_at is null do nothing
      returning id, partnership_id, profile_id, basis, complaints, organisations),
    kept as (
      update community_trigger_flags f
         set basis = c.basis, complaints = c.met_complaints, organisations = c.met_organisations, since = c.met_since::date
        from counts c
       where f.profile_id = c.profile_id and f.cleared_at is null and c.basis is not null
         and (f.basis, f.complaints, f.organisations, f.since) is distinct from (c.basis, c.met_complaints, c.met_organisations, c.met_since::date)),
    cleared as (
      update community_trigger_flags f set cleared_at = now()
       where f.id in (
         select g.id from community_trigger_flags g
          where ${options.clear ? sql`true` : sql`false`} and g.cleared_at is null and g.case_review_id is null
            and ${inScope(sql`g.profile_id`, scope)}
            -- A hashed subplan whatever the estimates (counts.profile_id is never null, so NOT IN is NOT EXISTS here).
            and g.profile_id not in (select c.profile_id from counts c where c.basis is not null)
          order by g.id ${limit})
      returning id, partnership_id, profile_id, basis, complaints, organisations)
    select c.*, p.owner_team_id, t.organisation_id as owner_organisation_id
      from (select 'raised' as what, * from raised union all select 'cleared' as what, * from cleared) c
      join profiles p on p.id = c.profile_id join teams t on t.id = p.owner_team_id`);
  return rows;
}

/** Who may hear that each person's victim care changed: the team that holds them and their access list now. */
export async function audiencesOf(tx: Tx, profileIds: string[]) {
  if (profileIds.length === 0) return [];
  const { rows } = await tx.execute<{ profile_id: string; team_ids: string[]; organisation_ids: string[] }>(sql`
    select p.id as profile_id,
           array[p.owner_team_id] || coalesce(array_agg(a.team_id) filter (where a.team_id is not null), '{}') as team_ids,
           coalesce(array_agg(a.organisation_id) filter (where a.team_id is null), '{}') as organisation_ids
      from profiles p
      left join profile_access a on a.record_id = p.id and (a.expires_at is null or a.expires_at > now())
     where p.id in (${sql.join(profileIds.map((id) => sql`${id}::uuid`), sql`, `)})
     group by p.id, p.owner_team_id`);
  return rows;
}

/** Records that the coordinators were told of these flags. */
export async function markAlerted(tx: Tx, flagIds: string[]): Promise<void> {
  if (flagIds.length === 0) return;
  await tx.execute(sql`update community_trigger_flags set alerted_at = now() where id in (${sql.join(flagIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/**
 * Who hears of a flag in each partnership: its ASB coordinators (the coordinator flag), or, where
 * it has none, its system administrators, so that a flag is never raised unheard.
 */
export async function coordinatorsOf(tx: Tx, partnershipIds: string[]): Promise<{ partnershipId: string; userId: string }[]> {
  if (partnershipIds.length === 0) return [];
  const { rows } = await tx.execute<{ partnership_id: string; user_id: string }>(sql`
    with people as (
      select o.partnership_id, u.id as user_id, u.is_coordinator, u.role
        from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id
       where o.partnership_id in (${sql.join(partnershipIds.map((id) => sql`${id}::uuid`), sql`, `)})
         and u.disabled_at is null and u.role <> 'read_only')
    select partnership_id, user_id from people p
     where p.is_coordinator
        or (p.role = 'system_admin' and not exists (select 1 from people c where c.partnership_id = p.partnership_id and c.is_coordinator))`);
  return rows.map((r) => ({ partnershipId: r.partnership_id, userId: r.user_id }));
}

export async function getFlag(tx: Tx, id: string) {
  const [row] = await tx.select().from(communityTriggerFlags).where(eq(communityTriggerFlags.id, id));
  return row ?? null;
}
export type FlagRow = NonNullable<Awaited<ReturnType<typeof getFlag>>>;

export async function openFlagOf(tx: Tx, profileId: string): Promise<FlagRow | null> {
  const [row] = await tx.select().from(communityTriggerFlags)
    .where(and(eq(communityTriggerFlags.profileId, profileId), isNull(communityTriggerFlags.clearedAt)));
  return row ?? null;
}

export async function setFlagReview(tx: Tx, flagId: string, caseReviewId: string): Promise<void> {
  await tx.update(communityTriggerFlags).set({ caseReviewId }).where(eq(communityTriggerFlags.id, flagId));
}

/** Clears the open flag a closed review came from; returns it when there was one. */
export async function clearFlagOfReview(tx: Tx, caseReviewId: string): Promise<FlagRow | null> {
  const [row] = await tx.update(communityTriggerFlags).set({ clearedAt: new Date() })
    .where(and(eq(communityTriggerFlags.caseReviewId, caseReviewId), isNull(communityTriggerFlags.clearedAt)))
    .returning();
  return row ?? null;
}

/** Open flags on people the actor may open, newest first, with the review opened from each. */
export async function listOpenFlags(tx: Tx, actor: Actor, after: { raisedAt: string; id: string } | null, limit: number) {
  return tx
    .select({
      flag: communityTriggerFlags,
      profile: { id: profiles.id, firstName: profiles.firstName, lastName: profiles.lastName },
      owner: { teamId: teams.id, teamName: teams.name, organisationId: organisations.id, organisationName: organisations.name },
      review: caseReviews,
      cursorAt: sql<string>`to_char(${communityTriggerFlags.raisedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(communityTriggerFlags)
    .innerJoin(profiles, eq(profiles.id, communityTriggerFlags.profileId))
    .innerJoin(teams, eq(teams.id, profiles.ownerTeamId))
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .leftJoin(caseReviews, and(eq(caseReviews.id, communityTriggerFlags.caseReviewId), ne(caseReviews.stage, 'closed')))
    .where(and(
      eq(communityTriggerFlags.partnershipId, actor.partnershipId),
      isNull(communityTriggerFlags.clearedAt),
      isNull(profiles.mergedIntoId),
      after ? sql`(${communityTriggerFlags.raisedAt}, ${communityTriggerFlags.id}) < (${after.raisedAt}::timestamptz, ${after.id}::uuid)` : undefined,
      canView(actor, profiles, kinds.profile.accessList),
    ))
    .orderBy(desc(communityTriggerFlags.raisedAt), desc(communityTriggerFlags.id))
    .limit(limit + 1);
}

/** The people living at a location now, whose trigger a complaint about it may change. */
export async function peopleAt(tx: Tx, locationId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ profile_id: string }>(sql`
    select distinct pa.profile_id from profile_addresses pa
     where pa.location_id = ${locationId} and (pa.to_date is null or pa.to_date >= (now() at time zone 'Europe/London')::date)`);
  return rows.map((r) => r.profile_id);
}
