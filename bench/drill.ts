/**
 * A restore drill (bench/README.md, "Backups"): backs up a loaded PostgreSQL database as
 * `npm run concord -- backup` does, restores the backup into a new database on the same server as
 * `restore` does, and compares every table's row count and checksum, then verifies the restored
 * audit chain:
 *
 *   node --import tsx bench/drill.ts --database-url=postgres://.../concord [--data-dir=<its data directory>] [--keep]
 *
 * The restored database is `<name>_drill`, dropped at the end unless --keep. The backup file is
 * written to a temporary folder and removed. Exits 1 if any table differs or the chain is broken.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { backup, restore } from '../src/server/db/backup.ts';
import { tableChecksums } from '../src/server/db/checksums.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { verifyAuditChain } from '../src/server/platform/audit/verify.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sourceUrl = values['database-url'];
if (!sourceUrl) throw new Error('--database-url is required: the loaded database to drill');
const work = mkdtempSync(join(tmpdir(), 'concord-drill-'));
const sourceDir = values['data-dir'] ?? join(work, 'source');
const target = new URL(sourceUrl);
const targetName = `${target.pathname.slice(1)}_drill`;
target.pathname = `/${targetName}`;
const server = new URL(sourceUrl);
server.pathname = '/postgres';

async function onServer(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(query);
  await client.end();
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const file = join(work, 'concord.backup');
let failed = false;
try {
  const local = { storage: 'local' } as const;
  console.log(await timed('backup', () => backup({ databaseUrl: sourceUrl, dataDir: sourceDir, files: local }, file)));
  console.log(`backup file: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  await onServer(`drop database if exists ${targetName}`);
  await onServer(`create database ${targetName}`);
  console.log(await timed('restore', () => restore({ databaseUrl: target.toString(), dataDir: join(work, 'restored'), files: local }, file, { force: false })));

  const source = await openDatabase({ databaseUrl: sourceUrl, dataDir: 'memory://', poolSize: 1 });
  const restored = await openDatabase({ databaseUrl: target.toString(), dataDir: 'memory://', poolSize: 1 });
  try {
    const [before, after] = await timed('checksums of both', () => Promise.all([tableChecksums(source.pool), tableChecksums(restored.pool)]));
    const afterByTable = new Map(after.map((t) => [t.table, t]));
    console.log('\n| table | rows | source md5 | restored md5 | same |\n| --- | --: | --- | --- | --- |');
    for (const t of before) {
      const r = afterByTable.get(t.table);
      const same = r !== undefined && r.rows === t.rows && r.md5 === t.md5;
      failed ||= !same;
      if (t.rows > 0 || !same) console.log(`| ${t.table} | ${t.rows} | ${t.md5.slice(0, 12)} | ${r ? r.md5.slice(0, 12) : 'missing'} | ${same ? 'yes' : 'NO'} |`);
    }
    const missingHere = after.filter((t) => !before.some((b) => b.table === t.table));
    failed ||= missingHere.length > 0 || before.length !== after.length;
    console.log(`\n${before.length} tables (empty ones not listed), ${before.reduce((n, t) => n + t.rows, 0)} rows; ${before.filter((t) => afterByTable.get(t.table)?.md5 === t.md5).length} identical`);
    const chain = await timed('verify-audit on the restored database', () => restored.db.transaction((tx) => verifyAuditChain(tx)));
    console.log(chain.intact ? `Audit trail intact: ${chain.checked} events checked.` : `Audit trail BROKEN at event ${chain.firstBrokenSeq}.`);
    failed ||= !chain.intact;
  } finally {
    await source.close();
    await restored.close();
  }
} finally {
  if (!values.keep) await onServer(`drop database if exists ${targetName} with (force)`);
  rmSync(work, { recursive: true, force: true });
}
console.log(failed ? '\nDRILL FAILED' : '\nDrill passed: the restore is identical to the source.');
process.exitCode = failed ? 1 : 0;
