import type pg from 'pg';
import { femaleFirstNames, lastNames, maleFirstNames, weightedPool } from '../data/names.ts';
import { keyInformation, reasonsCreated } from '../data/places.ts';
import { createNamePools, namePoolSize } from './functions.ts';

/** The name pools the loaders draw from: 'female' and 'male' first names, and 'last' names. */
export const createNames = (client: pg.PoolClient) =>
  createNamePools(client, {
    female: weightedPool(femaleFirstNames, namePoolSize),
    male: weightedPool(maleFirstNames, namePoolSize),
    last: weightedPool(lastNames, namePoolSize),
  });

/**
 * People, spread over each partnership's teams: names drawn by frequency with 3% mistyped, born
 * 1940-2010 (mostly 1970-2000; 7% unknown, half of those with an estimated age), ethnicity,
 * roles, contact details and risk for some.
 */
export async function loadProfiles(client: pg.PoolClient, total: number): Promise<void> {
  await client.query(`
    insert into profiles (id, partnership_id, owner_team_id, first_name, last_name, date_of_birth, approximate_age, approximate_age_on,
                          gender, ethnicity_id, phone, email, roles, key_information, reason_created, risk_level, version, created_at, updated_at)
    select pg_temp.record_id('profile', n), partnership_id, owner_team_id, first_name, last_name,
           case when r_dob >= 0.07 then date '1940-01-01' + ((r_year1 + r_year2) / 2 * 25567)::int end,
           case when r_dob < 0.035 then 16 + floor(r_year1 * 50)::int end,
           case when r_dob < 0.035 then created_at::date end,
           gender, ethnicity_id,
           case when r_phone < 0.4 then '07' || lpad(floor(r_phone * 2.5e9)::bigint::text, 9, '0') end,
           case when r_email < 0.2 then lower(regexp_replace(unaccent(first_name || '.' || last_name), '[^A-Za-z.]', '', 'g')) || (n % 97) || '@example.com' end,
           array_remove(array[
             case when r_role < 0.35 then 'victim' when r_role < 0.7 then 'perpetrator' when r_role < 0.8 then 'witness'
                  when r_role < 0.9 then 'vulnerable_person' when r_role < 0.95 then 'family_member' else 'other' end,
             case when r_role2 < 0.1 then 'vulnerable_person' end], null),
           case when r_key < 0.2 then pg_temp.pick($2::text[], r_key * 5) end,
           pg_temp.pick($1::text[], r_reason),
           case when r_risk < 0.25 then 'standard' when r_risk < 0.35 then 'medium' when r_risk < 0.4 then 'high' end,
           1, created_at, created_at + (now() - created_at) * r_updated * 0.3
      from (
        select n, partnership_id, owner_team_id, gender, ethnicity_id, created_at,
               case when r_typo < 0.015 then pg_temp.typo(first_name, r_typo_kind, r_typo_at) else first_name end as first_name,
               case when r_typo >= 0.015 and r_typo < 0.03 then pg_temp.typo(last_name, r_typo_kind, r_typo_at) else last_name end as last_name,
               r_dob, r_year1, r_year2, r_phone, r_email, r_role, r_role2, r_key, r_reason, r_risk, r_updated
          from (
            select n, partnership_id, owner_team_id, gender, ethnicity_id, created_at, first.name as first_name, last.name as last_name,
                   r_typo, r_typo_kind, r_typo_at, r_dob, r_year1, r_year2, r_phone, r_email, r_role, r_role2, r_key, r_reason, r_risk, r_updated
              from (
                select g.n, p.id as partnership_id, pg_temp.pick(p.teams, random()) as owner_team_id, gender,
                       case when gender = 'female' or (gender <> 'male' and random() < 0.5) then 'female' else 'male' end as first_pool,
                       floor(random() * ${namePoolSize})::int as first_at, floor(random() * ${namePoolSize})::int as last_at,
                       case when random() < 0.85 then pg_temp.pick(p.ethnicities, random()) end as ethnicity_id,
                       pg_temp.created_at('profile', g.n) as created_at,
                       random() as r_typo, random() as r_typo_kind, random() as r_typo_at,
                       random() as r_dob, random() as r_year1, random() as r_year2, random() as r_phone, random() as r_email,
                       random() as r_role, random() as r_role2, random() as r_key, random() as r_reason, random() as r_risk, random() as r_updated
                  from (select n, case when r_gender < 0.49 then 'female' when r_gender < 0.98 then 'male' when r_gender < 0.99 then 'not_known' else 'non_binary' end as gender
                          from (select n, random() as r_gender from generate_series(1, $3::bigint) n) s) g
                  join bench_partnerships p on g.n between p.p_lo and p.p_hi
              ) r
              join bench_names first on first.pool = r.first_pool and first.i = r.first_at
              join bench_names last on last.pool = 'last' and last.i = r.last_at
          ) named
      ) t`, [reasonsCreated, keyInformation, total]);
}

/**
 * Every name a person is known by, written as the profiles module writes it: their own name, and
 * for one in ten an alias (another first name, or another surname such as a maiden name).
 */
export async function loadProfileNames(client: pg.PoolClient): Promise<void> {
  await client.query(`
    insert into profile_names (id, profile_id, partnership_id, kind, first_name, last_name, search_name, first_sound, last_sound)
    select pg_temp.child_id('name', id, 0, created_at), id, partnership_id, 'name', first_name, last_name,
           lower(unaccent(first_name || ' ' || last_name)), name_sound(first_name), name_sound(last_name)
      from profiles`);
  await client.query(`
    insert into profile_names (id, profile_id, partnership_id, kind, first_name, last_name, search_name, first_sound, last_sound)
    select pg_temp.child_id('alias', id, 1, created_at), id, partnership_id, 'alias', first_name, last_name,
           lower(unaccent(first_name || ' ' || last_name)), name_sound(first_name), name_sound(last_name)
      from (
        select s.id, s.partnership_id, s.created_at,
               case when s.r_which < 0.5 then other.name else s.first_name end as first_name,
               case when s.r_which >= 0.5 then other.name else s.last_name end as last_name
          from (select p.id, p.partnership_id, p.created_at, p.first_name, p.last_name, random() as r_which,
                       floor(random() * ${namePoolSize})::int as other_at, case when p.gender = 'female' then 'female' else 'male' end as first_pool
                  from profiles p where random() < 0.1) s
          join bench_names other on other.pool = case when s.r_which < 0.5 then s.first_pool else 'last' end and other.i = s.other_at
      ) a`);
}

/**
 * Addresses for six in ten people, each a location of their partnership; a relationship to
 * another person of the partnership for 8%; vulnerabilities for 15% and warning markers for 10%,
 * one or two each.
 */
export async function loadProfileDetails(client: pg.PoolClient): Promise<void> {
  await client.query(`
    insert into profile_addresses (id, profile_id, location_id, address_line1, address_line2, town, postcode, from_date)
    select pg_temp.child_id('address', s.id, 0, s.created_at), s.id, l.id, l.address_line1, l.address_line2, l.town, l.postcode,
           (s.created_at - interval '1 day' * floor(s.r_from * 3000))::date
      from (select pr.id, pr.created_at, random() as r_from, p.l_lo + floor(random() * (p.l_hi - p.l_lo + 1))::bigint as location_n
              from profiles pr join bench_partnerships p on p.id = pr.partnership_id
             where random() < 0.6) s
      join locations l on l.id = pg_temp.record_id('location', s.location_n)`);
  await client.query(`
    insert into profile_relationships (id, from_profile_id, to_profile_id, kind, created_at)
    select pg_temp.child_id('relationship', id, 0, created_at), id, pg_temp.record_id('profile', other_n), kind, created_at
      from (select pr.id, pr.created_at, p.p_lo + floor(random() * (p.p_hi - p.p_lo + 1))::bigint as other_n,
                   pg_temp.pick(array['parent', 'sibling', 'partner', 'ex_partner', 'associate', 'carer', 'family_member'], random()) as kind
              from profiles pr join bench_partnerships p on p.id = pr.partnership_id
             where abs(hashtext(pr.id::text || 'related')) % 100 < 8) s
     where pg_temp.record_id('profile', other_n) <> id`);
  for (const [table, column, share] of [['profile_vulnerabilities', 'vulnerabilities', 0.15], ['profile_warning_markers', 'markers', 0.1]] as const) {
    await client.query(`
      insert into ${table} (profile_id, lookup_id)
      select pr.id, pg_temp.pick(p.${column}, random())
        from profiles pr join bench_partnerships p on p.id = pr.partnership_id
        cross join lateral generate_series(1, 1 + abs(hashtext(pr.id::text)) % 2) k
       where abs(hashtext(pr.id::text || '${table}')) % 1000 < ${share * 1000}
      on conflict do nothing`);
  }
}
