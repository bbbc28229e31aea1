import { sql, type SQL } from 'drizzle-orm';
import type { Band } from '../../../../shared/api/assessments.ts';
import { ageBands, type AgeBand } from '../../../../shared/insights.ts';
import type { Gender, ProfileRole, RiskLevel } from '../../../../shared/records.ts';
import { asbComplaintReportType, hateIncidentReportType } from '../../../../shared/victim-care.ts';
import { assessments, cases, locations, profiles } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { countable } from '../../../platform/access/insights.ts';
import { accessListOf, canReadContent } from '../../../platform/access/records.ts';
import { caseInArea, locationInArea, profileInArea } from '../queries.ts';
import type { ResolvedRange } from '../range.ts';

/**
 * The dashboard's figures, a few aggregate statements each read in one pass. Every record counted
 * is countable for the actor (see `countable`), in the partnership and in the area; a merged
 * profile never counts, its survivor does.
 */

const since = (range: ResolvedRange) => sql`${range.since.toISOString()}::timestamptz`;
const until = (range: ResolvedRange) => sql`${range.until.toISOString()}::timestamptz`;

const countedProfile = (actor: Actor, range: ResolvedRange) => sql`(${profiles.mergedIntoId} is null
  and ${countable(actor, profiles, accessListOf('profile_access'))}
  and ${profileInArea(range, sql`${profiles.id}`, sql`${profiles.ownerTeamId}`)})`;

const countedCase = (actor: Actor, range: ResolvedRange) => sql`(${countable(actor, cases, accessListOf('case_access'))}
  and ${caseInArea(range, sql`${cases.id}`, sql`${cases.ownerTeamId}`)})`;

const countedLocation = (actor: Actor, range: ResolvedRange) => sql`(${countable(actor, locations, accessListOf('location_access'))}
  and ${locationInArea(range, sql`${locations.postcode}`, sql`${locations.ownerTeamId}`)})`;

/** Whole years of age at `to`, as a profile's page works out an age today (`ageOf`): null when nobody knows. */
const ageAt = (to: string) => sql`case
  when profiles.date_of_birth is not null then greatest(0, extract(year from age(${to}::date, profiles.date_of_birth)))
  when profiles.approximate_age is not null then profiles.approximate_age
    + greatest(0, coalesce(extract(year from age(${to}::date, profiles.approximate_age_on)), 0))
end`;

/** The age band of an age, the bands' lower bounds read from their keys ("25-34", "65+"). */
function ageBandOf(age: SQL): SQL<AgeBand> {
  const steps = ageBands.filter((band) => band !== 'unknown').map((band) => ({ band, from: Number.parseInt(band, 10) })).reverse();
  return sql<AgeBand>`case when ${age} is null then 'unknown'::text
    ${sql.join(steps.map(({ band, from }) => sql`when ${age} >= ${from}::int then ${band}::text`), sql` `)} end`;
}

export interface LookupCount {
  key: string;
  name: string;
  count: number;
}

export interface PeopleCounts {
  profiles: number;
  victims: number;
  perpetrators: number;
  vulnerabilities: LookupCount[];
  age_bands: Partial<Record<AgeBand, number>>;
  genders: Partial<Record<Gender | 'unknown', number>>;
  /** Null key and name: no ethnicity recorded. */
  ethnicities: { key: string | null; name: string | null; group: string | null; count: number }[];
}

/**
 * The people created in the range, by role, and the breakdowns of those of `role` (all of them
 * without one): vulnerabilities and ethnicities biggest first, age bands at `to` and genders.
 */
export async function countPeople(tx: Tx, actor: Actor, range: ResolvedRange, role: ProfileRole | null): Promise<PeopleCounts> {
  const { rows } = await tx.execute<PeopleCounts & Record<string, unknown>>(sql`
    with aged as (
      select profiles.id, profiles.roles, profiles.gender, profiles.ethnicity_id, ${ageAt(range.to)} as age
        from profiles
       where profiles.created_at >= ${since(range)} and profiles.created_at < ${until(range)} and ${countedProfile(actor, range)}
    ),
    person as materialized (select aged.id, aged.roles, aged.gender, aged.ethnicity_id, ${ageBandOf(sql`aged.age`)} as age_band from aged),
    narrowed as materialized (select * from person ${role ? sql`where ${role}::text = any(person.roles)` : sql``})
    select
      (select count(*) from person)::int as profiles,
      (select count(*) from person where 'victim' = any(person.roles))::int as victims,
      (select count(*) from person where 'perpetrator' = any(person.roles))::int as perpetrators,
      (select coalesce(json_agg(json_build_object('key', l.key, 'name', l.name, 'count', v.count) order by v.count desc, l.name), '[]')
         from (select pv.lookup_id, count(*)::int as count from narrowed n join profile_vulnerabilities pv on pv.profile_id = n.id group by pv.lookup_id) v
         join lookups l on l.id = v.lookup_id) as vulnerabilities,
      (select coalesce(json_object_agg(a.age_band, a.count), '{}')
         from (select age_band, count(*)::int as count from narrowed group by age_band) a) as age_bands,
      (select coalesce(json_object_agg(g.gender, g.count), '{}')
         from (select coalesce(gender, 'unknown') as gender, count(*)::int as count from narrowed group by 1) g) as genders,
      (select coalesce(json_agg(json_build_object('key', l.key, 'name', l.name, 'group', l.group_name, 'count', e.count)
                 order by e.count desc, l.name nulls last), '[]')
         from (select ethnicity_id, count(*)::int as count from narrowed group by ethnicity_id) e
         left join lookups l on l.id = e.ethnicity_id) as ethnicities`);
  return rows[0]!;
}

export interface CaseTypeCounts {
  id: string;
  key: string;
  name: string;
  opened: number;
  closed: number;
  open: number;
}

/**
 * Cases by type: opened in the range, closed in it, and open at its end. Only cases that were
 * open at some moment of the range are read, so each type listed has a figure above nought.
 */
export async function countCases(tx: Tx, actor: Actor, range: ResolvedRange): Promise<CaseTypeCounts[]> {
  const { rows } = await tx.execute<CaseTypeCounts & Record<string, unknown>>(sql`
    select l.id, l.key, l.name, c.opened, c.closed, c.open
      from (select cases.case_type_id,
                   count(*) filter (where cases.created_at >= ${since(range)})::int as opened,
                   count(*) filter (where cases.closed_at >= ${since(range)} and cases.closed_at < ${until(range)})::int as closed,
                   count(*) filter (where cases.closed_at is null or cases.closed_at >= ${until(range)})::int as open
              from cases
             where cases.created_at < ${until(range)} and (cases.closed_at is null or cases.closed_at >= ${since(range)})
               and ${countedCase(actor, range)}
             group by cases.case_type_id) c
      join lookups l on l.id = c.case_type_id
     order by l.position, l.name`);
  return rows;
}

export interface ProfileMovement {
  repeat_victims: number;
  risk_changes: { from: RiskLevel | null; to: RiskLevel | null; count: number }[];
}

/**
 * Victims (whenever their profile was created) with at least `repeatAfter` incidents on their
 * profile in the range, and every change of risk level in the range. An incident's existence is
 * counted whatever its visibility: everyone who may open the person sees that it was recorded.
 */
export async function countMovement(tx: Tx, actor: Actor, range: ResolvedRange, repeatAfter: number): Promise<ProfileMovement> {
  const { rows } = await tx.execute<ProfileMovement & Record<string, unknown>>(sql`
    select
      (select count(*)::int
         from (select reports.record_id
                 from reports
                where reports.partnership_id = ${actor.partnershipId} and reports.record_kind = 'profile'
                  and reports.occurred_at >= ${since(range)} and reports.occurred_at < ${until(range)}
                  and reports.report_type_id in (select lookups.id from lookups where lookups.partnership_id = ${actor.partnershipId}
                        and lookups.list = 'report_type' and lookups.key in (${asbComplaintReportType}, ${hateIncidentReportType}))
                group by reports.record_id
               having count(*) >= ${repeatAfter}::int) incidents
         join profiles on profiles.id = incidents.record_id
        where 'victim' = any(profiles.roles) and ${countedProfile(actor, range)}) as repeat_victims,
      (select coalesce(json_agg(json_build_object('from', m.from_level, 'to', m.to_level, 'count', m.count) order by m.count desc, m.from_level nulls first, m.to_level nulls first), '[]')
         from (select rc.from_level, rc.to_level, count(*)::int as count
                 from risk_level_changes rc
                 join profiles on profiles.id = rc.profile_id
                where rc.partnership_id = ${actor.partnershipId} and rc.changed_at >= ${since(range)} and rc.changed_at < ${until(range)}
                  and ${countedProfile(actor, range)}
                group by rc.from_level, rc.to_level) m) as risk_changes`);
  return rows[0]!;
}

/**
 * Tasks with no record count for the teams that set them: the whole partnership's for its
 * administrators, the organisation's for an organisation administrator, otherwise the actor's
 * own team's; a team or organisation asked for narrows them to its own. They have no place, so a
 * postcode district leaves them out.
 */
function setByCounted(actor: Actor, range: ResolvedRange): SQL {
  if (range.postcodeDistrict) return sql`false`;
  const parts: SQL[] = [];
  if (range.teamId) parts.push(sql`tasks.set_by_team_id = ${range.teamId}`);
  if (range.organisationId) parts.push(sql`tasks.set_by_organisation_id = ${range.organisationId}`);
  if (range.scope === 'organisation') parts.push(sql`tasks.set_by_organisation_id = ${actor.organisationId}`);
  if (range.scope === 'accessible') parts.push(sql`tasks.set_by_team_id = ${actor.teamId}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

export interface TaskCounts {
  due: number;
  completed_on_time: number;
  completed_late: number;
  still_open: number;
}

/** Tasks due in the range, not cancelled or declined; on time when completed on or before the London day they were due. */
export async function countTasks(tx: Tx, actor: Actor, range: ResolvedRange): Promise<TaskCounts> {
  const completedOn = sql`(tasks.completed_at at time zone 'Europe/London')::date`;
  const { rows } = await tx.execute<TaskCounts & Record<string, unknown>>(sql`
    select count(*)::int as due,
           count(*) filter (where tasks.status = 'completed' and ${completedOn} <= tasks.due_on)::int as completed_on_time,
           count(*) filter (where tasks.status = 'completed' and ${completedOn} > tasks.due_on)::int as completed_late,
           count(*) filter (where tasks.status in ('open', 'accepted'))::int as still_open
      from tasks
     where tasks.partnership_id = ${actor.partnershipId}
       and tasks.due_on between ${range.from}::date and ${range.to}::date
       and tasks.status not in ('cancelled', 'declined')
       and (case tasks.record_kind
              when 'profile' then exists (select 1 from profiles where profiles.id = tasks.record_id and ${countedProfile(actor, range)})
              when 'case' then exists (select 1 from cases where cases.id = tasks.record_id and ${countedCase(actor, range)})
              when 'location' then exists (select 1 from locations where locations.id = tasks.record_id and ${countedLocation(actor, range)})
              else ${setByCounted(actor, range)}
            end)`);
  return rows[0]!;
}

export interface AssessmentCounts {
  template_id: string;
  template_name: string;
  /** The bands of the version the assessments were completed with. */
  bands: Band[] | null;
  /** False: the reader may not read these assessments, so their scores are not given. */
  readable: boolean;
  score: number | null;
  adjusted_score: number | null;
  adjustment_status: string | null;
  count: number;
}

/**
 * Assessments completed in the range on counted people and cases, grouped by template version
 * and what decides the score that counts, so the band is worked out by the shared engine. The
 * band is the assessment's content: where its visibility keeps that from the reader, it is
 * counted without its scores.
 */
export async function countAssessments(tx: Tx, actor: Actor, range: ResolvedRange): Promise<AssessmentCounts[]> {
  const readable = canReadContent(actor, assessments);
  const { rows } = await tx.execute<AssessmentCounts & Record<string, unknown>>(sql`
    select a.template_id, t.name as template_name, v.definition -> 'bands' as bands, a.readable, a.score, a.adjusted_score, a.adjustment_status, a.count
      from (select assessments.template_id, assessments.template_version_id, ${readable} as readable,
                   case when ${readable} then assessments.score end as score,
                   case when ${readable} then assessments.adjusted_score end as adjusted_score,
                   case when ${readable} then assessments.adjustment_status end as adjustment_status,
                   count(*)::int as count
              from assessments
             where assessments.partnership_id = ${actor.partnershipId} and assessments.status = 'completed'
               -- By the partnership's templates, so the range is read from assessments_template_completed_idx.
               and assessments.template_id in (select assessment_templates.id from assessment_templates where assessment_templates.partnership_id = ${actor.partnershipId})
               and assessments.completed_at >= ${since(range)} and assessments.completed_at < ${until(range)}
               and (case assessments.record_kind
                      when 'profile' then exists (select 1 from profiles where profiles.id = assessments.record_id and ${countedProfile(actor, range)})
                      when 'case' then exists (select 1 from cases where cases.id = assessments.record_id and ${countedCase(actor, range)})
                      else false
                    end)
             group by 1, 2, 3, 4, 5, 6) a
      join assessment_templates t on t.id = a.template_id
      join assessment_template_versions v on v.id = a.template_version_id`);
  return rows;
}

/** The partnership's name, which every export says it is from. */
