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

/**
 * Whether work on a record (an assessment, a task, a change of risk level) counts by its record,
 * the record's id given. For the whole partnership and no area the record is not read: every
 * record of the partnership counts there but a merged profile, work is always in its record's
 * partnership, and a merge moves the duplicate's work to the survivor (`moveRecordWork`), so the
 * work's own partnership, which every query here tests, says it all.
 */
function onCounted(kind: 'profile' | 'case' | 'location', actor: Actor, range: ResolvedRange, recordId: SQL): SQL {
  if (range.scope === 'partnership' && !range.teamId && !range.organisationId && !range.postcodeDistrict) return sql`true`;
  switch (kind) {
    case 'profile':
      return sql`exists (select 1 from profiles where profiles.id = ${recordId} and ${countedProfile(actor, range)})`;
    case 'case':
      return sql`exists (select 1 from cases where cases.id = ${recordId} and ${countedCase(actor, range)})`;
    case 'location':
      return sql`exists (select 1 from locations where locations.id = ${recordId} and ${countedLocation(actor, range)})`;
  }
}

/** The bands of a known age, oldest first, each from its lower bound read from its key ("25-34", "65+"). */
const agedBands = ageBands.filter((band) => band !== 'unknown').map((band) => ({ band, from: Number.parseInt(band, 10) })).reverse();

/**
 * A person's age band at `to`, by whole years as a profile's page works out an age today
 * (`ageOf`): unknown when nobody knows. A date of birth is compared with the last birth date of
 * each band (`to` less its lower bound in years), which is the same as comparing whole years of
 * age with the bound, a 29 February birthday included, without working out an age for each
 * person. Ages are never below nought, so the youngest band takes every later birth date too. An
 * estimated age grows by the whole years since it was estimated.
 */
function ageBandAt(to: string): SQL<AgeBand> {
  const youngest = agedBands.at(-1)!;
  const older = agedBands.slice(0, -1);
  const born = older.map(({ band, from }) => sql`when profiles.date_of_birth <= (${to}::date - make_interval(years => ${from}::int))::date then ${band}::text`);
  const estimated = sql`(profiles.approximate_age + greatest(0, coalesce(extract(year from age(${to}::date, profiles.approximate_age_on)), 0)))`;
  const grown = agedBands.map(({ band, from }) => sql`when ${estimated} >= ${from}::int then ${band}::text`);
  return sql<AgeBand>`case
    when profiles.date_of_birth is not null then case ${sql.join(born, sql` `)} else ${youngest.band}::text end
    when profiles.approximate_age is not null then case ${sql.join(grown, sql` `)} end
    else 'unknown'::text
  end`;
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

/** The people a figure of people counts: created in the range, countable and in the area. */
const peopleCreated = (actor: Actor, range: ResolvedRange) => sql`profiles.created_at >= ${since(range)}
  and profiles.created_at < ${until(range)} and ${countedProfile(actor, range)}`;

/** Whether a person is one of those the breakdowns are of: everyone without a role. */
const narrowedTo = (role: ProfileRole | null) => (role ? sql`${role}::text = any(profiles.roles)` : sql`true`);

/**
 * The people created in the range, by role, and the breakdowns of those of `role` (all of them
 * without one): vulnerabilities and ethnicities biggest first, age bands at `to` and genders.
 * The totals and the three breakdowns are counted in one pass over the people, a grouping set
 * each. The vulnerabilities, several to a person, are their own join, read value by value from
 * the partnership's list (a person's vulnerabilities are always values of their partnership's
 * list) through profile_vulnerabilities (lookup_id, profile_id).
 */
export async function countPeople(tx: Tx, actor: Actor, range: ResolvedRange, role: ProfileRole | null): Promise<PeopleCounts> {
  const { rows } = await tx.execute<PeopleCounts & Record<string, unknown>>(sql`
    with tally as (
      select grouping(p.age_band) = 0 as by_age_band, grouping(p.gender) = 0 as by_gender, grouping(p.ethnicity_id) = 0 as by_ethnicity,
             -- 7: rolled up by all three, the row that counts everyone.
             grouping(p.age_band, p.gender, p.ethnicity_id) = 7 as overall, p.age_band, p.gender, p.ethnicity_id,
             count(*)::int as everyone,
             count(*) filter (where 'victim' = any(p.roles))::int as victims,
             count(*) filter (where 'perpetrator' = any(p.roles))::int as perpetrators,
             count(*) filter (where p.narrowed)::int as count
        from (select profiles.roles, profiles.gender, profiles.ethnicity_id, ${ageBandAt(range.to)} as age_band, ${narrowedTo(role)} as narrowed
                from profiles
               where ${peopleCreated(actor, range)}) p
       group by grouping sets ((), (p.age_band), (p.gender), (p.ethnicity_id))
    )
    select
      sum(t.everyone) filter (where t.overall)::int as profiles,
      sum(t.victims) filter (where t.overall)::int as victims,
      sum(t.perpetrators) filter (where t.overall)::int as perpetrators,
      (select coalesce(json_agg(json_build_object('key', v.key, 'name', v.name, 'count', v.count) order by v.count desc, v.name), '[]')
         from (select l.key, l.name, count(*)::int as count
                 from lookups l
                 join profile_vulnerabilities pv on pv.lookup_id = l.id
                 join profiles on profiles.id = pv.profile_id
                where l.partnership_id = ${actor.partnershipId} and l.list = 'vulnerability'
                  and ${peopleCreated(actor, range)} and ${narrowedTo(role)}
                group by l.id) v) as vulnerabilities,
      coalesce(json_object_agg(t.age_band, t.count) filter (where t.by_age_band and t.count > 0), '{}') as age_bands,
      coalesce(json_object_agg(coalesce(t.gender, 'unknown'), t.count) filter (where t.by_gender and t.count > 0), '{}') as genders,
      coalesce(json_agg(json_build_object('key', l.key, 'name', l.name, 'group', l.group_name, 'count', t.count)
                 order by t.count desc, l.name nulls last) filter (where t.by_ethnicity and t.count > 0), '[]') as ethnicities
      from tally t
      left join lookups l on t.by_ethnicity and l.id = t.ethnicity_id`);
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
                where reports.report_type_id in (select lookups.id from lookups where lookups.partnership_id = ${actor.partnershipId}
                        and lookups.list = 'report_type' and lookups.key in (${asbComplaintReportType}, ${hateIncidentReportType}))
                  and reports.occurred_at >= ${since(range)} and reports.occurred_at < ${until(range)}
                  -- Kept out of the index condition ("is true") so the incidents are read by type and date from
                  -- reports_type_occurred_idx: by partnership, every report of the range is read to find them.
                  and (reports.partnership_id = ${actor.partnershipId}) is true and reports.record_kind = 'profile'
                group by reports.record_id
               having count(*) >= ${repeatAfter}::int) incidents
         join profiles on profiles.id = incidents.record_id
        where 'victim' = any(profiles.roles) and ${countedProfile(actor, range)}) as repeat_victims,
      (select coalesce(json_agg(json_build_object('from', m.from_level, 'to', m.to_level, 'count', m.count) order by m.count desc, m.from_level nulls first, m.to_level nulls first), '[]')
         from (select rc.from_level, rc.to_level, count(*)::int as count
                 from risk_level_changes rc
                where rc.partnership_id = ${actor.partnershipId} and rc.changed_at >= ${since(range)} and rc.changed_at < ${until(range)}
                  and ${onCounted('profile', actor, range, sql`rc.profile_id`)}
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
              when 'profile' then ${onCounted('profile', actor, range, sql`tasks.record_id`)}
              when 'case' then ${onCounted('case', actor, range, sql`tasks.record_id`)}
              when 'location' then ${onCounted('location', actor, range, sql`tasks.record_id`)}
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
                      when 'profile' then ${onCounted('profile', actor, range, sql`assessments.record_id`)}
                      when 'case' then ${onCounted('case', actor, range, sql`assessments.record_id`)}
                      else false
                    end)
             group by 1, 2, 3, 4, 5, 6) a
      join assessment_templates t on t.id = a.template_id
      join assessment_template_versions v on v.id = a.template_version_id`);
  return rows;
}

/** The partnership's name, which every export says it is from. */
