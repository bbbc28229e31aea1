/**
 * Acknowledged writes survive kill -9 (bench/README.md, "Crashes"):
 *
 *   node --import tsx bench/crash.ts [--cycles=100 --concurrency=8 --mode=embedded|postgres|both]
 *
 * Runs Concord in a process of its own and kills it (and on PostgreSQL, every other cycle, the
 * database server, in a throwaway cluster of its own) with SIGKILL while writers create profiles
 * with Idempotency-Keys, restarts it, retries every creation the kill cut off, and at the end checks
 * the database: every acknowledged creation there, one profile per key, the audit chain intact
 * (src/server/test/crash-cycles.ts; the CI's short form is src/server/platform/http/crash-cycles.test.ts).
 * Exits 1 if anything was lost, duplicated or failed to restart, or Concord stopped when PostgreSQL did.
 */
import { parseArgs } from 'node:util';
import { crashCycles, type CrashReport } from '../src/server/test/crash-cycles.ts';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    mode: { type: 'string', default: 'both' },
  },
});
const modes = values.mode === 'both' ? (['embedded', 'postgres'] as const) : [values.mode as 'embedded' | 'postgres'];

const reports: CrashReport[] = [];
for (const mode of modes) {
  const report = await crashCycles({
    mode,
    cycles: Number(values.cycles),
    concurrency: Number(values.concurrency),
    log: (line) => console.error(`[${mode}] ${line}`),
  });
  reports.push(report);
  console.log(JSON.stringify(report));
}

console.log('\n| mode | cycles | kills (Concord / PostgreSQL) | acknowledged | retried | lost | duplicates | failed retries | failed restarts | Concord stopped with PostgreSQL | audit chain | time |');
console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --: |');
for (const r of reports) {
  console.log(`| ${r.mode} | ${r.cycles} | ${r.serverKills} / ${r.postgresKills} | ${r.acknowledged} | ${r.retried} | ${r.lost} | ${r.duplicates} | ${r.failedRetries} | ${r.failedRestarts} | ${r.serverExitsOnPostgresKill} | ${r.audit.intact ? `intact (${r.audit.checked} events)` : 'BROKEN'} | ${r.seconds} s |`);
}
process.exitCode = reports.every((r) => r.lost === 0 && r.duplicates === 0 && r.failedRetries === 0 && r.failedRestarts === 0 && r.serverExitsOnPostgresKill === 0 && r.audit.intact) ? 0 : 1;
