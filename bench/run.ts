/**
 * Load benchmark of Concord on a generated database (bench/README.md):
 *
 *   node --import tsx bench/run.ts --database-url=postgres://... [--seconds=15 --warmup=5 --connections=10 --only=<text> --import]
 *
 * Starts the server on the database, signs in a demo practitioner, and measures name search, the
 * profile page, the case page and the long-timeline profile's first timeline page through the API
 * with autocannon, then the same reads as raw SQL on a pool of as many clients as connections:
 * prepared once per connection, as the API's statements are, and again unprepared.
 * Exits non-zero if any request failed.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchSessionSecret } from './settings.ts';
import { measureImport, type ImportTiming } from './run/import.ts';
import { cycle, measureApi, measureSql, type Load, type Stats } from './run/measure.ts';
import { casePageSql, pageParams, profilePageSql, searchStatement } from './run/raw.ts';
import { samplesFor, type Samples } from './run/samples.ts';
import { signIn, startServer } from './run/server.ts';
import { timelineProfile, timelineStatement } from './work/timeline.ts';

const benchUser = 'police.asb@concord.test';
const importer = 'police.asb.lead@concord.test';

interface Scenario {
  name: string;
  api: () => string;
  /** Named, so each connection prepares it once, as the API prepares its own. */
  sql: () => { name: string; text: string; values: unknown[] };
}

function scenarios(s: Samples, timeline: { id: string; statement: { text: string; values: unknown[] } }): Scenario[] {
  const term = cycle(s.searches);
  const profile = cycle(s.profileIds);
  const caseId = cycle(s.caseIds);
  const searchTerm = cycle(s.searches);
  return [
    {
      name: 'name search',
      api: () => `/api/v1/search?q=${encodeURIComponent(term())}`,
      sql: () => ({ name: 'raw_search', text: searchStatement.text, values: searchStatement.params(s.actor, searchTerm()) }),
    },
    { name: 'profile page', api: () => `/api/v1/profiles/${profile()}`, sql: () => ({ name: 'raw_profile_page', text: profilePageSql, values: pageParams(profile(), s.actor) }) },
    { name: 'case page', api: () => `/api/v1/cases/${caseId()}`, sql: () => ({ name: 'raw_case_page', text: casePageSql, values: pageParams(caseId(), s.actor) }) },
    { name: 'timeline page', api: () => `/api/v1/profiles/${timeline.id}/timeline?limit=50`, sql: () => ({ name: 'raw_timeline_page', ...timeline.statement }) },
  ];
}

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;

interface Result {
  name: string;
  api: Stats;
  sql: Stats;
  /** The same statement sent unnamed, so planned every time, as these figures were measured before 7 December 2026. */
  planned: Stats;
}

function table(rows: Result[]): string {
  const head = ['', 'API p50', 'p95', 'p99', 'req/s', 'SQL p50', 'p95', 'p99', 'req/s', 'API/SQL p50', 'p95', 'req/s', 'unprepared SQL p95', 'API/it'];
  const body = rows.map(({ name, api, sql, planned }) => [
    name, ms(api.p50), ms(api.p95), ms(api.p99), api.perSecond.toFixed(0), ms(sql.p50), ms(sql.p95), ms(sql.p99), sql.perSecond.toFixed(0),
    ratio(api.p50, sql.p50), ratio(api.p95, sql.p95), ratio(sql.perSecond, api.perSecond), ms(planned.p95), ratio(api.p95, planned.p95),
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line), '(latencies in ms; req/s ratio is SQL over API)'].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      'log-level': { type: 'string', default: 'info' },
      only: { type: 'string', default: '' },
      import: { type: 'boolean', default: false },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const load: Load = { connections: Number(values.connections), seconds: Number(values.seconds) };
  const warmup: Load = { connections: load.connections, seconds: Number(values.warmup) };

  const pool = new pg.Pool({ connectionString: databaseUrl, max: load.connections, options: '-c TimeZone=UTC' });
  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const results: Result[] = [];
  let imported: ImportTiming | null = null;
  try {
    const samples = await samplesFor(pool, benchUser);
    console.log(`Bench user ${benchUser}: ${samples.profileIds.length} profiles and ${samples.caseIds.length} cases to open, ${samples.searches.length} search terms.`);
    const long = await timelineProfile(pool);
    const timeline = { id: long.id, statement: await timelineStatement(samples.actor, long, 50) };
    const cookie = await signIn(server.url, benchUser);
    for (const scenario of scenarios(samples, timeline).filter((s) => s.name.includes(values.only))) {
      await measureApi(server.url, cookie, scenario.api, warmup);
      const api = await measureApi(server.url, cookie, scenario.api, load);
      await measureSql(pool, scenario.sql, warmup);
      const sql = await measureSql(pool, scenario.sql, load);
      const unnamed = () => ({ ...scenario.sql(), name: undefined });
      await measureSql(pool, unnamed, warmup);
      const planned = await measureSql(pool, unnamed, load);
      console.log(`${scenario.name}: API ${api.requests} requests (${api.errors} failed), SQL ${sql.requests + planned.requests} queries (${sql.errors + planned.errors} failed)`);
      for (const sample of [...api.samples, ...sql.samples, ...planned.samples]) console.log(`  ${sample}`);
      results.push({ name: scenario.name, api, sql, planned });
    }
    if (values.import) imported = await measureImport(server.url, await signIn(server.url, importer), 720);
  } finally {
    await server.stop();
    await pool.end();
  }
  console.log(`\n${load.connections} connections, ${load.seconds} s each after ${warmup.seconds} s of warm-up:\n${table(results)}`);
  if (imported) {
    const { rows, dryRunMs, importMs, summary } = imported;
    console.log(`\nImport of ${rows} rows as ${importer}: dry run ${(dryRunMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s (${summary.create} created, ${summary.match} matched, ${summary.error} errors)`);
  }
  if (results.some((r) => r.api.errors > 0 || r.sql.errors > 0 || r.planned.errors > 0)) {
    console.error('Some requests failed.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
