import { profileSearchParams, profileSearchSql } from '../../src/server/modules/search/sql.ts';
import type { BenchActor } from './samples.ts';

/**
 * The reads behind each page as one hand-written statement each: the floor an API could reach on
 * the same data. Parameters: $1 the record, then the actor's partnership, team and organisation,
 * for the access level the page shows.
 */
const accessLevel = (list: string, record: string) => `
  case when ${record}.partnership_id <> $2 then null when ${record}.owner_team_id = $3 then 'edit'
       else (select case when bool_or(a.level = 'edit') then 'edit' when count(*) > 0 then 'view' end
               from ${list} a where a.record_id = ${record}.id and (a.team_id = $3 or a.organisation_id = $4)) end`;

const lookupSet = (table: string) => `
  (select coalesce(json_agg(json_build_object('id', l.id, 'key', l.key, 'name', l.name) order by l.position), '[]')
     from ${table} s join lookups l on l.id = s.lookup_id where s.profile_id = p.id)`;

export const profilePageSql = `
select p.*, t.name as owner_team_name, o.id as owner_organisation_id, o.name as owner_organisation_name,
       ${accessLevel('profile_access', 'p')} as level,
       e.name as ethnicity, e.group_name as ethnicity_group, u.name as created_by_name,
       (select coalesce(json_agg(json_build_object('id', n.id, 'firstName', n.first_name, 'lastName', n.last_name) order by n.id), '[]')
          from profile_names n where n.profile_id = p.id and n.kind = 'alias') as aliases,
       ${lookupSet('profile_vulnerabilities')} as vulnerabilities,
       ${lookupSet('profile_warning_markers')} as warning_markers,
       (select coalesce(json_agg(a order by a.from_date desc nulls last, a.id), '[]') from profile_addresses a where a.profile_id = p.id) as addresses,
       (select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'otherId', x.id, 'firstName', x.first_name, 'lastName', x.last_name)), '[]')
          from profile_relationships r join profiles x on x.id = case when r.from_profile_id = p.id then r.to_profile_id else r.from_profile_id end
         where r.from_profile_id = p.id or r.to_profile_id = p.id) as relationships,
       (select coalesce(json_agg(json_build_object('id', m.id, 'firstName', m.first_name, 'lastName', m.last_name)), '[]')
          from profiles m where m.merged_into_id = p.id) as merged_from
  from profiles p
  join teams t on t.id = p.owner_team_id
  join organisations o on o.id = t.organisation_id
  left join lookups e on e.id = p.ethnicity_id
  left join users u on u.id = p.created_by
 where p.id = $1`;

export const casePageSql = `
select c.*, ct.key as case_type_key, ct.name as case_type_name, t.name as owner_team_name, o.id as owner_organisation_id, o.name as owner_organisation_name,
       ${accessLevel('case_access', 'c')} as level,
       (select name from organisations lo where lo.id = c.lead_organisation_id) as lead_organisation_name,
       (select coalesce(json_agg(json_build_object('id', s.id, 'reference', s.reference, 'title', s.title, 'status', s.status) order by s.reference), '[]')
          from cases s where s.parent_case_id = c.id or s.id = c.parent_case_id) as related_cases,
       (select coalesce(json_agg(json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'dateOfBirth', p.date_of_birth,
                                                   'role', cp.role, 'level', ${accessLevel('profile_access', 'p')}) order by p.last_name, p.first_name), '[]')
          from case_profiles cp join profiles p on p.id = cp.profile_id where cp.case_id = c.id) as profiles,
       (select coalesce(json_agg(json_build_object('id', l.id, 'addressLine1', l.address_line1, 'postcode', l.postcode,
                                                   'level', ${accessLevel('location_access', 'l')})), '[]')
          from case_locations cl join locations l on l.id = cl.location_id where cl.case_id = c.id) as locations,
       (select coalesce(json_agg(json_build_object('id', i.id, 'type', it.name, 'status', i.status, 'startDate', i.start_date) order by i.start_date), '[]')
          from case_interventions i join lookups it on it.id = i.intervention_type_id where i.case_id = c.id) as interventions
  from cases c
  join lookups ct on ct.id = c.case_type_id
  join teams t on t.id = c.owner_team_id
  join organisations o on o.id = t.organisation_id
 where c.id = $1`;

export const pageParams = (id: string, actor: BenchActor) => [id, actor.partnershipId, actor.teamId, actor.organisationId];

/** The search module's own profile query, with the parameters it would build for the term. */
export const searchStatement = { text: profileSearchSql, params: (actor: BenchActor, term: string) => profileSearchParams(actor.partnershipId, term, 20) };
