/**
 * Benchmark of assessments (bench/README.md), on a database bench/generate.ts has loaded:
 *
 *   node --import tsx bench/assessments.ts --database-url=postgres://... [--seconds=15 --warmup=5 --connections=10 --explain]
 *
 * Starts the server, signs in the demo practitioner, and measures at one connection and at
 * `connections`: the assessments list of the profile with 24 matrix reviews and the comparison of
 * its latest, each beside the assessments module's own statement run raw; the matrix statistics
 * of Demo County over the last year, without and with an area, beside the statistics module's
 * counting statement; and completing a matrix (start it with all 13 answers, then complete it) on many
 * profiles. `--explain` prints the plan of each raw statement (EXPLAIN ANALYZE) first; `--only=`
 * measures only the scenarios whose name contains it ("statistics", "matrix completions"). Exits
 * non-zero if any request failed.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { countCompleted } from '../src/server/modules/assessment-templates/statistics/queries.ts';
import { completedOnRecord, onRecord } from '../src/server/modules/assessments/queries.ts';
import type { Actor } from '../src/server/platform/access/actor.ts';
import type { Answers, TemplateDefinition } from '../src/shared/api/assessments.ts';
import { choiceKinds } from '../src/shared/assessments.ts';
import type { Role } from '../src/shared/roles.ts';
import { reviewsMarker } from './load/assessments.ts';
import { benchTeamEmail } from './load/reports.ts';
import { cycle, measureApi, measureSql, statsOf, type Load, type Stats } from './run/measure.ts';
import { samplesFor } from './run/samples.ts';
import { csrfOf, signIn, startServer } from './run/server.ts';
import { statementOf } from './run/statement.ts';
import { benchSessionSecret } from './settings.ts';

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const row = (name: string, s: Stats) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)} | ${s.requests} | ${s.errors} |`;
const ratio = (name: string, api: Stats, sql: Stats) => `${name}: API/SQL ${(api.p50 / sql.p50).toFixed(1)}x at p50, ${(api.p95 / sql.p95).toFixed(1)}x at p95`;
const matrixKey = 'asb-risk-matrix';

interface Setting {
  actor: Actor;
  profileId: string;
  latestId: string;
  matrix: { id: string; definition: TemplateDefinition };
  /** The postcode district with the most current addresses of Demo County's people. */
  district: string;
}

async function settingOf(pool: pg.Pool): Promise<Setting> {
  const { rows: [actor] } = await pool.query<Actor>(
    `select 'user' as kind, u.id, u.name, u.role, u.is_supervisor as "isSupervisor", u.team_id as "teamId", t.organisation_id as "organisationId",
            o.partnership_id as "partnershipId", false as "readOnly"
       from users u join teams t on t.id = u.team_id join organisations o on o.id = t.organisation_id where u.email = $1`, [benchTeamEmail]);
  if (!actor) throw new Error(`${benchTeamEmail} is not in this database: run bench/generate.ts on it first`);
  const { rows: [reviewed] } = await pool.query<{ id: string; latest: string }>(
    `select p.id, (select a.id from assessments a where a.record_kind = 'profile' and a.record_id = p.id and a.status = 'completed'
                    order by a.completed_at desc limit 1) as latest
       from profiles p where p.reason_created = $1`, [reviewsMarker]);
  if (!reviewed?.latest) throw new Error('no profile with matrix reviews: load the database with this version of bench/generate.ts');
  const { rows: [matrix] } = await pool.query<{ id: string; definition: TemplateDefinition }>(
    `select t.id, v.definition from assessment_templates t join assessment_template_versions v on v.template_id = t.id and v.version = t.version
      where t.partnership_id = $1 and t.key = $2`, [actor.partnershipId, matrixKey]);
  const { rows: [district] } = await pool.query<{ district: string }>(
    `select split_part(pa.postcode, ' ', 1) as district from profile_addresses pa join profiles p on p.id = pa.profile_id
      where p.partnership_id = $1 and pa.to_date is null and pa.postcode is not null group by 1 order by count(*) desc limit 1`, [actor.partnershipId]);
  return { actor: { ...actor, role: actor.role as Role }, profileId: reviewed.id, latestId: reviewed.latest, matrix: matrix!, district: district!.district };
}

/** Each question of the template answered with a random option, as a practitioner completing it would. */
function randomAnswers(definition: TemplateDefinition): Answers {
  const answers: Answers = {};
  for (const question of definition.sections.flatMap((s) => s.questions)) {
    answers[question.key] = question.options[Math.floor(Math.random() * question.options.length)]!.value;
  }
  return answers;
}

interface Completions {
  start: Stats;
  complete: Stats;
  both: Stats;
}

/**
 * Completing matrices at `connections` at once for `seconds`: each connection starts one on the
 * next profile (POST /assessments with every answer, a fresh Idempotency-Key as the web client
 * sends) and completes it (POST /assessments/:id/complete), then the next.
 */
async function measureCompletions(url: string, headers: Record<string, string>, nextProfile: () => string, definition: TemplateDefinition, load: Load): Promise<Completions> {
  const start: number[] = [];
  const complete: number[] = [];
  const both: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  const fail = async (response: Response) => {
    errors++;
    if (samples.length < 3) samples.push(`${response.status} ${(await response.text()).slice(0, 200)}`);
  };
  const until = performance.now() + load.seconds * 1000;
  await Promise.all(Array.from({ length: load.connections }, async () => {
    while (performance.now() < until) {
      const began = performance.now();
      const started = await fetch(`${url}/api/v1/assessments`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ template: matrixKey, subject: { type: 'profile', id: nextProfile() }, answers: randomAnswers(definition) }),
      });
      if (started.status !== 201) {
        await fail(started);
        continue;
      }
      const { id } = (await started.json()) as { id: string };
      const between = performance.now();
      const completed = await fetch(`${url}/api/v1/assessments/${id}/complete`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body: '{}' });
      if (completed.status !== 200) {
        await fail(completed);
        continue;
      }
      await completed.arrayBuffer();
      const ended = performance.now();
      start.push(between - began);
      complete.push(ended - between);
      both.push(ended - began);
    }
  }));
  return { start: statsOf(start, errors, load.seconds, samples), complete: statsOf(complete, 0, load.seconds, []), both: statsOf(both, 0, load.seconds, []) };
}

/** Today and a year before it, as London dates. */
function lastYear(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to: today };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      'log-level': { type: 'string', default: 'warn' },
      explain: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const seconds = Number(values.seconds);
  const loads: Load[] = [{ connections: 1, seconds }, { connections: Number(values.connections), seconds }];
  const warmup = (load: Load): Load => ({ connections: load.connections, seconds: Number(values.warmup) });

  // Settings as the server's own connections have them (src/server/db/connection.ts), so the raw figure is the API's statement as it runs there.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(...loads.map((l) => l.connections)), options: '-c TimeZone=UTC -c jit=off' });
  const server = await startServer(databaseUrl, process.env.SESSION_SECRET ?? benchSessionSecret, values['log-level']);
  const lines: string[] = ['| | p50 | p95 | p99 | per s | requests | failed |', '| --- | --: | --: | --: | --: | --: | --: |'];
  const ratios: string[] = [];
  let failed = false;
  try {
    const setting = await settingOf(pool);
    const { actor } = setting;
    const samples = await samplesFor(pool, benchTeamEmail);
    const cookie = await signIn(server.url, benchTeamEmail);
    const { rows: [counts] } = await pool.query<{ assessments: number; matrices: number }>(
      `select count(*)::int as assessments, count(*) filter (where template_id = $2)::int as matrices from assessments where partnership_id = $1`,
      [actor.partnershipId, setting.matrix.id]);
    console.log(`Profile ${setting.profileId} with 24 matrix reviews, the latest ${setting.latestId}; Demo County holds ${counts!.assessments} assessments (${counts!.matrices} matrices); district ${setting.district}.`);

    const year = lastYear();
    const counted = setting.matrix.definition.sections.flatMap((s) => s.questions).filter((q) => choiceKinds.includes(q.kind) || q.kind === 'scale').map((q) => q.key);
    const reads: { name: string; path: string; statement: { text: string; values: unknown[] } }[] = [
      {
        name: 'record\'s assessments list',
        path: `/api/v1/profiles/${setting.profileId}/assessments`,
        statement: await statementOf((tx) => onRecord(tx, actor, 'profile', setting.profileId)),
      },
      {
        name: 'comparison of 24',
        path: `/api/v1/assessments/${setting.latestId}/comparison`,
        statement: await statementOf((tx) => completedOnRecord(tx, actor, { templateId: setting.matrix.id, recordKind: 'profile', recordId: setting.profileId })),
      },
      {
        name: 'matrix statistics, a year',
        path: `/api/v1/assessment-templates/${matrixKey}/statistics?from=${year.from}&to=${year.to}`,
        statement: await statementOf((tx) => countCompleted(tx, actor, setting.matrix.id, year, counted)),
      },
      {
        name: `matrix statistics, a year, ${setting.district}`,
        path: `/api/v1/assessment-templates/${matrixKey}/statistics?from=${year.from}&to=${year.to}&area=${encodeURIComponent(setting.district)}`,
        statement: await statementOf((tx) => countCompleted(tx, actor, setting.matrix.id, { ...year, area: { kind: 'outward', value: setting.district } }, counted)),
      },
    ];
    const { only } = values;
    const measured = (name: string) => only === undefined || name.includes(only);
    const chosen = reads.filter((read) => measured(read.name));
    if (values.explain) {
      for (const read of chosen) {
        const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${read.statement.text}`, read.statement.values);
        console.log(`\n${read.name}:\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
    for (const read of chosen) {
      for (const load of loads) {
        await measureApi(server.url, cookie, () => read.path, warmup(load));
        const api = await measureApi(server.url, cookie, () => read.path, load);
        await measureSql(pool, () => read.statement, warmup(load));
        const sql = await measureSql(pool, () => read.statement, load);
        lines.push(row(`${read.name}, ${load.connections} conn., API`, api), row(`${read.name}, ${load.connections} conn., raw SQL`, sql));
        ratios.push(ratio(`${read.name}, ${load.connections} conn.`, api, sql));
        for (const sample of [...api.samples, ...sql.samples]) console.log(`  ${sample}`);
        failed ||= api.errors > 0 || sql.errors > 0;
      }
    }

    const headers = { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfOf(cookie) };
    const nextProfile = cycle(samples.profileIds.filter((id) => id !== setting.profileId));
    for (const load of measured('matrix completions') ? loads : []) {
      await measureCompletions(server.url, headers, nextProfile, setting.matrix.definition, warmup(load));
      const done = await measureCompletions(server.url, headers, nextProfile, setting.matrix.definition, load);
      lines.push(
        row(`matrix started (13 answers), ${load.connections} conn.`, done.start),
        row(`matrix completed, ${load.connections} conn.`, done.complete),
        row(`matrix started and completed, ${load.connections} conn.`, done.both),
      );
      for (const sample of done.start.samples) console.log(`  ${sample}`);
      failed ||= done.start.errors > 0;
    }
  } finally {
    await server.stop();
    await pool.end();
  }
  console.log(`\n${lines.join('\n')}\n(latencies in ms; "per s" for the matrix rows is completions a second)\n\n${ratios.join('\n')}`);
  if (failed) {
    console.error('Some requests failed.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
