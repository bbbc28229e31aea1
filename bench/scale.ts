/**
 * The national-scale trial (docs/SCALE.md): people spread over the 43 police force areas of
 * England and Wales, loaded into Concord's schema as the migrations make it (layout "plain"), then
 * the same rows copied into the same tables declaratively partitioned by partnership (layout
 * "partitioned", schema `part`), and the same statements measured on both.
 *
 *   node --import tsx bench/scale.ts --database-url=postgres://... [--profiles=20000000 --chunk=1000000
 *        --load-minutes=40 --seconds=10 --warmup=3 --steps=load,partition,measure,sizes --force='Metropolitan Police']
 *
 * The database must be empty for `load`. `--load-minutes` stops loading after the chunk that
 * passes it, so a slow machine measures the largest size it reached (each chunk is a smaller copy
 * of the whole: every force grows in proportion). Only the tables the name search and the profile
 * page read are loaded: profiles, profile_names and profile_access.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { applyMigrations } from '../src/server/db/migrate.ts';
import { ensurePartnershipDefaults } from '../src/server/db/seed/partnership-defaults.ts';
import { reasonsCreated } from './data/places.ts';
import { deferIndexes, skipReferenceChecks } from './load/bulk.ts';
import { createFunctions } from './load/functions.ts';
import { createNames } from './load/profiles.ts';
import { createPartnerships, describePartnerships } from './load/structure.ts';
import { cycle, measureSql, type Stats } from './run/measure.ts';
import { pageParams, profilePageSql, searchStatement } from './run/raw.ts';
import { openableIds, searchTerms, type BenchActor } from './run/samples.ts';

/**
 * The 43 territorial police forces of England and Wales with the people they serve (thousands,
 * rounded, 2021 census): a force's share of the profiles follows its population, so the
 * Metropolitan Police area holds about 14% of them and Dyfed-Powys under 1%.
 */
const forces: [string, number][] = [
  ['Metropolitan Police', 8800], ['West Midlands', 2920], ['Greater Manchester', 2870], ['Thames Valley', 2420],
  ['West Yorkshire', 2350], ['Hampshire', 2010], ['Kent', 1870], ['Essex', 1850], ['Devon and Cornwall', 1800],
  ['Avon and Somerset', 1740], ['Sussex', 1700], ['Lancashire', 1530], ['Northumbria', 1460], ['Merseyside', 1430],
  ['South Yorkshire', 1380], ['South Wales', 1330], ['West Mercia', 1300], ['Surrey', 1210], ['Hertfordshire', 1200],
  ['Nottinghamshire', 1160], ['Staffordshire', 1130], ['Leicestershire', 1100], ['Cheshire', 1070], ['Derbyshire', 1060],
  ['Humberside', 940], ['Norfolk', 920], ['Cambridgeshire', 900], ['North Yorkshire', 830], ['Northamptonshire', 790],
  ['Dorset', 780], ['Lincolnshire', 770], ['Suffolk', 760], ['Wiltshire', 740], ['North Wales', 700],
  ['Bedfordshire', 690], ['Gloucestershire', 650], ['Durham', 640], ['Warwickshire', 600], ['Gwent', 600],
  ['Cleveland', 570], ['Dyfed-Powys', 520], ['Cumbria', 500], ['City of London', 10],
];

/** The tables loaded, and so the ones the partitioned layout partitions. */
const tables = ['profiles', 'profile_names', 'profile_access'] as const;

const sqlFile = (name: string) => readFileSync(new URL(`./scale/${name}`, import.meta.url), 'utf8');
const statements = (text: string) => text.split(/^;$/m).map((s) => s.trim()).filter((s) => s.length > 0);

function positive(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

const elapsed = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label}: ${elapsed(started)} s`);
  return result;
}

/** Migrations, the 43 forces as partnerships with the generator's agencies and teams, and their lookups. */
async function setUp(databaseUrl: string): Promise<void> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: 'concord-benchmark-only-session-secret-0000', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await step('migrations', () => applyMigrations(database));
    const client = await database.pool.connect();
    try {
      if ((await client.query('select 1 from partnerships limit 1')).rowCount) throw new Error('give the trial an empty database');
      // createPartnerships adds partnerships from its third on (the first two are the demo's).
      const ids = await createPartnerships(client, { profiles: 0, cases: 0, locations: 0, partnerships: forces.length + 2 });
      // Renamed after the forces, by way of their ids: a force may share a name with another's county.
      await client.query('update partnerships set name = id::text');
      for (const [i, id] of ids.entries()) await client.query('update partnerships set name = $2 where id = $1', [id, `${forces[i]![0]} Community Safety Partnership`]);
    } finally {
      client.release();
    }
    await ensurePartnershipDefaults(database.db);
  } finally {
    await database.close();
  }
}

async function partnershipIds(client: pg.PoolClient | pg.Pool): Promise<string[]> {
  const { rows } = await client.query<{ id: string; name: string }>('select id, name from partnerships');
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return forces.map(([name]) => byName.get(`${name} Community Safety Partnership`)!);
}

/** Loads people in chunks until `total` or the time budget; returns how many were loaded. */
async function load(pool: pg.Pool, total: number, chunk: number, minutes: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('set jit = off');
    await client.query('select setseed(0.42)');
    const ids = await partnershipIds(client);
    const scale = { profiles: total, cases: 1, locations: 1, partnerships: ids.length };
    await describePartnerships(client, scale, ids);
    await createFunctions(client, scale);
    await createNames(client);
    const sum = forces.reduce((a, [, w]) => a + w, 0);
    let below = 0;
    await client.query('create temporary table scale_forces (idx int primary key, w_lo float8)');
    for (const [i, [, weight]] of forces.entries()) {
      await client.query('insert into scale_forces values ($1, $2)', [i, below / sum]);
      below += weight;
    }
    await client.query('create temporary table scale_sounds (name text primary key, sound text not null)');
    const rebuild = await deferIndexes(client);
    if (!(await skipReferenceChecks(client))) throw new Error('load as a superuser: foreign-key triggers are skipped while loading');
    const chunkSql = sqlFile('chunk.sql');
    const writes = statements(sqlFile('write.sql'));
    const started = performance.now();
    let loaded = 0;
    while (loaded < total && performance.now() - started < minutes * 60_000) {
      const to = Math.min(total, loaded + chunk);
      const at = performance.now();
      await client.query(chunkSql, [loaded + 1, to]);
      for (const w of writes) await client.query(w, w.includes('$1') ? [reasonsCreated] : []);
      loaded = to;
      const rate = loaded / ((performance.now() - started) / 1000);
      console.log(`  ${loaded.toLocaleString('en-GB')} profiles (chunk ${elapsed(at)} s, ${Math.round(rate).toLocaleString('en-GB')} a second overall)`);
    }
    await client.query('set session_replication_role = origin');
    await step('indexes', () => rebuild([client]));
    await step('vacuum analyze', () => client.query(`vacuum analyze ${tables.join(', ')}`));
    return loaded;
  } finally {
    client.release();
  }
}

/**
 * The same tables partitioned by LIST of partnership_id, one partition per force, in schema
 * `part`: the primary key must hold the partition key, so it becomes (partnership_id, id), unique
 * indexes gain partnership_id, and profile_access carries its record's partnership.
 */
async function partition(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const ids = await partnershipIds(client);
    await client.query("set maintenance_work_mem = '1GB'");
    await client.query('drop schema if exists part cascade');
    await client.query('create schema part');
    for (const table of tables) {
      const extra = table === 'profile_access' ? ', partnership_id uuid not null' : '';
      await client.query(`create table part.${table} (like public.${table} including defaults including constraints${extra}) partition by list (partnership_id)`);
      for (const [i, id] of ids.entries()) {
        await client.query(`create table part.${table}_${String(i).padStart(2, '0')} partition of part.${table} for values in ('${id}')`);
      }
    }
    await step('copy profiles', () => client.query('insert into part.profiles select * from public.profiles'));
    await step('copy profile_names', () => client.query('insert into part.profile_names select * from public.profile_names'));
    await step('copy profile_access', () => client.query(
      'insert into part.profile_access select a.*, p.partnership_id from public.profile_access a join public.profiles p on p.id = a.record_id'));
    const { rows } = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
      `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = any($1)
        order by pg_relation_size(('public.' || indexname)::regclass) desc`, [tables]);
    await step('primary keys and indexes', async () => {
      for (const table of tables) await client.query(`alter table part.${table} add primary key (partnership_id, id)`);
      for (const r of rows) {
        if (r.indexname.endsWith('_pkey')) continue;
        let def = r.indexdef.replace(` ON public.${r.tablename} `, ` ON part.${r.tablename} `);
        if (def.startsWith('CREATE UNIQUE')) def = def.replace(/USING (\w+) \(/, 'USING $1 (partnership_id, ');
        await client.query(def);
      }
    });
    await step('vacuum analyze', () => client.query(`vacuum analyze ${tables.map((t) => `part.${t}`).join(', ')}`));
  } finally {
    client.release();
  }
}

interface Size { table: string; rows: number; heap: number; indexes: number }

/** Each loaded table's rows, and its table (with TOAST) and index sizes, in both layouts. */
async function printSizes(pool: pg.Pool): Promise<void> {
  const a = await sizes(pool, 'public');
  const b = await sizes(pool, 'part');
  console.log('\n| table | rows | plain table GB | indexes GB | bytes a row | partitioned table GB | indexes GB |\n| --- | --: | --: | --: | --: | --: | --: |');
  for (const s of a) {
    const t = b.find((x) => x.table === s.table);
    console.log(`| ${s.table} | ${s.rows.toLocaleString('en-GB')} | ${gb(s.heap)} | ${gb(s.indexes)} | ${Math.round((s.heap + s.indexes) / s.rows)} | ${t ? gb(t.heap) : '-'} | ${t ? gb(t.indexes) : '-'} |`);
  }
}

async function sizes(pool: pg.Pool, schema: string): Promise<Size[]> {
  const { rows } = await pool.query<Size>(
    `select t.name as table, sum(c.reltuples)::bigint::float8 as rows,
            sum(pg_table_size(c.oid))::float8 as heap, sum(pg_indexes_size(c.oid))::float8 as indexes
       from unnest($2::text[]) t(name)
       cross join lateral (select ($1 || '.' || t.name)::regclass as relid
                           union select relid from pg_partition_tree(($1 || '.' || t.name)::regclass)) pt
       join pg_class c on c.oid = pt.relid
      group by t.name order by t.name`, [schema, tables]);
  return rows;
}

const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());

type Next = () => { text: string; values: unknown[]; name?: string };

/**
 * A statement measured on both layouts, or on the partitioned one only (`plain` unset). A
 * `prepared` one is a named statement run with a generic plan (plan_cache_mode), planned once per
 * connection: PostgreSQL's own choice keeps re-planning a partitioned statement every time.
 */
interface Scenario { name: string; plain?: Next; partitioned: Next; prepared?: boolean }

/** The profile page with the partition key in every clause that reads a partitioned table (profile_access has it only when partitioned). */
const keyedPageSql = `${profilePageSql} and p.partnership_id = $2`
  .replace('where n.profile_id = p.id', 'where n.profile_id = p.id and n.partnership_id = $2')
  .replace('where a.record_id = p.id', 'where a.record_id = p.id and a.partnership_id = $2');

async function measure(databaseUrl: string, seconds: number, warmup: number, forceName: string): Promise<void> {
  const plain = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c jit=off' });
  const parted = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c jit=off -c search_path=part,public' });
  const generic = '-c plan_cache_mode=force_generic_plan';
  const plainPrepared = new pg.Pool({ connectionString: databaseUrl, max: 10, options: `-c jit=off ${generic}` });
  const partedPrepared = new pg.Pool({ connectionString: databaseUrl, max: 10, options: `-c jit=off -c search_path=part,public ${generic}` });
  try {
    const { rows: [actor] } = await plain.query<BenchActor>(
      `select gen_random_uuid() as id, t.id as "teamId", o.id as "organisationId", p.id as "partnershipId"
         from partnerships p join organisations o on o.partnership_id = p.id and o.kind = 'police' join teams t on t.organisation_id = o.id and t.name = 'ASB team'
        where p.name = $1`, [`${forceName} Community Safety Partnership`]);
    if (!actor) throw new Error(`no force called ${forceName}`);
    const { rows: [held] } = await plain.query<{ n: number }>('select count(*)::int as n from profiles where partnership_id = $1', [actor.partnershipId]);
    console.log(`Measuring as ${forceName}'s police ASB team (${held!.n.toLocaleString('en-GB')} profiles in the force area)`);
    const profileIds = await openableIds(plain, 'profiles', actor, 2000);
    const terms = await searchTerms(plain, actor, 500);
    const ids = await partnershipIds(plain);
    const search = cycle(terms);
    const profile = cycle(profileIds);
    const force = cycle(ids);
    const searchNext: Next = () => ({ text: searchStatement.text, values: searchStatement.params(actor, search()) });
    const pageNext = (text: string, name?: string): Next => () => ({ text, values: pageParams(profile(), actor), ...(name ? { name } : {}) });
    const scenarios: Scenario[] = [
      { name: 'name search', plain: searchNext, partitioned: searchNext },
      { name: 'name search, prepared', plain: () => ({ ...searchNext(), name: 'search' }), partitioned: () => ({ ...searchNext(), name: 'search' }), prepared: true },
      { name: 'profile page', plain: pageNext(profilePageSql), partitioned: pageNext(profilePageSql) },
      // The actor's partnership is always known (outside it a record answers 404), so every read can carry it.
      { name: 'profile page + p.partnership_id', plain: pageNext(`${profilePageSql} and p.partnership_id = $2`), partitioned: pageNext(`${profilePageSql} and p.partnership_id = $2`) },
      { name: 'profile page, key in every clause', partitioned: pageNext(keyedPageSql) },
      { name: 'profile page, key in every clause, prepared', plain: pageNext(`${profilePageSql} and p.partnership_id = $2`, 'page'), partitioned: pageNext(keyedPageSql, 'keyed-page'), prepared: true },
      { name: 'count of a force\'s profiles', plain: () => ({ text: 'select count(*) from profiles where partnership_id = $1', values: [force()] }),
        partitioned: () => ({ text: 'select count(*) from profiles where partnership_id = $1', values: [force()] }) },
    ];
    const results: { layout: string; scenario: string; connections: number; stats: Stats }[] = [];
    for (const layout of ['plain', 'partitioned'] as const) {
      for (const scenario of scenarios) {
        const next = layout === 'plain' ? scenario.plain : scenario.partitioned;
        if (!next) continue;
        const pool = layout === 'plain' ? (scenario.prepared ? plainPrepared : plain) : (scenario.prepared ? partedPrepared : parted);
        for (const connections of [1, 10]) {
          await measureSql(pool, next, { connections, seconds: warmup });
          const stats = await measureSql(pool, next, { connections, seconds });
          if (stats.errors > 0) throw new Error(`${layout} ${scenario.name}: ${stats.samples.join('; ')}`);
          results.push({ layout, scenario: scenario.name, connections, stats });
          console.log(`  ${layout} ${scenario.name} x${connections}: p50 ${ms(stats.p50)} ms, p95 ${ms(stats.p95)} ms, ${Math.round(stats.perSecond)} q/s`);
        }
      }
    }
    const cells = (s: Stats | undefined) => (s ? `${ms(s.p50)} | ${ms(s.p95)} | ${Math.round(s.perSecond)}` : '- | - | -');
    const find = (layout: string, scenario: string, connections: number) =>
      results.find((x) => x.layout === layout && x.scenario === scenario && x.connections === connections)?.stats;
    console.log('\n| query | connections | plain p50 | p95 | q/s | partitioned p50 | p95 | q/s |\n| --- | --: | --: | --: | --: | --: | --: | --: |');
    for (const scenario of scenarios) {
      for (const connections of [1, 10]) {
        console.log(`| ${scenario.name} | ${connections} | ${cells(find('plain', scenario.name, connections))} | ${cells(find('partitioned', scenario.name, connections))} |`);
      }
    }
    const started = performance.now();
    await plain.query('select partnership_id, count(*) from profiles group by partnership_id');
    const plainAll = elapsed(started);
    const again = performance.now();
    await parted.query('select partnership_id, count(*) from profiles group by partnership_id');
    console.log(`\nEvery force's count in one statement: plain ${plainAll} s, partitioned ${elapsed(again)} s`);
  } finally {
    await Promise.all([plain, parted, plainPrepared, partedPrepared].map((p) => p.end()));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' }, profiles: { type: 'string' }, chunk: { type: 'string' }, 'load-minutes': { type: 'string' },
      seconds: { type: 'string' }, warmup: { type: 'string' }, steps: { type: 'string' }, force: { type: 'string' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): an empty PostgreSQL database, as a superuser.');
  const steps = new Set((values.steps ?? 'load,partition,measure').split(','));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c jit=off' });
  try {
    if (steps.has('load')) {
      const total = positive('profiles', values.profiles, 20_000_000);
      const chunk = positive('chunk', values.chunk, 1_000_000);
      console.log(`Loading up to ${total.toLocaleString('en-GB')} profiles over ${forces.length} forces:`);
      const started = performance.now();
      await setUp(databaseUrl);
      const loaded = await load(pool, total, chunk, positive('load-minutes', values['load-minutes'], 600));
      console.log(`Plain layout: ${loaded.toLocaleString('en-GB')} profiles in ${((performance.now() - started) / 60_000).toFixed(1)} minutes`);
    }
    if (steps.has('partition')) {
      const started = performance.now();
      console.log('Partitioned layout (a copy of the same rows):');
      await partition(pool);
      console.log(`Partitioned layout in ${((performance.now() - started) / 60_000).toFixed(1)} minutes`);
    }
    if (steps.has('measure')) {
      await measure(databaseUrl, positive('seconds', values.seconds, 10), positive('warmup', values.warmup, 3), values.force ?? 'Metropolitan Police');
    }
    if (steps.has('measure') || steps.has('sizes')) await printSizes(pool);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
