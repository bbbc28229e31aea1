import type pg from 'pg';
import { reportSentences } from '../data/reports.ts';
import { benchTeamEmail } from './reports.ts';
import type { Scale } from './structure.ts';

/** How bench/assessments.ts finds the profile with the run of matrix reviews: its reason for being on the record. */
export const reviewsMarker = 'Benchmark: the profile with 24 matrix reviews';
export const reviewCount = 24;

/** The built-in templates by share of completed assessments: the matrix most, then VICTIM screening. */
const templateShares: [string, number][] = [['asb-risk-matrix', 0.6], ['victim-screening', 0.25], ['wheel', 0.1], ['family', 0.05]];

/**
 * The current version of each built-in template per partnership (`bench_templates`) and its
 * questions, one row each (`bench_questions`), for the loader to answer. Questions with a
 * condition are left out: the built-ins have none, and answering one would need its condition
 * evaluated (an answer to a hidden question is dropped at completion).
 */
export async function describeTemplates(client: pg.PoolClient): Promise<void> {
  await client.query(`
    create temporary table bench_templates as
    select p.idx, p.id as partnership_id, t.key, t.id as template_id, v.id as version_id, v.definition
      from bench_partnerships p
      join assessment_templates t on t.partnership_id = p.id and t.built_in
      join assessment_template_versions v on v.template_id = t.id and v.version = t.version`);
  await client.query('create index on bench_templates (idx, key)');
  const { rows: [counts] } = await client.query<{ partnerships: number; templates: number }>(
    `select (select count(*)::int from bench_partnerships) as partnerships,
            (select count(*)::int from bench_templates where key = any($1)) as templates`, [templateShares.map(([key]) => key)]);
  if (counts!.templates !== counts!.partnerships * templateShares.length) throw new Error('some partnerships lack the built-in assessment templates');
  await client.query(`
    create temporary table bench_questions as
    select t.version_id, q.ord, q.q->>'key' as key, q.q->>'kind' as kind, q.q->'options' as options,
           jsonb_array_length(q.q->'options') as option_count, coalesce((q.q->'scale'->>'min')::int, 1) as scale_min,
           coalesce((q.q->'scale'->>'max')::int, 10) as scale_max, (q.q->>'required')::boolean as required
      from bench_templates t
      cross join lateral jsonb_path_query(t.definition, '$.sections[*].questions[*]') with ordinality q(q, ord)
     where jsonb_typeof(q.q->'condition') is distinct from 'object'`);
  await client.query('create index on bench_questions (version_id)');
  await client.query('analyze bench_templates; analyze bench_questions');
}

/** Chooses the profile that gets the matrix reviews: a Demo County profile of the bench user's team, not the long timeline's. */
export async function chooseReviewsProfile(client: pg.PoolClient, skip: number): Promise<{ n: number; id: string }> {
  const { rows: [chosen] } = await client.query<{ n: string; id: string }>(`
    select n, pr.id from bench_partnerships p
      cross join lateral generate_series(p.p_lo, p.p_hi) n
      join profiles pr on pr.id = pg_temp.record_id('profile', n)
     where p.demo and n <> $2 and pr.owner_team_id = (select team_id from users where email = $1) and pr.created_at < now() - interval '3 years'
     order by n limit 1`, [benchTeamEmail, skip]);
  if (!chosen) throw new Error('no old profile of the bench team to give the matrix reviews');
  return { n: Number(chosen.n), id: chosen.id };
}

/**
 * The answers, score and the rest of one completed assessment, as SQL over `src` (with columns
 * g, idx, kind, profile_id, author_at, r_vis, completed_at, review_of): every question answered
 * with a random option (a rating for a scale, a casework sentence for text), optional ones 70% of
 * the time; the score the sum of the chosen options' scores, as the engine adds them
 * (src/shared/assessment-engine.ts). A family assessment's only member is the profile itself.
 */
const insertAssessments = (src: string) => `
  insert into assessments (id, partnership_id, template_id, template_version_id, record_kind, record_id, status, answers, members, visibility,
                           score, review_of, created_by, author_id, author_team_id, author_organisation_id, completed_at, version, created_at, updated_at)
  select pg_temp.bench_uuid('assessment', s.g, (extract(epoch from s.completed_at) * 1000)::bigint), t.partnership_id, t.template_id, t.version_id,
         'profile', s.profile_id, 'completed', coalesce(a.answers, '{}'::jsonb),
         case when t.key = 'family' then jsonb_build_array(jsonb_build_object('profileId', s.profile_id, 'name', pr.first_name || ' ' || pr.last_name, 'relationship', 'Lead person'))
              else '[]'::jsonb end,
         case when s.r_vis < 0.9 then 'shared' when s.r_vis < 0.97 then 'team' else 'private' end,
         case when t.definition->>'scoring' = 'none' then null else a.score end, s.review_of,
         rp.authors[s.author_at], rp.authors[s.author_at], rp.author_teams[s.author_at], rp.author_orgs[s.author_at],
         s.completed_at, 1, s.completed_at - interval '40 minutes' * random(), s.completed_at
    from ${src} s
    join bench_templates t on t.idx = s.idx and t.key = s.kind
    join bench_report_pool rp on rp.idx = s.idx
    left join profiles pr on t.key = 'family' and pr.id = s.profile_id
    cross join lateral (
      select jsonb_object_agg(q.key, v.value) filter (where v.value is not null) as answers, coalesce(sum(v.score), 0)::int as score
        from bench_questions q
        cross join lateral (select q.options -> floor(random() * q.option_count)::int as o,
                                   q.scale_min + floor(random() * (q.scale_max - q.scale_min + 1))::int as rating,
                                   q.required or random() < 0.7 as answered, random() as r
                              offset 0) c
        cross join lateral (select case when not c.answered then null
                                        when q.kind in ('yes_no', 'single_choice') then to_jsonb(c.o->>'value')
                                        when q.kind = 'multiple_choice' then jsonb_build_array(c.o->>'value')
                                        when q.kind = 'family_grid' then jsonb_build_object(s.profile_id::text, c.o->>'value')
                                        when q.kind = 'scale' then to_jsonb(c.rating)
                                        when q.kind = 'number' then to_jsonb(c.rating)
                                        when q.kind = 'date' then to_jsonb(to_char(s.completed_at - interval '30 days' * c.r, 'YYYY-MM-DD'))
                                        else to_jsonb(pg_temp.pick($1::text[], c.r)) end as value,
                                   case when not c.answered then 0
                                        when q.kind in ('yes_no', 'single_choice', 'multiple_choice', 'family_grid') then (c.o->>'score')::int
                                        when q.kind = 'scale' then c.rating
                                        else 0 end as score) v
       where q.version_id = t.version_id) a`;

/**
 * Completed assessments numbered `from`..`to`, all on profiles: the matrix 60%, VICTIM 25%, the
 * wheel 10%, the family assessment 5%. A profile's chance falls with its rank to the power 1.5
 * (ranks shuffled over the row numbers, as for reports), so most assessed profiles have one or
 * two and the busiest a hundred or so. Completed over the last two years (not before the profile
 * was created), by staff of the profile's partnership; 90% shared, 7% for the team, 3% private.
 * Written in order of completion, as the app writes them, so that a range of dates is a range of
 * the table's pages (the statistics read a year at a time).
 */
export async function loadAssessments(client: pg.PoolClient, scale: Scale, from: number, to: number, skipProfile: number): Promise<void> {
  const thresholds = templateShares.reduce<number[]>((acc, [, share]) => [...acc, (acc.at(-1) ?? 0) + share], []);
  const { rows: [starts] } = await client.query<{ p: string[] }>('select array_agg(p_lo order by idx) as p from bench_partnerships');
  let mult = 1_000_003;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(mult, scale.profiles) !== 1) mult += 2;
  await client.query(`
    create temporary table bench_assessment_src as
    select u.g, u.idx, u.kind, pg_temp.record_id('profile', u.n) as profile_id, 1 + floor(u.r_author * cardinality(rp.authors))::int as author_at, u.r_vis,
           greatest(pg_temp.created_at('profile', u.n), now() - interval '2 years')
             + (now() - greatest(pg_temp.created_at('profile', u.n), now() - interval '2 years')) * u.r_when as completed_at,
           null::uuid as review_of
      from (
        select *, width_bucket(n, $4::bigint[]) - 1 as idx
          from (
            select *, case when shuffled = $3::bigint then shuffled % $5::bigint + 1 else shuffled end as n
              from (
                select g, r_author, r_vis, r_when, 1 + (floor($5::bigint * power(r_rank, 1.5))::bigint * $6::bigint) % $5::bigint as shuffled,
                       case when r_kind < $7 then 'asb-risk-matrix' when r_kind < $8 then 'victim-screening' when r_kind < $9 then 'wheel' else 'family' end as kind
                  from (select g, random() as r_kind, random() as r_rank, random() as r_when, random() as r_vis, random() as r_author
                          from generate_series($1::bigint, $2::bigint) g) r
                 offset 0) s
             offset 0) t
         offset 0) u
      join bench_report_pool rp on rp.idx = u.idx
     order by completed_at`,
  [from, to, skipProfile, starts!.p, scale.profiles, mult, thresholds[0], thresholds[1], thresholds[2]]);
  await client.query(insertAssessments('bench_assessment_src'), [reportSentences]);
  await client.query('drop table bench_assessment_src');
}

/**
 * The reviewed profile's run: `reviewCount` matrices over two years, each a review of the one
 * before, by the bench user's team (the bench user among them), shared.
 */
export async function loadReviews(client: pg.PoolClient, profile: { id: string }): Promise<void> {
  await client.query(`
    create temporary table bench_review_src as
    select 1000000000 + k as g, p.idx, 'asb-risk-matrix' as kind, $1::uuid as profile_id,
           array_position(rp.authors, pg_temp.pick(team.ids, random() + 0 * k)) as author_at, 0.0::float8 as r_vis,
           now() - interval '2 years' + interval '2 years' * (k - 0.5) / $2 as completed_at, null::uuid as review_of
      from profiles pr
      join bench_partnerships p on p.id = pr.partnership_id
      join bench_report_pool rp on rp.idx = p.idx
      cross join lateral (select array_agg(u.id) as ids from users u where u.team_id = (select team_id from users where email = $3) and u.role <> 'read_only') team
      cross join generate_series(1, $2) k
     where pr.id = $1`, [profile.id, reviewCount, benchTeamEmail]);
  // Each review starts from the one before (review_of), as POST /assessments/:id/review makes it.
  await client.query(`
    update bench_review_src s set review_of = pg_temp.bench_uuid('assessment', p.g, (extract(epoch from p.completed_at) * 1000)::bigint)
      from bench_review_src p where p.g = s.g - 1`);
  await client.query(insertAssessments('bench_review_src'), [reportSentences]);
  await client.query('drop table bench_review_src');
  await client.query('update profiles set reason_created = $2 where id = $1', [profile.id, reviewsMarker]);
}

/**
 * What completing them would have done: each profile's risk level follows its matrices in order
 * of completion (a `risk_level_changes` row for every change, from the generated level before the
 * first), ending at the latest one's band; and every VICTIM screening that scored (any "yes")
 * flags the profile for a matrix, met by the first matrix completed after it, else still open.
 */
export async function settleAssessments(client: pg.PoolClient): Promise<void> {
  await client.query(`
    create temporary table bench_matrix as
    select a.id, a.partnership_id, a.record_id, a.author_id, a.completed_at,
           (select b->>'riskLevel' from jsonb_array_elements(t.definition->'bands') b
             where a.score >= (b->>'min')::int and (jsonb_typeof(b->'max') = 'null' or a.score <= (b->>'max')::int)) as level
      from assessments a join bench_templates t on t.version_id = a.template_version_id and t.key = 'asb-risk-matrix'
     where a.status = 'completed' and a.record_kind = 'profile'`);
  await client.query(`
    insert into risk_level_changes (id, partnership_id, profile_id, from_level, to_level, assessment_id, changed_by, changed_at)
    select pg_temp.child_id('risk-level', c.id, 1, c.completed_at), c.partnership_id, c.record_id, c.before, c.level, c.id, c.author_id, c.completed_at
      from (select m.*, lag(m.level, 1, pr.risk_level) over (partition by m.record_id order by m.completed_at, m.id) as before
              from bench_matrix m join profiles pr on pr.id = m.record_id) c
     where c.before is distinct from c.level`);
  await client.query(`
    update profiles pr set risk_level = l.level, version = pr.version + 1, updated_at = greatest(pr.updated_at, l.completed_at)
      from (select distinct on (record_id) record_id, level, completed_at from bench_matrix order by record_id, completed_at desc, id desc) l
     where pr.id = l.record_id and pr.risk_level is distinct from l.level`);
  await client.query(`
    insert into assessment_requirements (id, partnership_id, record_kind, record_id, template_id, reason, raised_by_assessment_id, raised_by, raised_at, met_by_assessment_id, met_at)
    select pg_temp.child_id('requirement', v.id, 1, v.completed_at), v.partnership_id, 'profile', v.record_id, m.template_id, th->>'label', v.id, v.author_id, v.completed_at, met.id, met.completed_at
      from assessments v
      join bench_templates t on t.version_id = v.template_version_id and t.key = 'victim-screening'
      cross join lateral jsonb_array_elements(t.definition->'thresholds') th
      join bench_templates m on m.partnership_id = t.partnership_id and m.key = th->>'followUp'
      left join lateral (select a.id, a.completed_at from assessments a
                          where a.record_kind = 'profile' and a.record_id = v.record_id and a.template_id = m.template_id and a.completed_at >= v.completed_at
                          order by a.completed_at limit 1) met on true
     where v.status = 'completed' and v.score >= (th->>'min')::int`);
}
