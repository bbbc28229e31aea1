import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Band } from '../../../../shared/api/assessments.ts';
import { assessments } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { teamCanView } from '../../../platform/access/kinds.ts';
import { canReadContent } from '../../../platform/access/records.ts';

/** Which subjects count: those whose current address's postcode is in the area, sector or district. */
export type AreaMatch =
  | { kind: 'area'; letters: string }
  | { kind: 'outward'; value: string }
  | { kind: 'sector'; value: string };

export interface StatisticsFilter {
  from?: string | undefined;
  to?: string | undefined;
  area?: AreaMatch | undefined;
}

/** A postcode (stored normalised, "DE4 3AG") matches: by its letters, its outward code or its sector. */
function postcodeMatches(postcode: SQL, area: AreaMatch): SQL {
  const compact = sql`replace(upper(${postcode}), ' ', '')`;
  const outward = sql`left(${compact}, length(${compact}) - 3)`;
  const sector = sql`left(${compact}, length(${compact}) - 2)`;
  switch (area.kind) {
    case 'area':
      return sql`substring(${outward} from '^[A-Z]+') = ${area.letters}`;
    case 'outward':
      return sql`(${outward} = ${area.value} or ${sector} = ${area.value})`;
    case 'sector':
      return sql`${sector} = ${area.value}`;
  }
}

const currentAddressIn = (profileId: SQL, area: AreaMatch) => sql`exists (select 1 from profile_addresses pa
  where pa.profile_id = ${profileId}
    and (pa.from_date is null or pa.from_date <= (now() at time zone 'Europe/London')::date)
    and (pa.to_date is null or pa.to_date >= (now() at time zone 'Europe/London')::date)
    and pa.postcode is not null and length(replace(pa.postcode, ' ', '')) >= 5
    and ${postcodeMatches(sql`pa.postcode`, area)})`;

/** A profile is in the area by its own current address; a case when any of its people's is. */
function subjectInArea(area: AreaMatch): SQL {
  return sql`(case s.record_kind
    when 'profile' then ${currentAddressIn(sql`s.record_id`, area)}
    else exists (select 1 from case_profiles cp where cp.case_id = s.record_id and ${currentAddressIn(sql`cp.profile_id`, area)})
  end)`;
}

/**
 * The completed assessments with the template, completed (London days) in the range, whose
 * visibility lets the actor read them; access to the record is decided per subject afterwards.
 */
function inRangeReadable(actor: Actor, templateId: string, filter: StatisticsFilter): SQL {
  return sql`select ${assessments.id} as id, ${assessments.recordKind} as record_kind, ${assessments.recordId} as record_id
    from ${assessments}
    where ${and(
      eq(assessments.partnershipId, actor.partnershipId),
      eq(assessments.templateId, templateId),
      eq(assessments.status, 'completed'),
      filter.from ? sql`${assessments.completedAt} >= (${filter.from}::date)::timestamp at time zone 'Europe/London'` : undefined,
      filter.to ? sql`${assessments.completedAt} < (${filter.to}::date + 1)::timestamp at time zone 'Europe/London'` : undefined,
      canReadContent(actor, { visibility: assessments.visibility, authorId: assessments.authorId, authorTeamId: assessments.authorTeamId }),
    )}`;
}

/** The subjects (profiles and cases) the actor's team can open, and in the area when one is given. */
function openSubjects(actor: Actor, filter: StatisticsFilter): SQL {
  const team = sql`${actor.teamId}::uuid`;
  const organisation = sql`${actor.organisationId}::uuid`;
  return sql`select s.record_kind, s.record_id from (select distinct record_kind, record_id from candidate) s
    where ((s.record_kind = 'profile' and ${teamCanView('profile', sql`s.record_id`, team, organisation)})
        or (s.record_kind = 'case' and ${teamCanView('case', sql`s.record_id`, team, organisation)}))
      ${filter.area ? sql`and ${subjectInArea(filter.area)}` : sql``}`;
}

export interface CountedBand {
  label: string;
  colour: Band['colour'];
  count: number;
}

export interface CountedAnswer {
  key: string;
  value: string;
  count: number;
  /** How the version of the first assessment giving this value labelled it, if it had the option. */
  label: string | null;
}

export interface Counts {
  total: number;
  subjects: number;
  /** In order of each band's first assessment, with the colour it had there. */
  bands: CountedBand[];
  movement: { from: string; to: string; count: number }[];
  /** In order of each value's first appearance (assessments in order of completion). */
  answers: CountedAnswer[];
}

/**
 * The statistics of the completed assessments the actor may read, counted in one statement: each
 * assessment banded by its own version's bands, the band movement from each subject's first to
 * latest, and the values given to each of `questionKeys` (a choice, each of several choices, each
 * family member's choice, a rating).
 */
export async function countCompleted(tx: Tx, actor: Actor, templateId: string, filter: StatisticsFilter, questionKeys: string[]): Promise<Counts> {
  const { rows } = await tx.execute<Counts & Record<string, unknown>>(statisticsStatement(actor, templateId, filter, questionKeys));
  return rows[0]!;
}

const textArray = (values: string[]) => (values.length > 0 ? sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`array[]::text[]`);

/**
 * Readable means visible to the actor (cheap, per assessment), then on a record their team can
 * open and in the area (per subject, so a person assessed ten times is checked once).
 */
function statisticsStatement(actor: Actor, templateId: string, filter: StatisticsFilter, questionKeys: string[]): SQL {
  return sql`with candidate as (${inRangeReadable(actor, templateId, filter)}),
  subject as materialized (${openSubjects(actor, filter)}),
  readable as materialized (
    select a.id, a.record_kind, a.record_id, a.template_version_id, a.answers,
      -- The score that counts, as finalScore in src/shared/assessment-engine.ts decides it
      -- (statistics.test.ts checks the two agree): restated here so bands are counted in SQL.
      case when a.adjustment_status = 'approved' and a.adjusted_score is not null then a.adjusted_score else a.score end as final_score,
      row_number() over (order by a.completed_at, a.id) as seq
    from candidate c
    join subject s on s.record_kind = c.record_kind and s.record_id = c.record_id
    join assessments a on a.id = c.id
  ),
  version_band as materialized (
    select v.id as version_id, b.ord, b.band ->> 'label' as label, coalesce(b.band ->> 'colour', 'grey') as colour,
      (b.band ->> 'min')::numeric as min, (b.band ->> 'max')::numeric as max
    from assessment_template_versions v
    cross join lateral jsonb_array_elements(v.definition -> 'bands') with ordinality b(band, ord)
    where v.template_id = ${templateId}
  ),
  banded as (
    select r.seq, r.record_kind, r.record_id, b.label, b.colour
    from readable r
    left join lateral (
      select vb.label, vb.colour from version_band vb
      where vb.version_id = r.template_version_id and r.final_score >= vb.min and (vb.max is null or r.final_score <= vb.max)
      order by vb.ord limit 1
    ) b on true
  ),
  path as (
    select (array_agg(label order by seq))[1] as first, (array_agg(label order by seq desc))[1] as latest, count(*) as n
    from banded group by record_kind, record_id
  ),
  -- Each distinct stored answer once per version (most answers are a single value), split into
  -- its values afterwards: a few dozen rows rather than one per answer given.
  stored as (
    select e.key, e.value, r.template_version_id as version_id, count(*) as count, min(r.seq) as first
    from readable r cross join lateral jsonb_each(r.answers) e
    where e.key = any(${textArray(questionKeys)})
    group by e.key, e.value, r.template_version_id
  ),
  answer as (
    select s.key, v.value, sum(s.count)::int as count, min(array[s.first, v.pos]) as first,
      (array_agg(s.version_id order by s.first, v.pos))[1] as version_id
    from stored s
    cross join lateral (
      select s.value #>> '{}' as value, 0::bigint as pos where jsonb_typeof(s.value) in ('string', 'number')
      union all
      select x.value #>> '{}', x.pos from jsonb_array_elements(case when jsonb_typeof(s.value) = 'array' then s.value else '[]' end) with ordinality x(value, pos)
      union all
      select x.value #>> '{}', x.pos from jsonb_each(case when jsonb_typeof(s.value) = 'object' then s.value else '{}' end) with ordinality x(key, value, pos)
    ) v
    where v.value is not null
    group by s.key, v.value
  )
  select
    (select count(*) from readable)::int as total,
    (select count(*) from subject)::int as subjects,
    (select coalesce(json_agg(json_build_object('label', label, 'colour', colour, 'count', count) order by first), '[]')
       from (select label, (array_agg(colour order by seq))[1] as colour, count(*)::int as count, min(seq) as first
               from banded where label is not null group by label) b) as bands,
    (select coalesce(json_agg(json_build_object('from', first, 'to', latest, 'count', count)), '[]')
       from (select first, latest, count(*)::int as count from path
              where n > 1 and first is not null and latest is not null group by first, latest) m) as movement,
    (select coalesce(json_agg(json_build_object('key', a.key, 'value', a.value, 'count', a.count, 'label',
        jsonb_path_query_first(v.definition, '$.sections[*].questions[*] ? (@.key == $key).options[*] ? (@.value == $value).label',
          jsonb_build_object('key', a.key, 'value', a.value)) #>> '{}') order by a.first), '[]')
       from answer a join assessment_template_versions v on v.id = a.version_id) as answers`;
}
