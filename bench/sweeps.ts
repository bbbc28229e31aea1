/**
 * The nightly sweeps of victim care on a database bench/generate.ts has loaded (bench/README.md):
 *
 *   node --import tsx bench/sweeps.ts --database-url=postgres://... [--only=overdue|trigger]
 *
 * Runs each sweep as the server runs it (the victim care module's own functions, on a runner,
 * outbox and event bus made as the app makes them), timed from start to finish, with EXPLAIN
 * (ANALYZE, BUFFERS) of its main statement's first batch (in a transaction rolled back): the overdue
 * contact alerts as a night finds them (the plans that went past their grace period at
 * midnight), then as the first night finds them (every overdue plan, none told yet); the
 * community trigger as its first night finds it (every flag to raise), then as the next night
 * (the flags stand; nothing new). The database is set back to the generated state before each
 * run and at the end.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/connection.ts';
import { claimOverdueForAlert } from '../src/server/modules/victim-care/queries.ts';
import { sweepCommunityTriggers, sweepOverdueContacts } from '../src/server/modules/victim-care/sweeps.ts';
import { settleFlags } from '../src/server/modules/victim-care/triggers/queries.ts';
import { sweepBatch } from '../src/server/modules/victim-care/triggers/service.ts';
import { createRunner, type Runner } from '../src/server/platform/context.ts';
import { createEventBus } from '../src/server/platform/events/bus.ts';
import { startOutboxDeliverer } from '../src/server/platform/events/outbox.ts';
import { victimCareDefaults } from '../src/shared/victim-care.ts';
import { explain, statementOf } from './run/statement.ts';
import { benchSessionSecret } from './settings.ts';

const londonToday = "(now() at time zone 'Europe/London')::date";
const grace = victimCareDefaults.overdueGraceDays;
/** The sweep's batch, as in src/server/modules/victim-care/sweeps.ts. */
const batch = 500;

/** Each plan's supervisors told as the generator leaves them: of every plan past its grace period before last midnight. */
async function overdueAsGenerated(database: Database): Promise<void> {
  await database.pool.query(`
    update contact_plans cp set supervisors_alerted_at = x.told
      from (select c.profile_id,
                   case when c.next_contact_due < ${londonToday} - coalesce(s.overdue_grace_days, $1) - 1
                        then ((c.next_contact_due + coalesce(s.overdue_grace_days, $1) + 1)::timestamp + time '00:01') at time zone 'Europe/London' end as told
              from contact_plans c left join victim_care_settings s on s.partnership_id = c.partnership_id) x
     where x.profile_id = cp.profile_id and cp.supervisors_alerted_at is distinct from x.told`, [grace]);
  await database.pool.query("delete from notifications where kind = 'contact_overdue'");
  await database.pool.query('vacuum analyze contact_plans');
}

/** As on the night the sweep first runs: no supervisor told of any plan. */
async function overdueUntold(database: Database): Promise<void> {
  await database.pool.query('update contact_plans set supervisors_alerted_at = null where supervisors_alerted_at is not null');
  await database.pool.query('vacuum analyze contact_plans');
}

/** No flag raised (the generator writes complaints straight to the table, so no report raised one). */
async function triggersAsGenerated(database: Database): Promise<void> {
  await database.pool.query('delete from community_trigger_flags f where f.case_review_id is null and not exists (select 1 from case_reviews r where r.flag_id = f.id)');
  await database.pool.query("delete from notifications where kind = 'community_trigger'");
  await database.pool.query('vacuum analyze community_trigger_flags');
}

async function describe(database: Database): Promise<string> {
  const { rows: [d] } = await database.pool.query<Record<string, number>>(`
    select (select count(*)::int from profiles) as profiles,
           (select reltuples::bigint from pg_class where relname = 'reports') as reports,
           (select count(*)::int from contact_plans) as plans,
           (select count(*)::int from contact_plans where next_contact_due < ${londonToday}) as overdue,
           (select count(*)::int from contact_plans where supervisors_alerted_at is null and next_contact_due < ${londonToday} - $1::int) as untold,
           (select count(*)::int from reports r join lookups l on l.id = r.report_type_id
             where l.list = 'report_type' and l.key = 'asb-complaint' and r.occurred_at >= now() - interval '6 months') as complaints,
           (select count(*)::int from reports r join lookups l on l.id = r.report_type_id
             where l.list = 'report_type' and l.key = 'hate-incident' and r.occurred_at >= now() - interval '6 months') as hate`, [grace]);
  const n = (k: string) => Number(d![k]).toLocaleString('en-GB');
  return `${n('profiles')} profiles, about ${n('reports')} reports; ${n('plans')} contact plans, ${n('overdue')} overdue, `
    + `${n('untold')} past the default grace period with supervisors not yet told; in the last 6 months ${n('complaints')} ASB complaints and ${n('hate')} hate incidents.`;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ label: string; seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(1)} s (${String(result)})`);
  return { label, seconds, result };
}

async function flagsByBasis(database: Database): Promise<string> {
  const { rows } = await database.pool.query<{ basis: string; count: number }>(
    'select basis, count(*)::int as count from community_trigger_flags where cleared_at is null group by basis order by basis');
  return rows.map((r) => `${r.count.toLocaleString('en-GB')} ${r.basis}`).join(', ') || 'none';
}

async function overdueRuns(database: Database, runner: Runner): Promise<string[]> {
  const claim = await statementOf((tx) => claimOverdueForAlert(tx, grace, batch));
  await overdueAsGenerated(database);
  console.log(`\nOverdue contacts, as a night finds them: the claim of the first batch\n${await explain(database.pool, claim)}`);
  const night = await timed('overdue contact sweep, a night', () => sweepOverdueContacts(runner));
  await overdueUntold(database);
  console.log(`\nOverdue contacts, none told yet: the claim of the first batch\n${await explain(database.pool, claim)}`);
  const first = await timed('overdue contact sweep, the first night', () => sweepOverdueContacts(runner));
  await overdueAsGenerated(database);
  return [
    `| overdue contacts, a night | ${night.seconds.toFixed(1)} | ${night.result} plans told of |`,
    `| overdue contacts, the first night | ${first.seconds.toFixed(1)} | ${first.result} plans told of |`,
  ];
}

async function triggerRuns(database: Database, runner: Runner): Promise<string[]> {
  const settle = await statementOf((tx) => settleFlags(tx, null, { clear: true, limit: sweepBatch }));
  await triggersAsGenerated(database);
  console.log(`\nCommunity trigger, no flag raised yet: the first batch\n${await explain(database.pool, settle)}`);
  const first = await timed('community trigger sweep, the first night', () => sweepCommunityTriggers(runner));
  const raised = await flagsByBasis(database);
  await database.pool.query('vacuum analyze community_trigger_flags');
  console.log(`Flags open: ${raised}.\n\nCommunity trigger, the flags raised: a night with nothing new\n${await explain(database.pool, settle)}`);
  const next = await timed('community trigger sweep, the next night', () => sweepCommunityTriggers(runner));
  await triggersAsGenerated(database);
  return [
    `| community trigger, the first night | ${first.seconds.toFixed(1)} | ${first.result} flags raised (${raised}) |`,
    `| community trigger, the next night | ${next.seconds.toFixed(1)} | ${next.result} flags raised |`,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, only: { type: 'string' } } });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Give --database-url=postgres://… (or DATABASE_URL): a database bench/generate.ts has loaded.');
  const config = loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: process.env.SESSION_SECRET ?? benchSessionSecret, LOG_LEVEL: 'silent' });
  const database = await openDatabase({ databaseUrl, dataDir: config.dataDir });
  const log = { info: () => undefined, warn: console.warn, error: console.error };
  const events = await createEventBus(database, log);
  const outbox = startOutboxDeliverer({ database, events, log });
  const runner = createRunner({ database, outbox, onEffectError: (error) => console.error('after-commit effect failed', error) });
  const rows: string[] = [];
  try {
    await overdueAsGenerated(database);
    console.log(await describe(database));
    if (values.only === undefined || values.only === 'overdue') rows.push(...await overdueRuns(database, runner));
    if (values.only === undefined || values.only === 'trigger') rows.push(...await triggerRuns(database, runner));
  } finally {
    outbox.stop();
    await events.close();
    await database.close();
  }
  console.log(`\n| sweep | seconds | done |\n| --- | --: | --- |\n${rows.join('\n')}`);
}

main().catch((error: unknown) => {
  // A failed statement's message carries its parameters: thousands of them for a sweep's bulk insert.
  console.error((error instanceof Error ? error.message : String(error)).slice(0, 2000));
  process.exit(1);
});
