import type pg from 'pg';
import { placeNames, streets, streetSuffixes } from '../data/places.ts';

/** Letters Royal Mail uses in the inward code of a postcode. */
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

/**
 * Homes, premises, businesses and public spaces across each partnership's towns, with postcodes
 * of its postcode area and coordinates around its centre (one in ten without). `search_text` is
 * written as the locations module writes it.
 */
export async function loadLocations(client: pg.PoolClient, total: number): Promise<void> {
  await client.query(`
    insert into locations (id, partnership_id, owner_team_id, kind, name, address_line1, address_line2, town, postcode,
                           latitude, longitude, search_text, version, created_at, updated_at)
    select pg_temp.record_id('location', n), partnership_id, owner_team_id, kind, name, address_line1, address_line2, town, postcode,
           latitude, longitude, lower(unaccent(concat_ws(' ', name, address_line1, address_line2, town, postcode))), 1,
           created_at, created_at + (now() - created_at) * r_updated * 0.2
      from (
        select n, partnership_id, owner_team_id, kind, created_at, r_updated,
               case when kind = 'home' then null else pg_temp.pick($2::text[], r_name) end as name,
               (1 + floor(r_number * 240))::int || ' ' || pg_temp.pick($3::text[], r_street) || ' ' || pg_temp.pick($4::text[], r_suffix) as address_line1,
               case when kind = 'home' and r_flat < 0.15 then 'Flat ' || (1 + floor(r_flat * 160))::int end as address_line2,
               town,
               postcode_area || (1 + floor(r_district * 29))::int || ' ' || floor(r_sector * 10)::int
                 || substr($5, 1 + floor(r_unit1 * 20)::int, 1) || substr($5, 1 + floor(r_unit2 * 20)::int, 1) as postcode,
               case when r_coordinates < 0.9 then centre_latitude + (r_latitude - 0.5) * 0.3 end as latitude,
               case when r_coordinates < 0.9 then centre_longitude + (r_longitude - 0.5) * 0.45 end as longitude
          from (
            select g.n, p.id as partnership_id, pg_temp.pick(p.teams, random()) as owner_team_id,
                   case when r_kind < 0.6 then 'home' when r_kind < 0.75 then 'premises' when r_kind < 0.9 then 'business' else 'public_space' end as kind,
                   pg_temp.created_at('location', g.n) as created_at, pg_temp.pick(p.towns, random()) as town,
                   p.postcode_area, p.latitude as centre_latitude, p.longitude as centre_longitude,
                   random() as r_updated, random() as r_name, random() as r_number, random() as r_street, random() as r_suffix,
                   random() as r_flat, random() as r_district, random() as r_sector, random() as r_unit1, random() as r_unit2,
                   random() as r_coordinates, random() as r_latitude, random() as r_longitude
              from (select n, random() as r_kind from generate_series(1, $1::bigint) n) g
              join bench_partnerships p on g.n between p.l_lo and p.l_hi
          ) r
      ) l`, [total, placeNames, streets, streetSuffixes, inwardLetters]);
}
