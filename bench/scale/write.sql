-- The chunk written as Concord writes it: the sound keys of each new spelling (name_sound is
-- costly, and a few thousand spellings serve millions of names), the profiles, every name they
-- are known by (bench/load/profiles.ts), and their access lists (bench/load/cases.ts).
-- Statements separated by ';' on a line of its own are run one by one.
insert into scale_sounds (name, sound)
select w, name_sound(w)
  from (select first_name as w from scale_chunk union select last_name from scale_chunk
        union select alias_first from scale_chunk where has_alias union select alias_last from scale_chunk where has_alias) s
 where not exists (select 1 from scale_sounds x where x.name = s.w)
;
insert into profiles (id, partnership_id, owner_team_id, first_name, last_name, date_of_birth, approximate_age, approximate_age_on,
                      gender, ethnicity_id, phone, email, roles, reason_created, risk_level, version, created_at, updated_at)
select id, partnership_id, owner_team_id, first_name, last_name, date_of_birth, approximate_age,
       case when approximate_age is not null then created_at::date end, gender, ethnicity_id,
       case when r_phone < 0.4 then '07' || lpad(floor(r_phone * 2.5e9)::bigint::text, 9, '0') end,
       case when r_email < 0.2 then lower(regexp_replace(unaccent(first_name || '.' || last_name), '[^A-Za-z.]', '', 'g')) || (n % 97) || '@example.com' end,
       array[case when r_role < 0.35 then 'victim' when r_role < 0.7 then 'perpetrator' when r_role < 0.8 then 'witness'
                  when r_role < 0.9 then 'vulnerable_person' when r_role < 0.95 then 'family_member' else 'other' end],
       pg_temp.pick($1::text[], r_reason),
       case when r_risk < 0.25 then 'standard' when r_risk < 0.35 then 'medium' when r_risk < 0.4 then 'high' end,
       1, created_at, created_at
  from scale_chunk
;
insert into profile_names (id, profile_id, partnership_id, kind, first_name, last_name, search_name, first_sound, last_sound)
select pg_temp.child_id('name', c.id, 0, c.created_at), c.id, c.partnership_id, 'name', c.first_name, c.last_name,
       lower(unaccent(c.first_name || ' ' || c.last_name)), f.sound, l.sound
  from scale_chunk c join scale_sounds f on f.name = c.first_name join scale_sounds l on l.name = c.last_name
union all
select pg_temp.child_id('alias', c.id, 1, c.created_at), c.id, c.partnership_id, 'alias', c.alias_first, c.alias_last,
       lower(unaccent(c.alias_first || ' ' || c.alias_last)), f.sound, l.sound
  from scale_chunk c join scale_sounds f on f.name = c.alias_first join scale_sounds l on l.name = c.alias_last
 where c.has_alias
;
insert into profile_access (id, record_id, team_id, level, granted_at)
select pg_temp.child_id('profile-team-access', id, 0, created_at), id, share_team, share_level, created_at
  from scale_chunk where share_team is not null and share_team <> owner_team_id
;
insert into profile_access (id, record_id, organisation_id, level, granted_at)
select pg_temp.child_id('profile-organisation-access', id, 0, created_at), id, share_organisation, 'view', created_at
  from scale_chunk where share_organisation is not null
;
drop table scale_chunk
