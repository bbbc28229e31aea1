/**
 * Benchmark of referrals and triage (bench/README.md), on a database bench/generate.ts has loaded:
 *
 *   node --import tsx bench/referrals.ts --database-url=postgres://... [--referrals=100000 --spread=50000 --seconds=15 --warmup=5
 *     --connections=10 --rate=100 --duration=60 --triagers=10 --only=desk|submissions --log-level=warn]
 *
 * Starts the server with a data encryption key and the public form's rate limits above the load,
 * makes the bench desk's form through the API (Demo County Police's ASB team, as its
 * administrator), and on the first run loads `referrals` referrals onto that desk and `spread`
 * over every other team, sealed under the same key (bench/load/referrals.ts). Then measures:
 * the desk's first page (open, and decided) at one connection and at `connections`, beside the
 * module's own statement run raw; `rate` public submissions a second to the form for `seconds`
 * with nobody at the desk; then for `duration` seconds while `triagers` members of the team work
 * the desk (list, open with likely matches, note, assign, decide). Exits non-zero if any request
 * failed or a submission answered did not land on the desk.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { FormDefinition } from '../src/shared/forms/definition.ts';
import type { ReferralStatusFilter } from '../src/shared/referrals.ts';
import { loadReferrals, type BenchDesk } from './load/referrals.ts';
import { deskOperations, deskStatement, workDesk, type DeskWork } from './referrals/desk.ts';
import { benchForm, benchFormSlug, benchKeyRing, checkSealedWith, endSessions, triageUsers, type Caller } from './referrals/setup.ts';
import { sendSubmissions, type Sent } from './referrals/submissions.ts';
import { measureApi, measureSql, type Load, type Stats } from './run/measure.ts';
import { actorOf } from './run/samples.ts';
import { csrfOf, signIn, startServer } from './run/server.ts';
import { explain } from './run/statement.ts';
import { benchDataEncryptionKey, benchSessionSecret } from './settings.ts';

/** A practitioner of the desk's team, and its administrator, who builds the form. */
const deskUser = 'police.asb@concord.test';
const deskAdmin = 'police.asb.lead@concord.test';
const pageSize = 50;

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const row = (name: string, s: Stats) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)} | ${s.requests} | ${s.errors} |`;
const head = ['| | p50 | p95 | p99 | per s | requests | failed |', '| --- | --: | --: | --: | --: | --: | --: |'];

async function deskCounts(pool: pg.Pool, teamId: string): Promise<string> {
  const { rows } = await pool.query<{ status: string; count: number }>(
    'select status, count(*)::int as count from referrals where team_id = $1 group by status order by count(*) desc', [teamId]);
  const { rows: [all] } = await pool.query<{ count: number }>('select count(*)::int as count from referrals');
  const total = rows.reduce((n, r) => n + r.count, 0);
  return `${total.toLocaleString('en-GB')} on the desk (${rows.map((r) => `${r.count.toLocaleString('en-GB')} ${r.status}`).join(', ')}); `
    + `${all!.count.toLocaleString('en-GB')} in all`;
}

/** Submissions and desk work at once; the desk stops when the last submission is answered. */
async function together(url: string, users: Caller[], definition: FormDefinition, rate: number, seconds: number): Promise<{ sent: Sent; work: DeskWork }> {
  let done = false;
  const working = workDesk(url, users, () => done);
  try {
    const sent = await sendSubmissions(url, benchFormSlug, definition, rate, seconds);
    done = true;
    return { sent, work: await working };
  } finally {
    done = true;
  }
}

interface Run {
  url: string;
  pool: pg.Pool;
  teamId: string;
  form: BenchDesk['form'];
  /** The figures' table, a row per measurement. */
  lines: string[];
}

/** The desk's first page, open and decided, through the API and as the module's own statement; returns their plans. */
async function measureDesk(run: Run, loads: Load[], warmup: (load: Load) => Load): Promise<{ failed: boolean; explained: string[] }> {
  const cookie = await signIn(run.url, deskUser);
  const explained: string[] = [];
  let failed = false;
  for (const status of ['open', 'triaged'] as ReferralStatusFilter[]) {
    const path = status === 'open' ? '/api/v1/referrals' : `/api/v1/referrals?status=${status}`;
    const statement = await deskStatement(run.teamId, status, pageSize);
    explained.push(`The desk's first page, ${status}:\n${await explain(run.pool, statement)}`);
    for (const load of loads) {
      await measureApi(run.url, cookie, () => path, warmup(load));
      const api = await measureApi(run.url, cookie, () => path, load);
      await measureSql(run.pool, () => statement, warmup(load));
      const sql = await measureSql(run.pool, () => statement, load);
      run.lines.push(row(`desk, ${status}, ${load.connections} conn., API`, api), row(`desk, ${status}, ${load.connections} conn., raw SQL`, sql));
      console.log(`desk, ${status}, ${load.connections} conn.: API/SQL ${(api.p50 / sql.p50).toFixed(1)}x at p50, ${(api.p95 / sql.p95).toFixed(1)}x at p95`);
      for (const sample of [...api.samples, ...sql.samples]) console.log(`  ${sample}`);
      failed ||= api.errors > 0 || sql.errors > 0;
    }
  }
  return { failed, explained };
}

const deskSize = async (run: Run) => (await run.pool.query<{ count: number }>('select count(*)::int as count from referrals where team_id = $1', [run.teamId])).rows[0]!.count;

/**
 * Submissions at `rate` a second, each phase after a warm-up at the same rate: for `seconds` with
 * nobody at the desk, then for `duration` seconds while the triage officers work it. Every
 * submission answered must be on the desk.
 */
async function measureSubmissions(run: Run, triagers: Caller[], rate: number, seconds: number, warmup: number, duration: number): Promise<boolean> {
  const before = await deskSize(run);
  // What a submission costs with nobody working the desk, to set beside the same rate with them.
  const cold = await sendSubmissions(run.url, benchFormSlug, run.form.definition, rate, warmup);
  const alone = await sendSubmissions(run.url, benchFormSlug, run.form.definition, rate, seconds);
  run.lines.push(row(`public submission alone, ${rate} a second for ${seconds} s`, alone.stats));
  const warm = await together(run.url, triagers, run.form.definition, rate, warmup);
  const { sent, work } = await together(run.url, triagers, run.form.definition, rate, duration);
  const landed = await deskSize(run) - before - cold.sent - alone.sent - warm.sent.sent;
  run.lines.push(row(`public submission with the desk worked, ${rate} a second for ${duration} s`, sent.stats));
  for (const op of deskOperations) run.lines.push(row(`desk at the same time: ${op}`, work.stats[op]));
  run.lines.push('', `Submissions: ${sent.sent} sent, ${sent.achieved.toFixed(1)} answered a second, ${landed} on the desk afterwards; `
    + `the sender was at most ${ms(sent.lateBy)} ms late. Desk: ${Object.entries(work.decided).map(([d, n]) => `${n} ${d}`).join(', ')}; ${work.errors} failed.`);
  for (const sample of [...cold.stats.samples, ...alone.stats.samples, ...warm.sent.stats.samples, ...warm.work.samples, ...sent.stats.samples, ...work.samples]) console.log(`  ${sample}`);
  return cold.stats.errors > 0 || alone.stats.errors > 0 || warm.sent.stats.errors > 0 || warm.work.errors > 0 || sent.stats.errors > 0 || work.errors > 0 || landed !== sent.sent;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      referrals: { type: 'string', default: '100000' },
      spread: { type: 'string', default: '50000' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      rate: { type: 'string', default: '100' },
      duration: { type: 'string', default: '60' },
      triagers: { type: 'string', default: '10' },
      only: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  if (values.only !== undefined && values.only !== 'desk' && values.only !== 'submissions') throw new Error('--only is desk or submissions');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  const warmup = (load: Load): Load => ({ connections: load.connections, seconds: Number(values.warmup) });
  const rate = Number(values.rate);

  // The server inherits these: the key it seals and opens with (the loader seals with the same),
  // and the public form's limits set above the load, twice what the run sends in each window.
  const env = {
    CONCORD_DEMO: 'true',
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: process.env.SESSION_SECRET ?? benchSessionSecret,
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? benchDataEncryptionKey,
    REFERRAL_RATE_LIMIT_PER_FORM: String(Math.ceil(rate * 60 * 2)),
    REFERRAL_RATE_LIMIT_PER_ADDRESS: String(Math.ceil(rate * 600 * 2)),
  };
  Object.assign(process.env, env);
  const ring = benchKeyRing(env);

  // Settings as the server's own connections have them (src/server/db/connection.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...loads.map((l) => l.connections)), options: '-c TimeZone=UTC -c jit=off' });
  const server = await startServer(databaseUrl, env.SESSION_SECRET, values['log-level']);
  let failed = false;
  let explained: string[] = [];
  let triagers: Caller[] = [];
  const lines = [...head];
  try {
    const { teamId } = await actorOf(pool, deskUser);
    const adminCookie = await signIn(server.url, deskAdmin);
    const admin: Caller = { id: (await actorOf(pool, deskAdmin)).id, cookie: adminCookie, csrf: csrfOf(adminCookie) };
    const form = await benchForm(server.url, pool, admin, teamId);
    await checkSealedWith(pool, ring, teamId);
    const run: Run = { url: server.url, pool, teamId, form, lines };

    const existing = await deskSize(run);
    const missing = Number(values.referrals) - existing;
    if (missing > 0) {
      const started = performance.now();
      // The spread is loaded with the desk's first load only: later runs top the desk up.
      const loaded = await loadReferrals(pool, ring, { teamId, form }, missing, existing === 0 ? Number(values.spread) : 0);
      console.log(`Loaded ${missing.toLocaleString('en-GB')} referrals onto the desk and ${loaded.elsewhere.toLocaleString('en-GB')} over ${loaded.teams} other teams `
        + `in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    console.log(`Desk of ${deskUser}'s team: ${await deskCounts(pool, teamId)}. Load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);

    if (values.only !== 'submissions') {
      const desk = await measureDesk(run, loads, warmup);
      explained = desk.explained;
      failed ||= desk.failed;
    }
    if (values.only !== 'desk') {
      triagers = await triageUsers(pool, teamId, Number(values.triagers));
      failed ||= await measureSubmissions(run, triagers, rate, seconds, Number(values.warmup), Number(values.duration));
    }
  } finally {
    await endSessions(pool, triagers);
    await server.stop();
    await pool.end();
  }
  console.log(`\n${[...explained, lines.join('\n')].join('\n\n')}\n(latencies in ms)`);
  if (failed) {
    console.error('Some requests failed.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
