import { sql, type SQL } from 'drizzle-orm';
import { asbComplaintReportType } from '../../../../shared/victim-care.ts';
import { cases, locations, profiles } from '../../../db/schema/index.ts';
import type { Tx } from '../../../db/transaction.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { countable } from '../../../platform/access/insights.ts';
import { kindLiteral, kinds } from '../../../platform/access/kinds.ts';
import { accessListOf, canView } from '../../../platform/access/records.ts';
import { locationInArea, profileInArea } from '../queries.ts';
import type { ResolvedRange } from '../range.ts';

/**
 * Hotspots, one statement each for places and for people. Both start from the partnership's
 * reports of the period on one kind of record (`reports_partnership_kind_occurred_idx`, which
 * holds every column they read), so only records with something in the range are looked at.
 * What is countable but may not be opened is summed, never named.
 */

const since = (range: ResolvedRange) => sql`${range.since.toISOString()}::timestamptz`;
const until = (range: ResolvedRange) => sql`${range.until.toISOString()}::timestamptz`;
const locationAccess = accessListOf('location_access');
const profileAccess = accessListOf('profile_access');
const iso = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Reports on one kind of record in the range, of the type asked for (by id) or else of the type with `typeKey`. */
function reportsInRange(actor: Actor, range: ResolvedRange, kind: 'location' | 'profile', type: { id: string } | { key: string } | null): SQL {
  const ofType = !type ? sql`true`
    : 'id' in type ? sql`r.report_type_id = ${type.id}`
    : sql`r.report_type_id in (select l.id from lookups l where l.partnership_id = ${actor.partnershipId} and l.list = 'report_type' and l.key = ${type.key})`;
  return sql`r.partnership_id = ${actor.partnershipId} and r.record_kind = ${kindLiteral(kind)}
    and r.occurred_at >= ${since(range)} and r.occurred_at < ${until(range)} and ${ofType}`;
}

export interface PlaceRow {
  id: string;
  name: string | null;
  address_line1: string;
  address_line2: string | null;
  town: string | null;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  reports: number;
  cases: number;
}

export interface Places {
  top: PlaceRow[];
  hidden_locations: number;
  hidden_reports: number;
}

/**
 * Places weighed by their reports in the range and the cases linked to them that were open at
 * some moment of it: the top `limit` the actor may open, heaviest first, and what the rest that
 * count for them add up to.
 */
export async function places(tx: Tx, actor: Actor, range: ResolvedRange, typeId: string | null, limit: number): Promise<Places> {
  const { rows } = await tx.execute<Places & Record<string, unknown>>(sql`
    with reported as (
      select r.record_id as location_id, count(*)::int as reports
        from reports r
       where ${reportsInRange(actor, range, 'location', typeId ? { id: typeId } : null)}
       group by r.record_id
    ),
    open_cases as (
      select case_locations.location_id, count(distinct cases.id)::int as cases
        from cases join case_locations on case_locations.case_id = cases.id
       where cases.created_at < ${until(range)} and (cases.closed_at is null or cases.closed_at >= ${since(range)})
         and ${countable(actor, cases, accessListOf('case_access'))}
       group by case_locations.location_id
    ),
    weighed as materialized (
      select locations.id, locations.name, locations.address_line1, locations.address_line2, locations.town, locations.postcode,
             locations.latitude, locations.longitude, coalesce(reported.reports, 0) as reports, coalesce(open_cases.cases, 0) as cases,
             ${canView(actor, locations, locationAccess)} as viewable
        from (select location_id from reported union select location_id from open_cases) touched
        join locations on locations.id = touched.location_id
        left join reported on reported.location_id = touched.location_id
        left join open_cases on open_cases.location_id = touched.location_id
       where ${countable(actor, locations, locationAccess)}
         and ${locationInArea(range, sql`${locations.postcode}`, sql`${locations.ownerTeamId}`)}
    )
    select
      (select coalesce(json_agg(top order by top.reports + top.cases desc, top.reports desc, top.id), '[]')
         from (select id, name, address_line1, address_line2, town, postcode, latitude, longitude, reports, cases
                 from weighed where viewable
                order by reports + cases desc, reports desc, id
                limit ${limit}) top) as top,
      (select count(*) from weighed where not viewable)::int as hidden_locations,
      (select coalesce(sum(reports), 0) from weighed where not viewable)::int as hidden_reports`);
  return rows[0]!;
}

export interface CallerRow {
  id: string;
  name: string;
  date_of_birth: string | null;
  reports: number;
  last_report_at: string;
}

export interface Callers {
  top: CallerRow[];
  hidden_callers: number;
  hidden_reports: number;
}

/**
 * People with most reports of the type on them in the range (ASB complaints unless another type
 * is asked for): the top `limit` the actor may open, and what the rest that count for them add up
 * to. A merged profile's reports moved to its survivor, so merged profiles are left out.
 */
export async function callers(tx: Tx, actor: Actor, range: ResolvedRange, typeId: string | null, limit: number): Promise<Callers> {
  const { rows } = await tx.execute<Callers & Record<string, unknown>>(sql`
    with reported as (
      select r.record_id as profile_id, count(*)::int as reports, max(r.occurred_at) as last_report_at
        from reports r
       where ${reportsInRange(actor, range, 'profile', typeId ? { id: typeId } : { key: asbComplaintReportType })}
       group by r.record_id
    ),
    counted as materialized (
      select profiles.id, ${kinds.profile.title} as name, profiles.date_of_birth::text as date_of_birth,
             reported.reports, reported.last_report_at, ${canView(actor, profiles, profileAccess)} as viewable
        from reported join profiles on profiles.id = reported.profile_id
       where ${profiles.mergedIntoId} is null
         and ${countable(actor, profiles, profileAccess)}
         and ${profileInArea(range, sql`${profiles.id}`, sql`${profiles.ownerTeamId}`)}
    )
    select
      (select coalesce(json_agg(top order by top.reports desc, top.last_report_at desc, top.id), '[]')
         from (select id, name, date_of_birth, reports, ${iso(sql`counted.last_report_at`)} as last_report_at
                 from counted where viewable
                order by counted.reports desc, counted.last_report_at desc, counted.id
                limit ${limit}) top) as top,
      (select count(*) from counted where not viewable)::int as hidden_callers,
      (select coalesce(sum(reports), 0) from counted where not viewable)::int as hidden_reports`);
  return rows[0]!;
}

