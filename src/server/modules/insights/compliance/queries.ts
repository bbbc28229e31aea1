import { sql, type SQL } from 'drizzle-orm';
import type { ComplianceCheck } from '../../../../shared/insights.ts';
import { meaningfulReasonLength } from '../../../../shared/insights.ts';
import type { AccessLevel, ProfileRole, RiskLevel } from '../../../../shared/records.ts';
import { profiles } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { kinds } from '../../../platform/access/kinds.ts';
import { accessLevel, canView, grantsHolder } from '../../../platform/access/records.ts';

/** The team whose profiles are checked, and the partnership's setting the staleness check reads. */
export interface Monitored {
  teamId: string;
  organisationId: string;
  partnershipId: string;
  staleAfterDays: number;
}

const londonToday = sql`(now() at time zone 'Europe/London')::date`;
const profileAccess = kinds.profile.accessList;

/**
 * What each of the partnership's case types expects of a profile the team owns: its default
 * sharing with teams and organisations outside the team's organisation, each team target with its
 * organisation. A handful of rows, read once per statement.
 */
const targets = (owner: { organisationId: string; partnershipId: string }) => sql`targets as materialized (
  select cts.case_type_id, cts.team_id, coalesce(target_team.organisation_id, cts.organisation_id) as organisation_id, cts.level
    from case_type_sharing cts
    join lookups case_type on case_type.id = cts.case_type_id and case_type.partnership_id = ${owner.partnershipId}
    left join teams target_team on target_team.id = cts.team_id
   where coalesce(target_team.organisation_id, cts.organisation_id) <> ${owner.organisationId})`;

/**
 * The targets those case types expect, each at the highest level any of them gives (a view and an
 * edit expect edit), with the level the profile holds for it now. A team target is met by a live
 * grant to the team or to its organisation, an organisation target only by one to the
 * organisation: `grantsHolder` gives both, as an organisation target has no team.
 */
const expectedShares = (profileId: SQL, caseTypes: SQL) => sql`select e.team_id, e.organisation_id, e.level,
    (select case when bool_or(${profileAccess.level} = 'edit') then 'edit' when count(*) > 0 then 'view' end
       from ${profileAccess.table}
      where ${profileAccess.recordId} = ${profileId} and ${grantsHolder(profileAccess, sql`e.team_id`, sql`e.organisation_id`)}) as holds
  from (select targets.team_id, targets.organisation_id, case when bool_or(targets.level = 'edit') then 'edit' else 'view' end as level
          from targets where targets.case_type_id = any(${caseTypes})
         group by targets.team_id, targets.organisation_id) e`;

// A simple CASE reads holds, a subquery, once.
const missing = sql`(case e.holds when 'edit' then false when 'view' then e.level = 'edit' else true end)`;

/**
 * The statement's common part: `f`, one row per profile the team owns (merged ones never count)
 * with every fact the checks read. What comes from other tables is read from the profile's
 * `profile_compliance` row, which triggers keep in step with every write; only the sharing
 * check, whose grants expire by the clock, looks at grants, and only for profiles whose open
 * cases' types expect sharing. The lawful basis checks probe the owning organisation's current
 * basis by its unique index (one row at most), without trigger work: a basis's review falls due by
 * the clock. `viewable` is whether the reader may open the profile, as every list decides.
 */
function facts(actor: Actor, team: Monitored): SQL {
  const victim = sql`'victim' = any(${profiles.roles})`;
  const staleBefore = sql`(now() - make_interval(days => ${team.staleAfterDays}::int))`;
  const lastUpdatedAt = sql`greatest(${profiles.updatedAt}, pc.last_recorded_at)`;
  const expectsSharing = sql`exists (select 1 from targets where targets.case_type_id = any(pc.open_case_types))`;
  return sql`with ${targets(team)},
  f as materialized (
    select ${profiles.id} as id, ${profiles.lastName} as last_name, ${profiles.firstName} as first_name,
           ${profiles.dateOfBirth}::text as date_of_birth, ${profiles.roles}::text[] as roles, ${profiles.riskLevel} as risk_level,
           ${lastUpdatedAt} as last_updated_at,
           ${canView(actor, profiles, profileAccess)} as viewable,
           pc.reason_letters < ${meaningfulReasonLength}::int and not pc.has_report as no_reason,
           ${victim} as victim,
           case when ${victim} then not pc.has_completed_matrix end as no_matrix,
           case when ${victim} then pc.matrix_required_since end as requirement_raised_at,
           cardinality(pc.open_case_types) > 0 as on_open_case,
           cardinality(pc.open_case_types) > 0 and ${lastUpdatedAt} < ${staleBefore} as stale,
           ${expectsSharing} as expects_sharing,
           ${expectsSharing} and exists (select 1 from (${expectedShares(sql`${profiles.id}`, sql`pc.open_case_types`)}) e where ${missing}) as missing_shares,
           pc.next_contact_due::text as next_contact_due,
           (select basis.review_on from profile_lawful_bases basis
             where basis.profile_id = ${profiles.id} and basis.organisation_id = ${team.organisationId} and basis.ended_at is null) as basis_review_on
      from profile_compliance pc
      join ${profiles} on ${profiles.id} = pc.profile_id
     -- The team's facts from their index; the profile's own owner is the truth, and lets the
     -- planner read the team's profiles from theirs too.
     where pc.owner_team_id = ${team.teamId} and ${profiles.ownerTeamId} = ${team.teamId} and ${profiles.mergedIntoId} is null)`;
}

/** Each check over the facts of `f`: the population it is out of, and who in it fails. */
function checkOf(check: ComplianceCheck): { of: SQL; fails: SQL } {
  switch (check) {
    case 'no-reason':
      return { of: sql`true`, fails: sql`f.no_reason` };
    case 'no-risk-assessment':
      return { of: sql`f.victim`, fails: sql`(f.no_matrix or f.requirement_raised_at is not null)` };
    case 'not-shared':
      return { of: sql`f.expects_sharing`, fails: sql`f.missing_shares` };
    case 'not-updated':
      return { of: sql`f.on_open_case`, fails: sql`f.stale` };
    case 'contact-overdue':
      return { of: sql`f.next_contact_due is not null`, fails: sql`f.next_contact_due::date < ${londonToday}` };
    case 'no-lawful-basis':
      return { of: sql`true`, fails: sql`f.basis_review_on is null` };
    case 'basis-review-overdue':
      return { of: sql`f.basis_review_on is not null`, fails: sql`f.basis_review_on < ${londonToday}` };
  }
}

export interface CheckFigures { count: number; of: number; profileIds: string[] }

/**
 * Every check's figures over the team's profiles in one statement, and the first `named` failing
 * profiles the reader may open, by last name, first name and id.
 */
export async function figures(tx: Tx, actor: Actor, team: Monitored, checks: readonly ComplianceCheck[], named: number): Promise<Map<ComplianceCheck, CheckFigures>> {
  const columns = checks.map((check, i) => {
    const { of, fails } = checkOf(check);
    return sql`count(*) filter (where ${of}) as ${sql.raw(`of_${i}`)},
      count(*) filter (where ${fails}) as ${sql.raw(`count_${i}`)},
      coalesce((array_agg(f.id order by f.last_name, f.first_name, f.id) filter (where ${fails} and f.viewable))[1:${sql.raw(String(named))}], '{}')::text[] as ${sql.raw(`ids_${i}`)}`;
  });
  const { rows } = await tx.execute<Record<string, number | string[]>>(sql`${facts(actor, team)} select ${sql.join(columns, sql`, `)} from f`);
  const row = rows[0]!;
  return new Map(checks.map((check, i) => [check, { of: Number(row[`of_${i}`]), count: Number(row[`count_${i}`]), profileIds: row[`ids_${i}`] as string[] }]));
}

export type GapRow = {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  roles: ProfileRole[];
  risk_level: RiskLevel | null;
  requirement_raised_at: Date | null;
  next_contact_due: string | null;
  basis_review_on: string | null;
  last_updated_at: Date;
  level: AccessLevel | null;
};

/**
 * The profiles failing a check that the reader may open, by last name, first name and id, after
 * the cursor's; `limit` null for all of them (an export). One row more than asked tells a next
 * page. `hidden` counts those failing that the reader may not open, in the same pass: the page
 * hangs off that one-row count, so an empty page still brings it.
 */
export async function failing(tx: Tx, actor: Actor, team: Monitored, check: ComplianceCheck, page: { after: [string, string, string] | null; limit: number | null }): Promise<{ rows: GapRow[]; hidden: number }> {
  const { fails } = checkOf(check);
  const after = page.after ? sql`and (f.last_name, f.first_name, f.id) > (${page.after[0]}::text, ${page.after[1]}::text, ${page.after[2]}::uuid)` : sql``;
  const limit = page.limit === null ? sql`` : sql`limit ${page.limit + 1}`;
  const { rows } = await tx.execute<{ hidden: number } & (GapRow | { id: null })>(sql`${facts(actor, team)}
    select hidden.count as hidden, gap.*
      from (select count(*) from f where ${fails} and not f.viewable) hidden
      left join lateral (
        select shown.id, shown.first_name, shown.last_name, shown.date_of_birth, shown.roles, shown.risk_level, shown.requirement_raised_at,
               shown.next_contact_due, shown.basis_review_on::text, shown.last_updated_at, ${accessLevel(actor, profiles, profileAccess)} as level
          from (select f.* from f where ${fails} and f.viewable ${after} order by f.last_name, f.first_name, f.id ${limit}) shown
          join ${profiles} on ${profiles.id} = shown.id) gap on true
     order by gap.last_name, gap.first_name, gap.id`);
  return { rows: rows.filter((r): r is { hidden: number } & GapRow => r.id !== null), hidden: Number(rows[0]!.hidden) };
}

export type MissingShareRow = {
  profile_id: string;
  team_id: string | null;
  team_name: string | null;
  organisation_id: string;
  organisation_name: string;
  level: AccessLevel;
  holds: AccessLevel | null;
};

/**
 * The shares these profiles' open cases' types expect that they lack, with the names of their
 * targets. `owner` is the organisation and partnership of the team that owns them.
 */
export async function missingShares(tx: Tx, profileIds: string[], owner: { organisationId: string; partnershipId: string }): Promise<MissingShareRow[]> {
  if (profileIds.length === 0) return [];
  const { rows } = await tx.execute<MissingShareRow>(sql`with ${targets(owner)}
    select ${profiles.id} as profile_id, e.team_id, target_team.name as team_name, e.organisation_id, target_organisation.name as organisation_name, e.level, e.holds
      from ${profiles}
      join profile_compliance pc on pc.profile_id = ${profiles.id}
      cross join lateral (${expectedShares(sql`${profiles.id}`, sql`pc.open_case_types`)}) e
      join organisations target_organisation on target_organisation.id = e.organisation_id
      left join teams target_team on target_team.id = e.team_id
     where ${profiles.id} in (${sql.join(profileIds.map((id) => sql`${id}::uuid`), sql`, `)}) and ${missing}
     order by target_organisation.name, target_team.name nulls first, e.organisation_id, e.team_id`);
  return rows;
}

export type FixableProfile = {
  id: string;
  partnership_id: string;
  owner_team_id: string;
  owner_team_name: string;
  owner_organisation_id: string;
  owner_organisation_name: string;
  level: AccessLevel | null;
};

/** A profile with its owner and the actor's level on it, for the record check; a merged id answers as the profile it became. */
export async function getProfile(tx: Tx, actor: Actor, id: string): Promise<FixableProfile | null> {
  const { rows } = await tx.execute<FixableProfile>(sql`
    select ${profiles.id} as id, ${profiles.partnershipId} as partnership_id, ${profiles.ownerTeamId} as owner_team_id,
           owner_team.name as owner_team_name, owner_team.organisation_id as owner_organisation_id, owner_organisation.name as owner_organisation_name,
           ${accessLevel(actor, profiles, profileAccess)} as level
      from ${profiles}
      join teams owner_team on owner_team.id = ${profiles.ownerTeamId}
      join organisations owner_organisation on owner_organisation.id = owner_team.organisation_id
     where ${profiles.id} = ${kinds.profile.answersAs!(id)}`);
  return rows[0] ?? null;
}

/** The partnership's name, for the head of an export. */
