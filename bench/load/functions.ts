import type pg from 'pg';
import type { Scale } from './structure.ts';

const day = 86_400_000;

/** When each kind of record began to be created, so that ids and dates spread over the years. */
const since = { profile: Date.UTC(2018, 0, 1), location: Date.UTC(2018, 0, 1), case: Date.UTC(2019, 0, 1) };

/**
 * Session functions the loaders share. Record ids are UUIDv7 as the app makes them (time first,
 * so indexes stay compact), but computed from the kind and the row number: any loader can refer
 * to profile n or case n without a lookup table, and a run with the same scale makes the same ids.
 * Row n of a kind is created at a time that grows with n, up to yesterday.
 */
export async function createFunctions(client: pg.PoolClient, scale: Scale, now = Date.now()): Promise<void> {
  const until = now - day;
  const step = (kind: keyof typeof since, total: number) => Math.max(1, Math.floor((until - since[kind]) / Math.max(1, total)));
  // Each parameter is used once, and every function is as volatile as what it calls, so that
  // PostgreSQL inlines these into the loaders' statements rather than calling them row by row.
  await client.query(`
    create function pg_temp.bench_uuid(kind text, n bigint, ms bigint) returns uuid language sql immutable as $$
      select overlay(overlay(overlay(md5(kind || ':' || n::text) placing lpad(to_hex(ms), 12, '0') from 1 for 12)
                             placing '7' from 13 for 1) placing '8' from 17 for 1)::uuid
    $$`);
  await client.query(`
    create function pg_temp.ms(kind text, n bigint) returns bigint language sql immutable as $$
      select case kind
        when 'profile' then ${since.profile}::bigint + n * ${step('profile', scale.profiles)}
        when 'location' then ${since.location}::bigint + n * ${step('location', scale.locations)}
        else ${since.case}::bigint + n * ${step('case', scale.cases)} end
    $$`);
  await client.query(`
    create function pg_temp.record_id(kind text, n bigint) returns uuid language sql immutable as $$
      select pg_temp.bench_uuid(kind, n, pg_temp.ms(kind, n))
    $$`);
  await client.query(`
    create function pg_temp.created_at(kind text, n bigint) returns timestamptz language sql immutable as $$
      select to_timestamp(pg_temp.ms(kind, n) / 1000.0)
    $$`);
  // A child-record id: time-ordered by its parent's creation, unique by the parent and a number.
  await client.query(`
    create function pg_temp.child_id(kind text, parent uuid, n bigint, at timestamptz) returns uuid language sql stable as $$
      select pg_temp.bench_uuid(kind || ':' || parent::text, n, (extract(epoch from at) * 1000)::bigint)
    $$`);
  await client.query(`
    create function pg_temp.pick(items anyarray, r float8) returns anyelement language sql immutable as $$
      select items[1 + floor(r * cardinality(items))::int]
    $$`);
  // The slips people make typing a name: a letter dropped, doubled, or two swapped.
  await client.query(`
    create function pg_temp.typo(s text, r float8, at float8) returns text language sql immutable as $$
      select case
        when length(s) < 4 then s
        when r < 1 / 3.0 then left(s, k) || substr(s, k + 2)
        when r < 2 / 3.0 then left(s, k) || substr(s, k + 1, 1) || substr(s, k + 1)
        else left(s, k) || substr(s, k + 2, 1) || substr(s, k + 1, 1) || substr(s, k + 3) end
      from (select 1 + floor(at * (length(s) - 2))::int as k) x
    $$`);
}

export const namePoolSize = 4096;

/**
 * The weighted name pools (bench/data/names.ts) as a table `bench_names(pool, i, name)` that the
 * loaders join to on a random `i`: a pool is a few thousand entries, too big to index into as an
 * array once per row.
 */
export async function createNamePools(client: pg.PoolClient, pools: Record<string, string[]>): Promise<void> {
  if (Object.values(pools).some((p) => p.length !== namePoolSize)) throw new Error(`name pools must hold ${namePoolSize} entries`);
  await client.query('create temporary table bench_names (pool text, i int, name text, primary key (pool, i))');
  for (const [pool, names] of Object.entries(pools)) {
    await client.query('insert into bench_names select $1, i - 1, name from unnest($2::text[]) with ordinality u(name, i)', [pool, names]);
  }
  await client.query('analyze bench_names');
}
