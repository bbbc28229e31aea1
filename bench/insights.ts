/**
 * Benchmark of insights (bench/README.md), on a database bench/generate.ts has loaded:
 *
 *   node --import tsx bench/insights.ts --database-url=postgres://... [--seconds=15 --warmup=5 --connections=10
 *     --partnership="<name>" --team="Neighbourhood policing" --team-size=200 --only=overview|compliance|search
 *     --explain --log-level=warn]
 *
 * In a generated partnership (a twentieth of the scale; by default the last, all of whose record
 * was made in the last year), starts the server and measures at one connection and at
 * `connections`: the partnership's dashboard for the last year as a system administrator; the
 * compliance view of its police team `team` (by default the one owning about 6,000 people), grown
 * to `team-size` people, as the team's supervisor; and report text search for two-word phrases of
 * the generated reports as a practitioner of that team. Each beside the statements its use case
 * sends, recorded as it runs and then run raw. `--explain` prints the plan of each of those
 * statements first (EXPLAIN ANALYZE, BUFFERS). Exits non-zero if any request failed.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { getCompliance } from '../src/server/modules/insights/compliance/service.ts';
import { getOverview } from '../src/server/modules/insights/overview/service.ts';
import { searchReports } from '../src/server/modules/search/reports.ts';
import { addDays, londonToday } from '../src/server/platform/london.ts';
import type { Context } from '../src/server/platform/context.ts';
import { benchCallers, type Caller, type Callers } from './insights/setup.ts';
import { measureStatements, statementsOf } from './insights/statements.ts';
import { cycle, measureApi, type Load, type Stats } from './run/measure.ts';
import { startServer } from './run/server.ts';
import { explain, type Statement } from './run/statement.ts';
import { benchSessionSecret } from './settings.ts';

/**
 * What people type to find a report: phrases of the generated casework, each in about one report
 * in nine (a report is two to four of two dozen sentences), so each finds tens of thousands.
 */
const phrases = ['drug dealing', 'broken window', 'warning letter', 'noise diary', 'welfare check', 'bus shelter'];

interface Scenario {
  name: string;
  caller: Caller;
  /** The aim for p95 at `connections`, in ms. */
  aim: number | null;
  /** Each request's path and the statements its use case sends, in the same order. */
  requests: { path: string; statements: Statement[] }[];
}

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
const head = [
  '| | API p50 | p95 | p99 | req/s | raw SQL p50 | p95 | p99 | q/s | API/SQL p50 | p95 | failed |',
  '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
];
const row = (name: string, api: Stats, sql: Stats) =>
  `| ${name} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(api.p99)} | ${api.perSecond.toFixed(0)} | ${ms(sql.p50)} | ${ms(sql.p95)} | ${ms(sql.p99)} | `
  + `${sql.perSecond.toFixed(0)} | ${ratio(api.p50, sql.p50)} | ${ratio(api.p95, sql.p95)} | ${api.errors + sql.errors} |`;

async function scenarios(pool: pg.Pool, callers: Callers, only: string | undefined): Promise<Scenario[]> {
  const to = londonToday();
  const from = addDays(to, -364);
  const record = (caller: Caller, useCase: (ctx: Context) => Promise<unknown>) => statementsOf(pool, caller.actor, useCase);
  const all: (() => Promise<Scenario>)[] = [];
  if (!only || only === 'overview') {
    all.push(async () => ({
      name: 'partnership dashboard, a year',
      caller: callers.admin,
      aim: 1000,
      requests: [{
        path: `/api/v1/insights/overview?from=${from}&to=${to}`,
        statements: await record(callers.admin, (ctx) => getOverview(ctx, { from, to })),
      }],
    }));
  }
  if (!only || only === 'compliance') {
    all.push(async () => ({
      name: `compliance, ${callers.team.members}-person team`,
      caller: callers.supervisor,
      aim: 300,
      requests: [{
        path: `/api/v1/insights/compliance?teamId=${callers.team.id}`,
        statements: await record(callers.supervisor, (ctx) => getCompliance(ctx, { teamId: callers.team.id })),
      }],
    }));
  }
  if (!only || only === 'search') {
    all.push(async () => ({
      name: 'report text search',
      caller: callers.practitioner,
      aim: null,
      requests: await Promise.all(phrases.map(async (q) => ({
        path: `/api/v1/search/reports?q=${encodeURIComponent(q)}`,
        statements: await record(callers.practitioner, (ctx) => searchReports(ctx, { q, limit: 20 })),
      }))),
    }));
  }
  const built: Scenario[] = [];
  for (const make of all) built.push(await make());
  return built;
}

/** How many of the partnership's reports hold each phrase, whoever may read them. */
async function phraseCounts(pool: pg.Pool, partnershipId: string): Promise<string> {
  const counts: string[] = [];
  for (const q of phrases) {
    const { rows: [found] } = await pool.query<{ count: number }>(
      `select count(*)::int as count from reports where partnership_id = $1 and search_vector @@ websearch_to_tsquery('english', $2)`, [partnershipId, q]);
    counts.push(`"${q}" ${found!.count.toLocaleString('en-GB')}`);
  }
  return counts.join(', ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      partnership: { type: 'string' },
      team: { type: 'string', default: 'Neighbourhood policing' },
      'team-size': { type: 'string', default: '200' },
      only: { type: 'string' },
      explain: { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  if (values.only !== undefined && !['overview', 'compliance', 'search'].includes(values.only)) throw new Error('--only is overview, compliance or search');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  const warmup = (load: Load): Load => ({ connections: load.connections, seconds: Number(values.warmup) });

  // The generated database has its own data; the demo's data set would only be added to an empty one.
  process.env.CONCORD_DEMO_DATA = 'false';
  // Settings as the server's own connections have them (src/server/db/connection.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...loads.map((l) => l.connections)), options: '-c TimeZone=UTC -c jit=off' });
  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const lines = [...head];
  const aims: string[] = [];
  let failed = false;
  let callers: Callers | undefined;
  try {
    callers = await benchCallers(pool, values.partnership, values.team, Number(values['team-size']));
    console.log(`${callers.partnership.name}: ${callers.team.name}, ${callers.team.members} people owning ${callers.team.profiles.toLocaleString('en-GB')} profiles. `
      + `Load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
    if (!values.only || values.only === 'search') console.log(`Reports of the partnership holding each phrase: ${await phraseCounts(pool, callers.partnership.id)}.`);
    for (const scenario of await scenarios(pool, callers, values.only)) {
      if (values.explain) {
        for (const [i, statement] of scenario.requests[0]!.statements.entries()) {
          console.log(`\n${scenario.name}, statement ${i + 1} of ${scenario.requests[0]!.statements.length}:\n${statement.text}\n${await explain(pool, statement)}`);
        }
      }
      const path = cycle(scenario.requests.map((r) => r.path));
      const statements = cycle(scenario.requests.map((r) => r.statements));
      for (const load of loads) {
        await measureApi(server.url, scenario.caller.cookie, path, warmup(load));
        const api = await measureApi(server.url, scenario.caller.cookie, path, load);
        await measureStatements(pool, statements, warmup(load));
        const sql = await measureStatements(pool, statements, load);
        lines.push(row(`${scenario.name}, ${load.connections} conn.`, api, sql));
        console.log(`${scenario.name}, ${load.connections} conn.: API p95 ${ms(api.p95)} ms, raw SQL p95 ${ms(sql.p95)} ms (${scenario.requests[0]!.statements.length} statements)`);
        for (const sample of [...api.samples, ...sql.samples]) console.log(`  ${sample}`);
        failed ||= api.errors > 0 || sql.errors > 0;
        if (scenario.aim !== null && load === loads[loads.length - 1]) {
          aims.push(`${scenario.name}: p95 ${ms(api.p95)} ms at ${load.connections} connections, aim under ${scenario.aim} ms: ${api.p95 < scenario.aim ? 'met' : 'MISSED'}`);
        }
      }
    }
  } finally {
    await callers?.end();
    await server.stop();
    await pool.end();
  }
  console.log(`\n${lines.join('\n')}\n(latencies in ms; ${Number(values.seconds)} s each after ${Number(values.warmup)} s of warm-up)\n\n${aims.join('\n')}`);
  if (failed) {
    console.error('Some requests failed.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
