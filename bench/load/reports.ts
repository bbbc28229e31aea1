import type pg from 'pg';
import { reportSentences } from '../data/reports.ts';
import { namePoolSize } from './functions.ts';
import type { Scale } from './structure.ts';

/** How the runner finds the profile with the long timeline: its reason for being on the record. */
export const timelineMarker = 'Benchmark: the profile with the long timeline';
/** The demo team whose practitioner the runner signs in as, and the team that owns the long-timeline profile. */
export const benchTeamEmail = 'police.asb@concord.test';
const timelineOwnerEmail = 'council.asb@concord.test';

/** Contact logs and visits are most of what keyworkers write. */
const reportTypeWeights: Record<string, number> = {
  'contact-log': 8, visit: 5, intelligence: 3, 'meeting-note': 3, debrief: 1, 'significant-event': 1, 'victim-update': 2, 'case-review': 1,
};

/** Where reports are written: people most, then cases, then places. */
const kindShares = { profile: 0.6, case: 0.3 };

/**
 * Staff to write the reports: two practitioners for each of a team's weights in
 * `bench_partnerships.teams` (so the police ASB team writes the most), in every partnership,
 * the demo ones included. They cannot sign in (no password).
 */
export async function loadStaff(client: pg.PoolClient): Promise<void> {
  await client.query(`
    insert into users (id, team_id, email, name, role, created_at, updated_at)
    select gen_random_uuid(), s.team_id, 'staff.' || s.idx || '.' || s.at || '.' || s.k || '@bench.concord.test',
           f.name || ' ' || l.name, 'practitioner', now() - interval '5 years', now() - interval '5 years'
      from (select p.idx, t.team_id, t.at, k, floor(random() * ${namePoolSize} + 0 * k)::int as f_at, floor(random() * ${namePoolSize} + 0 * k)::int as l_at
              from bench_partnerships p cross join lateral unnest(p.teams) with ordinality t(team_id, at) cross join generate_series(1, 2) k) s
      join bench_names f on f.pool = case when s.k = 1 then 'female' else 'male' end and f.i = s.f_at
      join bench_names l on l.pool = 'last' and l.i = s.l_at`);
}

/**
 * Per partnership (by `bench_partnerships.idx`): its report types, repeated by weight, and its
 * staff with their teams and organisations, for the report loader to pick from.
 */
export async function describeAuthors(client: pg.PoolClient): Promise<void> {
  await client.query(`
    create temporary table bench_report_pool with (toast_tuple_target = 8160) as
    select p.idx, p.id as partnership_id,
           (select array_agg(l.id order by l.position, w.n) from lookups l
              join jsonb_each_text($1::jsonb) wt on wt.key = l.key cross join lateral generate_series(1, wt.value::int) w(n)
             where l.partnership_id = p.id and l.list = 'report_type' and l.active) as types,
           a.authors, a.author_teams, a.author_orgs
      from bench_partnerships p
      cross join lateral (select array_agg(u.id order by u.id) as authors, array_agg(u.team_id order by u.id) as author_teams,
                                 array_agg(t.organisation_id order by u.id) as author_orgs
                            from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id
                           where o.partnership_id = p.id and u.disabled_at is null and u.role <> 'read_only') a`, [JSON.stringify(reportTypeWeights)]);
  const { rows } = await client.query<{ idx: number }>('select idx from bench_report_pool where types is null or authors is null');
  if (rows.length > 0) throw new Error(`partnerships without report types or staff: ${rows.map((r) => r.idx).join(', ')}`);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A multiplier that shuffles 0..total-1 onto itself (coprime to total), so popular records are scattered, not the oldest. */
function shuffler(total: number): number {
  let m = 1_000_003;
  while (gcd(m, total) !== 1) m += 2;
  return m;
}

/** Chooses the profile that gets the long timeline (an old one, owned by the demo council team, shared with nobody yet); returns its row number and id. */
export async function chooseTimelineProfile(client: pg.PoolClient): Promise<{ n: number; id: string }> {
  const { rows: [chosen] } = await client.query<{ n: string; id: string }>(`
    select n, pr.id from bench_partnerships p
      cross join lateral generate_series(p.p_lo, p.p_hi) n
      join profiles pr on pr.id = pg_temp.record_id('profile', n)
     where p.demo and pr.owner_team_id = (select team_id from users where email = $1)
       and not exists (select 1 from profile_access a where a.record_id = pr.id)
     order by n limit 1`, [timelineOwnerEmail]);
  if (!chosen) throw new Error('no profile of the demo council team to give the long timeline');
  return { n: Number(chosen.n), id: chosen.id };
}

/**
 * Reports numbered `from`..`to` of the whole load, on profiles (60%), cases (30%) and locations,
 * with a heavy skew: a record's share falls with its rank squared, so one in ten records holds a
 * third of the reports and the busiest hold a few thousand, while most have a handful. Ranks are
 * shuffled over the row numbers so that busy records are of every age and partnership. A report
 * is written between its record's creation and now, more often recently, by a member of staff of
 * the record's partnership; 85% shared, 11% for the author's team, 4% private. The long-timeline
 * profile is skipped: it gets exactly its own reports.
 */
export async function loadReports(client: pg.PoolClient, scale: Scale, from: number, to: number, skipProfile: number): Promise<void> {
  // Each "offset 0" keeps a level's values computed once per row: without it the planner folds
  // the levels together and computes the record's number again wherever it is used, and cannot
  // inline the session functions on it.
  await client.query(`
    insert into reports (id, partnership_id, record_kind, record_id, report_type_id, occurred_at, body_html, body_text, visibility,
                         author_id, author_team_id, author_organisation_id, version, created_at, updated_at)
    select pg_temp.bench_uuid('report', g, (extract(epoch from created_at) * 1000)::bigint), rp.partnership_id, kind, pg_temp.record_id(kind, n),
           pg_temp.pick(rp.types, r_type), occurred_at,
           '<p>' || array_to_string(sentences, '</p><p>') || '</p>', array_to_string(sentences, ' '),
           case when r_vis < 0.85 then 'shared' when r_vis < 0.96 then 'team' else 'private' end,
           rp.authors[author_at], rp.author_teams[author_at], rp.author_orgs[author_at], 1, created_at, created_at
      from (
        select g, kind, n, idx, r_type, r_vis, occurred_at, least(now(), occurred_at + interval '3 days' * r_late) as created_at, r_author,
               array[pg_temp.pick($12::text[], s1), pg_temp.pick($12::text[], s2)]
                 || case when r_len < 0.6 then array[pg_temp.pick($12::text[], s3)] else '{}'::text[] end
                 || case when r_len < 0.25 then array[pg_temp.pick($12::text[], s4)] else '{}'::text[] end as sentences
          from (
            select *, record_at + (now() - record_at) * sqrt(r_when) as occurred_at
              from (
                select *, pg_temp.created_at(kind, n) as record_at,
                       width_bucket(n, case kind when 'profile' then $9::bigint[] when 'case' then $10::bigint[] else $11::bigint[] end) - 1 as idx
                  from (
                    select *, case when kind = 'profile' and shuffled = $8 then shuffled % total + 1 else shuffled end as n
                      from (
                        select *, 1 + (floor(total * r_rank * r_rank)::bigint * mult) % total as shuffled
                          from (
                            select g, r_type, r_vis, r_late, r_len, r_author, r_when, r_rank, s1, s2, s3, s4,
                                   case when r_kind < $3 then 'profile' when r_kind < $3 + $4 then 'case' else 'location' end as kind,
                                   case when r_kind < $3 then $5::bigint when r_kind < $3 + $4 then $6::bigint else $7::bigint end as total,
                                   case when r_kind < $3 then $13::bigint when r_kind < $3 + $4 then $14::bigint else $15::bigint end as mult
                              from (select g, random() as r_kind, random() as r_rank, random() as r_when, random() as r_late, random() as r_type,
                                           random() as r_vis, random() as r_len, random() as r_author,
                                           random() as s1, random() as s2, random() as s3, random() as s4
                                      from generate_series($1::bigint, $2::bigint) g) r
                             offset 0) k
                         offset 0) s
                     offset 0) t
                 offset 0) u
             offset 0) v
         offset 0) w
      join bench_report_pool rp on rp.idx = w.idx
      cross join lateral (select 1 + floor(w.r_author * cardinality(rp.authors))::int as author_at) a`,
  [
    from, to, kindShares.profile, kindShares.case, scale.profiles, scale.cases, scale.locations, skipProfile,
    ...await rangeStarts(client), reportSentences,
    shuffler(scale.profiles), shuffler(scale.cases), shuffler(scale.locations),
  ]);
}

/** The first row number of each partnership's profiles, cases and locations, in partnership order, for width_bucket. */
async function rangeStarts(client: pg.PoolClient): Promise<[string[], string[], string[]]> {
  const { rows: [r] } = await client.query<{ p: string[]; c: string[]; l: string[] }>(
    'select array_agg(p_lo order by idx) as p, array_agg(c_lo order by idx) as c, array_agg(l_lo order by idx) as l from bench_partnerships');
  return [r!.p, r!.c, r!.l];
}

interface Author {
  id: string;
  team_id: string;
  organisation_id: string;
  email: string;
}

/**
 * The long timeline: exactly `count` reports on one profile of the demo council team, shared
 * (view) with the bench user's police team and marked with `timelineMarker`. Written by the
 * council team (40%), the police team (35%, the bench user among them) and other staff of the
 * partnership; 60% shared, 25% for the author's team and 15% private, so the bench user reads
 * some and sees others as stubs. Spread over the years since the profile was created.
 */
export async function loadTimeline(client: pg.PoolClient, profile: { id: string }, count: number): Promise<void> {
  const { rows: authors } = await client.query<Author>(`
    select u.id, u.team_id, t.organisation_id, u.email from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id
     where o.partnership_id = (select partnership_id from profiles where id = $1) and u.disabled_at is null and u.role <> 'read_only'
     order by u.email`, [profile.id]);
  const teamOf = (email: string) => authors.find((a) => a.email === email)?.team_id;
  const owners = authors.filter((a) => a.team_id === teamOf(timelineOwnerEmail));
  const police = authors.filter((a) => a.team_id === teamOf(benchTeamEmail));
  if (owners.length === 0 || police.length === 0) throw new Error('the demo council and police teams have no staff');
  const chosen = Array.from({ length: count }, () => {
    const r = Math.random();
    const from = r < 0.4 ? owners : r < 0.75 ? police : authors;
    return from[Math.floor(Math.random() * from.length)]!;
  });
  const visibility = chosen.map(() => {
    const r = Math.random();
    return r < 0.6 ? 'shared' : r < 0.85 ? 'team' : 'private';
  });
  await client.query(`
    insert into reports (id, partnership_id, record_kind, record_id, report_type_id, occurred_at, body_html, body_text, visibility,
                         author_id, author_team_id, author_organisation_id, version, created_at, updated_at)
    select pg_temp.bench_uuid('timeline-report', k, (extract(epoch from occurred_at) * 1000)::bigint), pr.partnership_id, 'profile', pr.id,
           pg_temp.pick(rp.types, random() + 0 * k), occurred_at, '<p>' || body || '</p>', body, vis, author, team, org, 1, occurred_at, occurred_at
      from profiles pr
      join bench_report_pool rp on rp.partnership_id = pr.partnership_id
      cross join lateral unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) with ordinality u(author, team, org, vis, k)
      cross join lateral (select pr.created_at + (now() - pr.created_at) * (random() + 0 * k) as occurred_at,
                                 pg_temp.pick($6::text[], random() + 0 * k) || ' ' || pg_temp.pick($6::text[], random() + 0 * k) as body) x
     where pr.id = $1`,
  [profile.id, chosen.map((a) => a.id), chosen.map((a) => a.team_id), chosen.map((a) => a.organisation_id), visibility, reportSentences]);
  await client.query('update profiles set reason_created = $2 where id = $1', [profile.id, timelineMarker]);
  await client.query(`
    insert into profile_access (id, record_id, team_id, level, granted_at)
    values (gen_random_uuid(), $1, (select team_id from users where email = $2), 'view', now() - interval '1 year')`, [profile.id, benchTeamEmail]);
}

/**
 * `total` reports in chunks of a million, shared between the sessions (each its own transaction,
 * so a long load shows progress and no single transaction holds ten million rows).
 */
export async function loadAllReports(sessions: pg.PoolClient[], scale: Scale, total: number, skipProfile: number): Promise<void> {
  const chunk = 1_000_000;
  const starts = Array.from({ length: Math.ceil(total / chunk) }, (_, i) => 1 + i * chunk);
  const started = performance.now();
  let done = 0;
  await Promise.all(sessions.map(async (session) => {
    for (let from = starts.shift(); from !== undefined; from = starts.shift()) {
      const to = Math.min(total, from + chunk - 1);
      await loadReports(session, scale, from, to, skipProfile);
      done += to - from + 1;
      console.log(`    ${done.toLocaleString('en-GB')} reports after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }));
}
