-- One chunk of generated people, rows $1..$2, before it is written to the tables: who they are,
-- the partnership (police force area) each belongs to, and their alias and shares. Uses the
-- generator's session functions and name pools (bench/load/functions.ts, profiles.ts) and
-- `scale_forces` (each force's share of the people, as buckets of [0, 1)).
-- A force is picked by the golden-ratio fraction of the row number, so every chunk spreads over
-- all the forces in proportion: a load stopped early is a smaller copy of the whole, not the
-- first forces only.
create temporary table scale_chunk as
select n, pg_temp.record_id('profile', n) as id, p.id as partnership_id, owner_team_id, gender, ethnicity_id, created_at,
       case when r_typo < 0.015 then pg_temp.typo(f.name, r_typo_kind, r_typo_at) else f.name end as first_name,
       case when r_typo >= 0.015 and r_typo < 0.03 then pg_temp.typo(l.name, r_typo_kind, r_typo_at) else l.name end as last_name,
       case when r_dob >= 0.07 then date '1940-01-01' + ((r_year1 + r_year2) / 2 * 25567)::int end as date_of_birth,
       case when r_dob < 0.035 then 16 + floor(r_year1 * 50)::int end as approximate_age,
       r_phone, r_email, r_role, r_reason, r_risk,
       case when r_alias < 0.05 then a.name else f.name end as alias_first,
       case when r_alias >= 0.05 and r_alias < 0.1 then a.name else l.name end as alias_last,
       r_alias < 0.1 as has_alias,
       case when r_share < 0.3 then share_team end as share_team,
       case when r_share < 0.09 then 'edit' else 'view' end as share_level,
       case when r_share < 0.1 then pg_temp.pick(p.all_orgs, r_org) end as share_organisation
  from (
    select g.n, f.idx as partnership_idx, gender,
           case when gender = 'female' or (gender <> 'male' and random() < 0.5) then 'female' else 'male' end as first_pool,
           floor(random() * 4096)::int as first_at, floor(random() * 4096)::int as last_at, floor(random() * 4096)::int as alias_at,
           pg_temp.created_at('profile', g.n) as created_at,
           random() as r_typo, random() as r_typo_kind, random() as r_typo_at, random() as r_dob, random() as r_year1,
           random() as r_year2, random() as r_phone, random() as r_email, random() as r_role, random() as r_reason,
           random() as r_risk, random() as r_alias, random() as r_share, random() as r_org, random() as r_team, random() as r_share_team
      from (select n, case when r_gender < 0.49 then 'female' when r_gender < 0.98 then 'male' when r_gender < 0.99 then 'not_known' else 'non_binary' end as gender,
                   width_bucket(((n * 0.6180339887498949::numeric) % 1)::float8, (select array_agg(w_lo order by idx) from scale_forces)) as bucket
              from (select n, random() as r_gender from generate_series($1::bigint, $2::bigint) n) s) g
      join scale_forces f on f.idx = g.bucket - 1
  ) r
  join bench_partnerships p on p.idx = r.partnership_idx
  join bench_names f on f.pool = r.first_pool and f.i = r.first_at
  join bench_names l on l.pool = 'last' and l.i = r.last_at
  join bench_names a on a.pool = case when r.r_alias < 0.05 then r.first_pool else 'last' end and a.i = r.alias_at
  cross join lateral (select pg_temp.pick(p.teams, r.r_team) as owner_team_id, pg_temp.pick(p.ethnicities, r.r_team) as ethnicity_id,
                             pg_temp.pick(p.teams, r.r_share_team) as share_team) picked;
