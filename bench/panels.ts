/**
 * Benchmark of a panel meeting (bench/README.md), on a database bench/generate.ts has loaded:
 *
 *   node --import tsx bench/panels.ts --database-url=postgres://... [--seconds=15 --warmup=5 --connections=10 --people=50 --log-level=warn]
 *
 * Starts the server, prepares the partnership in SQL (bench/panels/setup.ts: eight member
 * agencies, a researcher in each, a reader in a member agency who may open none of the people),
 * then builds a MARAC meeting through the API as its coordinator and the agencies would (a panel,
 * 50 referrals, a meeting with all 50 on its agenda, research from all eight agencies on every
 * item, 20 items minuted with two actions each), timing each step. Then measures opening the
 * meeting (`GET /api/v1/meetings/:id`) at one connection and at `connections`, as the chair (every
 * item whole) beside the same page as one raw statement, and as the reader (every item a stub).
 * Exits non-zero if any request failed.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Meeting } from '../src/shared/api/panels.ts';
import { buildMeeting, type Caller, type Step } from './panels/build.ts';
import { meetingPageSql } from './panels/raw.ts';
import { endSessions, prepare } from './panels/setup.ts';
import { measureApi, measureSql, statsOf, type Load, type Stats } from './run/measure.ts';
import { csrfOf, signIn, startServer } from './run/server.ts';
import { benchSessionSecret } from './settings.ts';

const coordinatorEmail = 'police.asb.lead@concord.test';

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const row = (name: string, s: Stats) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)} | ${s.requests} | ${s.errors} |`;
const ratio = (name: string, api: Stats, sql: Stats) => `${name}: API/SQL ${(api.p50 / sql.p50).toFixed(1)}x at p50, ${(api.p95 / sql.p95).toFixed(1)}x at p95`;

function stepRow(s: Step): string {
  const stats = statsOf(s.latencies, 0, s.ms / 1000, []);
  return `| ${s.name} | ${s.latencies.length} | ${(s.ms / 1000).toFixed(1)} | ${ms(stats.p50)} | ${ms(stats.p95)} |`;
}

/** What each reader is shown, to say what the figures are for. */
async function shown(url: string, who: Caller, meetingId: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/meetings/${meetingId}`, { headers: { cookie: who.cookie, accept: 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET /api/v1/meetings/${meetingId} answered ${response.status}: ${text.slice(0, 300)}`);
  const meeting = JSON.parse(text) as Meeting;
  const count = (f: (i: Meeting['agenda'][number]) => number) => meeting.agenda.reduce((n, i) => n + f(i), 0);
  return `${meeting.agenda.length} items (${count((i) => (i.restricted ? 1 : 0))} restricted), ${count((i) => i.research.length)} research, `
    + `${count((i) => i.actions.length)} actions, ${count((i) => (i.minutes ? 1 : 0))} minuted; ${(text.length / 1024).toFixed(0)} kB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      people: { type: 'string', default: '50' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  const warmup = (load: Load): Load => ({ connections: load.connections, seconds: Number(values.warmup) });

  // Settings as the server's own connections have them (src/server/db/connection.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...loads.map((l) => l.connections)), options: '-c TimeZone=UTC -c jit=off' });
  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const lines = ['| | p50 | p95 | p99 | per s | requests | failed |', '| --- | --: | --: | --: | --: | --: | --: |'];
  const ratios: string[] = [];
  const building = ['| step | requests | seconds | p50 ms | p95 ms |', '| --- | --: | --: | --: | --: |'];
  let failed = false;
  try {
    const setting = await prepare(pool, coordinatorEmail, Number(values.people));
    const cookie = await signIn(server.url, coordinatorEmail);
    const chair: Caller = { cookie, csrf: csrfOf(cookie) };
    try {
      const started = performance.now();
      const { meetingId, steps } = await buildMeeting(server.url, setting, chair);
      const total = (performance.now() - started) / 1000;
      building.push(...steps.map(stepRow), `| all | ${steps.reduce((n, s) => n + s.latencies.length, 0)} | ${total.toFixed(1)} | | |`);
      console.log(`Meeting ${meetingId}:\n  the chair sees ${await shown(server.url, chair, meetingId)}\n  the reader sees ${await shown(server.url, setting.reader, meetingId)}`);

      const path = () => `/api/v1/meetings/${meetingId}`;
      const statement = { text: meetingPageSql, values: [meetingId] };
      for (const load of loads) {
        await measureApi(server.url, chair.cookie, path, warmup(load));
        const api = await measureApi(server.url, chair.cookie, path, load);
        await measureSql(pool, () => statement, warmup(load));
        const sql = await measureSql(pool, () => statement, load);
        await measureApi(server.url, setting.reader.cookie, path, warmup(load));
        const reader = await measureApi(server.url, setting.reader.cookie, path, load);
        lines.push(
          row(`meeting, the chair, ${load.connections} conn., API`, api),
          row(`meeting, the chair, ${load.connections} conn., raw SQL`, sql),
          row(`meeting, a member seeing stubs, ${load.connections} conn., API`, reader),
        );
        ratios.push(ratio(`the chair, ${load.connections} conn.`, api, sql));
        for (const sample of [...api.samples, ...sql.samples, ...reader.samples]) console.log(`  ${sample}`);
        failed ||= api.errors > 0 || sql.errors > 0 || reader.errors > 0;
      }
    } finally {
      await endSessions(pool, [...setting.researchers, setting.reader]);
    }
  } finally {
    await server.stop();
    await pool.end();
  }
  console.log(`\nBuilding the meeting:\n${building.join('\n')}\n\nOpening it:\n${lines.join('\n')}\n(latencies in ms)\n\n${ratios.join('\n')}`);
  if (failed) {
    console.error('Some requests failed.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
