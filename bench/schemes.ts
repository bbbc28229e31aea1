/**
 * Benchmark of the Keep Safe Card's emergency look-up and its review sweep (bench/README.md), on a
 * database bench/generate.ts has loaded:
 *
 *   node --import tsx bench/schemes.ts --database-url=postgres://... [--seconds=10 --warmup=3 --connections=10
 *     --holders=5000 --others=1400 --log-level=warn]
 *
 * Setup (once per database, kept): a Keep Safe scheme in every partnership that has none, run by
 * its first team, with `holders` cardholders in Demo County and `others` in each other partnership
 * (the seeds' 1,400), each with an active card. Measures, at one connection and at `connections`,
 * the look-up as the flagged demo sergeant by card number and by name and date of birth, beside
 * the reads its use case sends run raw; then the review sweep's claim over the register.
 *
 * The look-up is limited to 20 a person in 10 minutes, so the load comes from `responders` flagged
 * members of the sergeant's team (`lookup.<n>@bench.concord.test`, no password, sessions written
 * straight to the database as the insights bench does), taken in turn; before each scenario their
 * earlier look-ups are moved back an hour. The limit's count still runs on every request.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newCardNumber } from '../src/shared/schemes.ts';
import { lookUp } from '../src/server/modules/schemes/lookup.ts';
import * as q from '../src/server/modules/schemes/queries.ts';
import type { Actor } from '../src/server/platform/access/actor.ts';
import { measureStatements, statementsOf } from './insights/statements.ts';
import { cycle, measureRequests, type ApiRequest, type Load, type Stats } from './run/measure.ts';
import { randomToken, sha256 } from '../src/server/platform/auth/crypto.ts';
import { csrfCookie, sessionCookie } from '../src/server/platform/http/auth-guard.ts';
import { startServer } from './run/server.ts';
import type { Statement } from './run/statement.ts';
import { benchSessionSecret } from './settings.ts';

const responder = 'police.asb.lead@concord.test';
const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const cells = (s: Stats) => `${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)}`;

/** `count` flagged people in the sergeant's team, each with a fresh session: the headers of each. */
async function responders(pool: pg.Pool, actor: Actor, count: number): Promise<{ headers: Record<string, string>[]; hashes: string[] }> {
  const { rows } = await pool.query<{ id: string }>(`
    insert into users (id, team_id, email, name, role, scheme_look_up)
    select gen_random_uuid(), $1, 'lookup.' || k || '@bench.concord.test', 'Control room ' || k, 'read_only', true from generate_series(1, $2::int) k
    on conflict (email) do update set team_id = excluded.team_id, disabled_at = null, scheme_look_up = true returning id`, [actor.teamId, count]);
  const tokens = rows.map((r) => ({ userId: r.id, token: randomToken(), csrf: randomToken() }));
  await pool.query(`insert into sessions (token_hash, user_id, stage, csrf_token, expires_at)
    select h, u, 'full', c, now() + interval '2 hours' from unnest($1::text[], $2::uuid[], $3::text[]) as s(h, u, c)`,
  [tokens.map((t) => sha256(t.token)), tokens.map((t) => t.userId), tokens.map((t) => t.csrf)]);
  return {
    headers: tokens.map((t) => ({ cookie: `${sessionCookie}=${t.token}; ${csrfCookie}=${t.csrf}`, 'x-csrf-token': t.csrf })),
    hashes: tokens.map((t) => sha256(t.token)),
  };
}

async function actorOf(pool: pg.Pool, email: string): Promise<Actor> {
  const { rows: [u] } = await pool.query<{ id: string; name: string; role: Actor['role']; is_supervisor: boolean; team_id: string; organisation_id: string; partnership_id: string }>(
    `select u.id, u.name, u.role, u.is_supervisor, u.team_id, t.organisation_id, o.partnership_id
       from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.email = $1`, [email]);
  if (!u) throw new Error(`${email} is not in this database: run bench/generate.ts on it first`);
  return { kind: 'user', id: u.id, name: u.name, role: u.role, isSupervisor: u.is_supervisor, teamId: u.team_id, organisationId: u.organisation_id, partnershipId: u.partnership_id, readOnly: false, schemeLookUp: true };
}

/** A scheme in every partnership without one, run by the partnership's first team. */
async function ensureSchemes(pool: pg.Pool): Promise<void> {
  await pool.query(`
    insert into schemes (id, partnership_id, key, name, team_id)
    select gen_random_uuid(), p.id, 'keep-safe', 'Keep Safe Card',
           (select t.id from teams t join organisations o on o.id = t.organisation_id where o.partnership_id = p.id order by t.name, t.id limit 1)
      from partnerships p where not exists (select 1 from schemes s where s.partnership_id = p.id and s.key = 'keep-safe')`);
}

/** Tops each scheme's register up to `wanted` holders, from the partnership's people with a date of birth. */
async function fillRegister(pool: pg.Pool, schemeId: string, partnershipId: string, wanted: number): Promise<number> {
  const { rows: [had] } = await pool.query<{ n: number }>(`select count(*)::int as n from cardholders where scheme_id = $1`, [schemeId]);
  const missing = wanted - had!.n;
  if (missing <= 0) return 0;
  const { rows } = await pool.query<{ id: string }>(`
    select p.id from profiles p
     where p.partnership_id = $1 and p.merged_into_id is null and p.date_of_birth is not null
       and not exists (select 1 from cardholders c where c.scheme_id = $2 and c.profile_id = p.id)
     order by md5(p.id::text) limit $3`, [partnershipId, schemeId, missing]);
  const { rows: held } = await pool.query<{ card_number: string }>(`select card_number from scheme_cards where scheme_id = $1`, [schemeId]);
  const taken = new Set(held.map((c) => c.card_number));
  const numbers = rows.map(() => {
    let number: string;
    do number = newCardNumber(Math.random); while (taken.has(number));
    taken.add(number);
    return number;
  });
  await pool.query(`
    with holders as (
      insert into cardholders (id, partnership_id, scheme_id, profile_id, condition, communication, carers, emergency_contacts, joined_on, review_due_on)
      select gen_random_uuid(), $1, $2, p, 'Autism; may not answer to their name', 'Speak slowly, one question at a time; give time to answer',
             '[{"name":"A carer","phone":"07700 900123"}]'::jsonb, '[{"name":"A neighbour","phone":"07700 900456"}]'::jsonb,
             current_date - (abs(hashtext(p::text)) % 700), current_date + 30 + (abs(hashtext(p::text)) % 700)
        from unnest($3::uuid[]) p
      returning id, profile_id, joined_on)
    insert into scheme_cards (id, scheme_id, cardholder_id, card_number, issued_on, expires_on, issue_reason)
    select gen_random_uuid(), $2, h.id, n.number, h.joined_on, h.joined_on + interval '2 years', 'new'
      from holders h join unnest($3::uuid[], $4::text[]) as n(profile_id, number) on n.profile_id = h.profile_id`,
  [partnershipId, schemeId, rows.map((r) => r.id), numbers]);
  return rows.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      holders: { type: 'string', default: '5000' },
      others: { type: 'string', default: '1400' },
      responders: { type: 'string', default: '2000' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  process.env.CONCORD_DEMO_DATA = 'false';
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(values.connections) + 1, options: '-c TimeZone=UTC -c jit=off' });
  const actor = await actorOf(pool, responder);
  await pool.query(`update users set scheme_look_up = true where id = $1`, [actor.id]);
  await ensureSchemes(pool);
  const { rows: schemes } = await pool.query<{ id: string; partnership_id: string }>(`select id, partnership_id from schemes where key = 'keep-safe' order by partnership_id`);
  let added = 0;
  for (const s of schemes) added += await fillRegister(pool, s.id, s.partnership_id, s.partnership_id === actor.partnershipId ? Number(values.holders) : Number(values.others));
  await pool.query('analyze cardholders; analyze scheme_cards; analyze scheme_lookups');
  const ownScheme = schemes.find((s) => s.partnership_id === actor.partnershipId)!;
  const { rows: [size] } = await pool.query<{ own: number; all: number }>(
    `select count(*) filter (where scheme_id = $1)::int as own, count(*)::int as all from cardholders`, [ownScheme.id]);
  const { rows: sample } = await pool.query<{ card_number: string; first_name: string; last_name: string; date_of_birth: string }>(`
    select k.card_number, p.first_name, p.last_name, p.date_of_birth::text
      from cardholders c join scheme_cards k on k.cardholder_id = c.id and k.status = 'active' join profiles p on p.id = c.profile_id
     where c.scheme_id = $1 and c.status in ('active', 'review_due')
       and (select count(*) from profiles q where q.partnership_id = p.partnership_id and q.date_of_birth = p.date_of_birth
              and q.first_name = p.first_name and q.last_name = p.last_name) = 1
     order by md5(c.id::text) limit 200`, [ownScheme.id]);

  const reason = 'Control room: a caller reports a distressed man at the bus station holding this card';
  const byCard = sample.map((s) => ({ cardNumber: s.card_number, reason }));
  const byName = sample.map((s) => ({ firstName: s.first_name, lastName: s.last_name, dateOfBirth: s.date_of_birth, reason }));
  const readsOf = async (body: (typeof byCard)[number] | (typeof byName)[number]): Promise<Statement[]> =>
    (await statementsOf(pool, actor, (ctx) => lookUp(ctx, 'keep-safe', body))).filter((s) => /^\s*(with|select)\b/i.test(s.text));

  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const lines: string[] = [
    `Keep Safe registers: ${size!.own.toLocaleString('en-GB')} cardholders in Demo County, ${size!.all.toLocaleString('en-GB')} in ${schemes.length} partnerships (${added.toLocaleString('en-GB')} added by this run).`, '',
    '| look-up | connections | API p50 | p95 | p99 | req/s | raw SQL (its reads) p50 | p95 | p99 | q/s | failed |', '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  const callers = await responders(pool, actor, Number(values.responders));
  const userIds = `(select id from users where email like 'lookup.%@bench.concord.test')`;
  try {
    const common = { accept: 'application/json', 'content-type': 'application/json' };
    for (const [name, bodies] of [['by card number', byCard], ['by name and date of birth', byName]] as const) {
      const statements = await Promise.all(bodies.slice(0, 50).map(readsOf));
      for (const load of loads) {
        await pool.query(`update scheme_lookups set at = at - interval '1 hour' where user_id in ${userIds} and at > now() - interval '11 minutes'`);
        const body = cycle(bodies.map((b) => JSON.stringify(b)));
        const caller = cycle(callers.headers);
        const next = (): ApiRequest => ({ method: 'POST', path: '/api/v1/schemes/keep-safe/lookup', body: body(), headers: caller() });
        await measureRequests(server.url, common, next, { connections: load.connections, seconds: Number(values.warmup) });
        const api = await measureRequests(server.url, common, next, load);
        const raw = await measureStatements(pool, cycle(statements), load);
        lines.push(`| ${name} | ${load.connections} | ${cells(api)} | ${cells(raw)} | ${api.errors + raw.errors} |`);
        if (api.errors) lines.push(`  failures: ${api.samples.join(' / ')}`);
      }
    }
    // The sweep's claim of one batch (500) on a day ninety days on, when many holders are due: in a transaction rolled back.
    const later = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    lines.push('');
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      let claimed = 0;
      await statementsOf(pool, actor, async (ctx) => {
        claimed = (await q.claimRemovals(ctx.tx, later, 500)).length + (await q.claimReviewsDue(ctx.tx, later, 500)).length;
      });
      lines.push(`Review sweep, one batch claimed on ${later}: ${claimed} holders in ${ms(performance.now() - started)} ms.`);
    }
  } finally {
    await pool.query(`update sessions set ended_at = now(), end_reason = 'signed_out' where token_hash = any($1) and ended_at is null`, [callers.hashes]);
    await server.stop();
    await pool.end();
  }
  console.log(lines.join('\n'));
}

await main();
