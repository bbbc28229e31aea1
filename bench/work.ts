/**
 * Benchmark of working together on a record (bench/README.md), on a database bench/generate.ts
 * has loaded with reports:
 *
 *   node --import tsx bench/work.ts --database-url=postgres://... [--seconds=15 --warmup=5 --connections=10 --readers=200 --saves=50]
 *
 * Starts the server, signs in the demo practitioner, and measures: the first page of the
 * long-timeline profile's timeline through the API at one connection and at `connections`,
 * beside the timeline module's own statement run raw; the home page and the supervision page;
 * report creation on many profiles; and the time from a report's save to its live update
 * reaching each of `readers` connected users.
 * Exits non-zero if any request failed or any live update was lost.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { reportSentences } from './data/reports.ts';
import { benchTeamEmail } from './load/reports.ts';
import { cycle, measureApi, measureRequests, measureSql, type Load, type Stats } from './run/measure.ts';
import { samplesFor } from './run/samples.ts';
import { csrfOf, signIn, startServer } from './run/server.ts';
import { benchSessionSecret } from './settings.ts';
import { measureDelivery, reportBody, type Delivery } from './work/delivery.ts';
import { createReaders } from './work/live.ts';
import { timelineProfile, timelineStatement } from './work/timeline.ts';

/** The bench team's supervisor, for the supervision page. */
const supervisorEmail = 'police.asb.lead@concord.test';

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const row = (name: string, s: Stats) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)} | ${s.requests} | ${s.errors} |`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      readers: { type: 'string', default: '200' },
      saves: { type: 'string', default: '50' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  const warmup = (load: Load): Load => ({ connections: load.connections, seconds: Number(values.warmup) });

  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...loads.map((l) => l.connections)), options: '-c TimeZone=UTC' });
  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const lines: string[] = [];
  let failed = false;
  try {
    const profile = await timelineProfile(pool);
    const samples = await samplesFor(pool, benchTeamEmail);
    const cookie = await signIn(server.url, benchTeamEmail);
    console.log(`Long timeline: profile ${profile.id} with ${profile.reports} reports; ${samples.profileIds.length} other profiles to write to.`);

    lines.push('| | p50 | p95 | p99 | per s | requests | failed |', '| --- | --: | --: | --: | --: | --: | --: |');
    const statement = await timelineStatement(samples.actor, profile, 50);
    for (const load of loads) {
      const path = () => `/api/v1/profiles/${profile.id}/timeline?limit=50`;
      await measureApi(server.url, cookie, path, warmup(load));
      const api = await measureApi(server.url, cookie, path, load);
      await measureSql(pool, () => statement, warmup(load));
      const sql = await measureSql(pool, () => statement, load);
      lines.push(row(`timeline page, ${load.connections} conn., API`, api), row(`timeline page, ${load.connections} conn., raw SQL`, sql));
      for (const sample of [...api.samples, ...sql.samples]) console.log(`  ${sample}`);
      failed ||= api.errors > 0 || sql.errors > 0;
    }

    // The day's pages gather several lists each, so they have no one statement to set beside them.
    const supervisorCookie = await signIn(server.url, supervisorEmail);
    for (const [name, pageCookie, path] of [['home page', cookie, '/api/v1/home'], ['supervision page', supervisorCookie, '/api/v1/supervision']] as const) {
      for (const load of loads) {
        await measureApi(server.url, pageCookie, () => path, warmup(load));
        const api = await measureApi(server.url, pageCookie, () => path, load);
        lines.push(row(`${name}, ${load.connections} conn., API`, api));
        for (const sample of api.samples) console.log(`  ${sample}`);
        failed ||= api.errors > 0;
      }
    }

    const target = cycle(samples.profileIds.filter((id) => id !== profile.id));
    const sentence = cycle(reportSentences);
    const headers = { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfOf(cookie) };
    const save = () => ({
      method: 'POST' as const,
      path: `/api/v1/profiles/${target()}/reports`,
      body: reportBody(sentence()),
      headers: { 'idempotency-key': randomUUID() },
    });
    const creation = loads[1]!;
    await measureRequests(server.url, headers, save, warmup(creation));
    const created = await measureRequests(server.url, headers, save, creation);
    lines.push(row(`report creation, ${creation.connections} conn.`, created));
    for (const sample of created.samples) console.log(`  ${sample}`);
    failed ||= created.errors > 0;

    const readers = await createReaders(pool, samples.actor.teamId, Number(values.readers));
    let delivery: Delivery;
    try {
      delivery = await measureDelivery(server.url, cookie, profile.id, readers.cookies, Number(values.saves));
    } finally {
      await readers.end();
    }
    // The long timeline keeps exactly its generated reports, run after run.
    await pool.query('delete from reports where id = any($1)', [delivery.reportIds]);
    lines.push(row(`saving a report with ${readers.cookies.length} listening`, delivery.save));
    for (const sample of delivery.save.samples) console.log(`  ${sample}`);
    const { latency } = delivery;
    lines.push('', `Live delivery to ${readers.cookies.length} readers of ${Number(values.saves)} reports saved one at a time: ` +
      `p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms, max ${ms(delivery.max)} ms; ${delivery.received} of ${delivery.expected} events received.`);
    failed ||= delivery.save.errors > 0 || delivery.received !== delivery.expected;
  } finally {
    await server.stop();
    await pool.end();
  }
  console.log(`\n${lines.join('\n')}\n(latencies in ms)`);
  if (failed) {
    console.error('Some requests failed or live updates were lost.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
