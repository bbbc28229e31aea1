import type pg from 'pg';
import { caseSubjects, streets, streetSuffixes } from '../data/places.ts';

const closureReasons = ['Behaviour stopped', 'Moved out of the area', 'Enforcement complete', 'No further action', 'Referred to another service'];

/**
 * Cases with the partnership's case types (ASB the most), references numbered per partnership
 * and year as the app numbers them ("ASB/2024/00042"), titles naming the behaviour and the
 * street, older cases more often closed, and one in thirty a sub-case of the case before it.
 * The reference counters are set so that the app's next case carries on from the last.
 */
export async function loadCases(client: pg.PoolClient, total: number): Promise<void> {
  await client.query(`
    insert into cases (id, partnership_id, owner_team_id, reference, title, case_type_id, status, summary, lead_organisation_id,
                       start_date, end_date, parent_case_id, outcome, closure_reason, closed_at, archived_at, search_text,
                       version, created_at, updated_at)
    select id, partnership_id, owner_team_id, reference, title, case_type_id, status, summary, lead_organisation_id,
           created_at::date, closed_at::date, parent_case_id,
           case when status <> 'open' then closure_reason end, case when status <> 'open' then closure_reason end,
           closed_at, case when status = 'archived' then closed_at + (now() - closed_at) / 2 end,
           lower(unaccent(reference || ' ' || title)), 1, created_at, coalesce(closed_at, created_at + (now() - created_at) * r_updated * 0.5)
      from (
        select n.*, code || '/' || year || '/' || lpad(row_number() over (partition by partnership_id, year order by n)::text, 5, '0') as reference,
               case when status <> 'open' then created_at + (now() - created_at) * r_closed end as closed_at
          from (
            select g.n, pg_temp.record_id('case', g.n) as id, p.id as partnership_id, p.teams[team_at] as owner_team_id, p.team_orgs[team_at] as lead_organisation_id,
                   p.case_types[type_at] as case_type_id, p.case_codes[type_at] as code, created_at, extract(year from created_at)::int as year,
                   pg_temp.pick($2::text[], random()) || ', ' || pg_temp.pick($3::text[], random()) || ' ' || pg_temp.pick($4::text[], random()) as title,
                   case when random() < 0.5 then 'Referred after repeated reports from residents.' end as summary,
                   case when r_status < least(0.9, extract(epoch from now() - created_at) / 86400 / 365 * 0.45)
                        then case when r_status < 0.07 then 'archived' else 'closed' end else 'open' end as status,
                   case when r_parent < 0.033 and g.n > p.c_lo then pg_temp.record_id('case', g.n - 1) end as parent_case_id,
                   pg_temp.pick($5::text[], random()) as closure_reason, random() as r_closed, random() as r_updated
              from (select n, pg_temp.created_at('case', n) as created_at, random() as r_status, random() as r_parent from generate_series(1, $1::bigint) n) g
              join bench_partnerships p on g.n between p.c_lo and p.c_hi
              cross join lateral (select 1 + floor(random() * cardinality(p.teams) + 0 * g.n)::int as team_at,
                                         1 + floor(random() * cardinality(p.case_types) + 0 * g.n)::int as type_at) pick
          ) n
      ) c`, [total, caseSubjects, streets, streetSuffixes, closureReasons]);
  await client.query(`
    insert into case_reference_counters (partnership_id, year, last_number)
    select partnership_id, split_part(reference, '/', 2)::int, max(split_part(reference, '/', 3)::int)
      from cases group by 1, 2
    on conflict (partnership_id, year) do update set last_number = greatest(case_reference_counters.last_number, excluded.last_number)`);
}

/**
 * Who and where each case is about: one to four people of the partnership (victims and
 * perpetrators mostly), a location for four in ten, interventions for one in five.
 */
export async function loadCaseLinks(client: pg.PoolClient): Promise<void> {
  await client.query(`
    insert into case_profiles (case_id, profile_id, role, added_at)
    select case_id, pg_temp.record_id('profile', profile_n), role, added_at
      from (select c.id as case_id, c.created_at as added_at, p.p_lo + floor(random() * (p.p_hi - p.p_lo + 1))::bigint as profile_n,
                   case when k = 1 then 'victim' when k = 2 then 'perpetrator'
                        else pg_temp.pick(array['witness', 'family_member', 'vulnerable_person', 'other'], random()) end as role
              from cases c join bench_partnerships p on p.id = c.partnership_id
              cross join lateral generate_series(1, 1 + abs(hashtext(c.id::text)) % 4) k) s
    on conflict do nothing`);
  await client.query(`
    insert into case_locations (case_id, location_id, added_at)
    select case_id, pg_temp.record_id('location', location_n), added_at
      from (select c.id as case_id, c.created_at as added_at, p.l_lo + floor(random() * (p.l_hi - p.l_lo + 1))::bigint as location_n
              from cases c join bench_partnerships p on p.id = c.partnership_id
             where random() < 0.4) s`);
  await client.query(`
    insert into case_interventions (id, case_id, intervention_type_id, status, start_date, outcome, version, created_at, updated_at)
    select pg_temp.child_id('intervention', c.id, k, c.created_at), c.id, pg_temp.pick(p.interventions, random()),
           pg_temp.pick(array['proposed', 'issued', 'in_force', 'breached', 'complied', 'expired'], random()),
           c.start_date + k * 14, null, 1, c.created_at, c.updated_at
      from cases c join bench_partnerships p on p.id = c.partnership_id
      cross join lateral generate_series(1, 1 + abs(hashtext(c.id::text || 'i')) % 2) k
     where abs(hashtext(c.id::text || 'interventions')) % 5 = 0`);
}

/**
 * About 30% of records are shared beyond their owning team: with another team of the
 * partnership (view, or edit for three in ten), and a third of those also with an organisation.
 */
export async function loadAccessList(client: pg.PoolClient, kind: 'profile' | 'case' | 'location'): Promise<void> {
  const table = `${kind}s`;
  await client.query(`
    insert into ${kind}_access (id, record_id, team_id, level, granted_at)
    select pg_temp.child_id('${kind}-team-access', id, 0, created_at), id, team_id, level, created_at
      from (select r.id, r.created_at, r.owner_team_id, pg_temp.pick(p.teams, random()) as team_id,
                   case when random() < 0.3 then 'edit' else 'view' end as level
              from ${table} r join bench_partnerships p on p.id = r.partnership_id
             where abs(hashtext(r.id::text || 'shared')) % 100 < 30) s
     where team_id <> owner_team_id`);
  await client.query(`
    insert into ${kind}_access (id, record_id, organisation_id, level, granted_at)
    select pg_temp.child_id('${kind}-organisation-access', r.id, 0, r.created_at), r.id, pg_temp.pick(p.all_orgs, random()), 'view', r.created_at
      from ${table} r join bench_partnerships p on p.id = r.partnership_id
     where abs(hashtext(r.id::text || 'shared')) % 100 < 10`);
}
