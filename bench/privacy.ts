/**
 * Benchmark of who looked at a person and of the access predicate's user branch (bench/README.md),
 * on a database bench/generate.ts has loaded:
 *
 *   node --import tsx bench/privacy.ts --database-url=postgres://... [--seconds=10 --warmup=3 --connections=10
 *     --events=50000 --grants=1000 --log-level=warn]
 *
 * Setup (once per database, kept): `events` audit events by 300 of Demo County's staff on one
 * profile of the police ASB team and on its reports, spread over the last year. Measures, at one
 * connection and at `connections`: the profile's viewers list (first page and a page deep in it)
 * as the team's admin and "recently viewed by" as its practitioner, each beside the statements its
 * use case sends run raw; then the practitioner's people list, search and home page without and
 * with `grants` live emergency grants of their own (inserted for the run and deleted after it),
 * which is what the predicate's user branch (D1) costs every list.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { recentViewers, listViewers } from '../src/server/modules/data-protection/viewers/service.ts';
import type { Actor } from '../src/server/platform/access/actor.ts';
import { encodeCursor } from '../src/server/platform/cursor.ts';
import { measureStatements, statementsOf } from './insights/statements.ts';
import { cycle, measureApi, type Load, type Stats } from './run/measure.ts';
import { signIn, startServer } from './run/server.ts';
import type { Statement } from './run/statement.ts';
import { benchSessionSecret } from './settings.ts';

const lead = 'police.asb.lead@concord.test';
const practitioner = 'police.asb@concord.test';

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const apiCells = (s: Stats) => `${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)}`;

async function actorOf(pool: pg.Pool, email: string): Promise<Actor> {
  const { rows: [u] } = await pool.query<{ id: string; name: string; role: Actor['role']; is_supervisor: boolean; team_id: string; organisation_id: string; partnership_id: string }>(
    `select u.id, u.name, u.role, u.is_supervisor, u.team_id, t.organisation_id, o.partnership_id
       from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.email = $1`, [email]);
  if (!u) throw new Error(`${email} is not in this database: run bench/generate.ts on it first`);
  return { kind: 'user', id: u.id, name: u.name, role: u.role, isSupervisor: u.is_supervisor, teamId: u.team_id, organisationId: u.organisation_id, partnershipId: u.partnership_id, readOnly: false };
}

/** The ASB team's profile with the most reports: the long timeline, whose viewers list is the longest. */
async function benchProfile(pool: pg.Pool, owner: Actor): Promise<string> {
  const { rows: [p] } = await pool.query<{ id: string }>(
    `select p.id from profiles p where p.owner_team_id = $1 and p.merged_into_id is null
      order by (select count(*) from reports r where r.record_kind = 'profile' and r.record_id = p.id) desc limit 1`, [owner.teamId]);
  if (!p) throw new Error('the ASB team owns no profile');
  return p.id;
}

/** Adds `events` staff events on the profile and its reports, unless it already has them. */
async function loadEvents(pool: pg.Pool, profileId: string, owner: Actor, events: number): Promise<number> {
  const { rows: [had] } = await pool.query<{ n: number }>(`select count(*)::int as n from audit_events where entity_type = 'profile' and entity_id = $1`, [profileId]);
  if (had!.n >= events / 2) return 0;
  const { rowCount } = await pool.query(`
    with staff as (
      select array_agg(u.id) as ids, array_agg(u.name) as names, array_agg(u.team_id) as teams, array_agg(t.organisation_id) as orgs
        from (select u.* from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id
               where o.partnership_id = $2 order by u.id limit 300) u join teams t on t.id = u.team_id),
    items as (select coalesce(array_agg(id), '{}') as ids from (select id from reports where record_kind = 'profile' and record_id = $1 limit 200) r)
    insert into audit_events (id, at, actor_kind, actor_id, actor_name, partnership_id, organisation_id, team_id, action, outcome,
                              entity_type, entity_id, subject_organisation_id, subject_team_id)
    select gen_random_uuid(), now() - make_interval(secs => (g * 631) % 31536000), 'user', s.ids[1 + g % cardinality(s.ids)], s.names[1 + g % cardinality(s.names)], $2,
           s.orgs[1 + g % cardinality(s.orgs)], s.teams[1 + g % cardinality(s.teams)],
           case when g % 2 = 0 and cardinality(i.ids) > 0 then 'report.viewed' when g % 5 = 0 then 'profile.updated' else 'profile.viewed' end, 'success',
           case when g % 2 = 0 and cardinality(i.ids) > 0 then 'report' else 'profile' end,
           case when g % 2 = 0 and cardinality(i.ids) > 0 then i.ids[1 + (g / 2) % cardinality(i.ids)] else $1::uuid end,
           $3, $4
      from generate_series(1, $5::int) g cross join staff s cross join items i`, [profileId, owner.partnershipId, owner.organisationId, owner.teamId, events]);
  return rowCount ?? 0;
}

async function addGrants(pool: pg.Pool, actor: Actor, grants: number): Promise<number> {
  const { rowCount } = await pool.query(`
    insert into profile_access (id, record_id, user_id, level, source, granted_by, expires_at)
    select gen_random_uuid(), p.id, $1, 'view', 'emergency', $1, now() + interval '2 hours'
      from profiles p where p.partnership_id = $2 and p.owner_team_id <> $3 order by p.id desc limit $4
    on conflict do nothing`, [actor.id, actor.partnershipId, actor.teamId, grants]);
  return rowCount ?? 0;
}

const dropGrants = (pool: pg.Pool, actor: Actor) => pool.query(`delete from profile_access where user_id = $1 and source = 'emergency'`, [actor.id]);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      events: { type: 'string', default: '50000' },
      grants: { type: 'string', default: '1000' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  process.env.CONCORD_DEMO_DATA = 'false';
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(values.connections), options: '-c TimeZone=UTC -c jit=off' });
  const admin = await actorOf(pool, lead);
  const officer = await actorOf(pool, practitioner);
  const profileId = await benchProfile(pool, admin);
  const added = await loadEvents(pool, profileId, admin, Number(values.events));
  const { rows: [count] } = await pool.query<{ n: number; mid: number }>(`
    select count(*)::int as n from audit_events e where (e.entity_type, e.entity_id) in (
      select 'profile', $1::uuid union all select 'report', r.id from reports r where r.record_kind = 'profile' and r.record_id = $1)`, [profileId]);
  const { rows: [middle] } = await pool.query<{ seq: string }>(
    `select seq from audit_events where entity_type = 'profile' and entity_id = $1 order by seq desc offset $2 limit 1`, [profileId, Math.floor(count!.n / 4)]);
  const deep = encodeCursor([Number(middle!.seq)]);

  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const lines: string[] = [`Profile ${profileId}: ${count!.n.toLocaleString('en-GB')} audit events on it and its reports (${added.toLocaleString('en-GB')} added by this run).`, ''];
  try {
    const cookies: Record<string, string> = { [lead]: await signIn(server.url, lead), [practitioner]: await signIn(server.url, practitioner) };
    const reads: { name: string; who: string; path: string; statements: Statement[] }[] = [
      { name: 'viewers, first page (50)', who: lead, path: `/api/v1/profiles/${profileId}/viewers?limit=50`, statements: await statementsOf(pool, admin, (ctx) => listViewers(ctx, profileId, { what: 'all', limit: 50 })) },
      { name: 'viewers, a page a quarter down', who: lead, path: `/api/v1/profiles/${profileId}/viewers?limit=50&cursor=${deep}`, statements: await statementsOf(pool, admin, (ctx) => listViewers(ctx, profileId, { what: 'all', limit: 50, cursor: deep })) },
      { name: 'recently viewed by', who: practitioner, path: `/api/v1/profiles/${profileId}/recent-viewers`, statements: await statementsOf(pool, officer, (ctx) => recentViewers(ctx, profileId)) },
    ];
    lines.push('| | connections | API p50 | p95 | p99 | req/s | raw SQL p50 | p95 | p99 | q/s | failed |', '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
    for (const read of reads) {
      for (const load of loads) {
        await measureApi(server.url, cookies[read.who]!, () => read.path, { connections: load.connections, seconds: Number(values.warmup) });
        const api = await measureApi(server.url, cookies[read.who]!, () => read.path, load);
        const raw = await measureStatements(pool, () => read.statements, load);
        lines.push(`| ${read.name} | ${load.connections} | ${apiCells(api)} | ${apiCells(raw)} | ${api.errors + raw.errors} |`);
        if (api.errors) lines.push(`  failures: ${api.samples.join(' / ')}`);
      }
    }

    const { rows: names } = await pool.query<{ q: string }>(`select first_name || ' ' || last_name as q from profiles where partnership_id = $1 order by id limit 50`, [officer.partnershipId]);
    const lists = [
      { name: 'people list', next: () => '/api/v1/profiles?limit=50' },
      { name: 'search', next: cycle(names.map((n) => `/api/v1/search?q=${encodeURIComponent(n.q)}`)) },
      { name: 'home', next: () => '/api/v1/home' },
    ];
    const listLoad = loads[loads.length - 1]!;
    lines.push('', `The practitioner's lists at ${listLoad.connections} connections, without and with live emergency grants of their own:`, '',
      '| | grants | p50 | p95 | p99 | req/s | failed |', '| --- | --: | --: | --: | --: | --: | --: |');
    await dropGrants(pool, officer);
    for (const grants of [0, Number(values.grants)]) {
      const given = grants ? await addGrants(pool, officer, grants) : 0;
      await pool.query('analyze profile_access');
      for (const list of lists) {
        await measureApi(server.url, cookies[practitioner]!, list.next, { connections: listLoad.connections, seconds: Number(values.warmup) });
        const api = await measureApi(server.url, cookies[practitioner]!, list.next, listLoad);
        lines.push(`| ${list.name} | ${given} | ${apiCells(api)} | ${api.errors} |`);
      }
    }
  } finally {
    await dropGrants(pool, officer);
    await pool.query('analyze profile_access');
    await server.stop();
    await pool.end();
  }
  console.log(lines.join('\n'));
}

await main();
