import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { loadSecretKey } from '../platform/auth/crypto.ts';
import { openTestDatabase } from '../test/database.ts';
import { databaseUrl, onServer } from '../test/template.ts';
import { backup, restore, type BackupConfig } from './backup.ts';
import { tableChecksums } from './checksums.ts';
import { openDatabase, type Database } from './connection.ts';
import { applyMigrations } from './migrate.ts';
import { seedDemo } from './seed/demo.ts';

// A backup restored elsewhere holds the same rows, the same files and an intact audit chain, in
// the mode the suite runs in (PostgreSQL when TEST_DATABASE_URL is set, otherwise embedded).

const scratch = mkdtempSync(join(tmpdir(), 'concord-backup-test-'));
const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const local = { storage: 'local' } as const;
const fileKey = 'ab/ab0c1d2e-upload';

async function intact(database: Database): Promise<number> {
  const report = await database.db.transaction((tx) => verifyAuditChain(tx));
  expect(report.intact).toBe(true);
  return report.checked;
}

/** A seeded source: its database (open) and a data directory with a file and the demo's secret. */
async function source(): Promise<{ config: BackupConfig; database: Database }> {
  const dataDir = join(scratch, 'source');
  mkdirSync(join(dataDir, 'files', 'ab'), { recursive: true });
  writeFileSync(join(dataDir, 'files', fileKey), randomBytes(5000));
  writeFileSync(join(dataDir, 'secret.key'), 'the demo secret');
  if (serverUrl) {
    const database = await openTestDatabase('seeded');
    cleanups.push(() => database.close());
    return { config: { databaseUrl: String(database.connection!.connectionString), dataDir, files: local }, database };
  }
  const database = await openDatabase({ dataDir });
  await applyMigrations(database);
  const config = loadConfig({ CONCORD_DEMO: 'true', CONCORD_DEMO_DATA: 'false', CONCORD_DATA_DIR: dataDir });
  await seedDemo(database, loadSecretKey(config), { dataSet: false });
  return { config: { databaseUrl: undefined, dataDir, files: local }, database };
}

/** An empty target: a new PostgreSQL database, or an empty folder. */
async function target(name: string): Promise<BackupConfig> {
  const dataDir = join(scratch, name);
  if (!serverUrl) return { databaseUrl: undefined, dataDir, files: local };
  const database = `concord_restore_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (admin) => admin.query(`create database ${database}`));
  cleanups.push(() => onServer(serverUrl, (admin) => admin.query(`drop database if exists ${database} with (force)`)));
  return { databaseUrl: databaseUrl(serverUrl, database), dataDir, files: local };
}

const open = (config: BackupConfig) => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });

describe(`backup and restore (${serverUrl ? 'PostgreSQL' : 'embedded'})`, () => {
  it('restores the same rows, files and audit chain elsewhere, and will not overwrite data without --force', async () => {
    const from = await source();
    const file = join(scratch, 'concord.backup');
    if (!serverUrl) {
      // The embedded database is copied whole only while nothing else has it open.
      await expect(backup(from.config, file)).rejects.toThrow(/is using .*\nAn embedded database is backed up while Concord is stopped/);
    }
    const before = await tableChecksums(from.database.pool);
    expect(before.find((t) => t.table === 'public.audit_events')!.rows).toBeGreaterThan(0);
    if (!serverUrl) await from.database.close();

    expect(await backup(from.config, file)).toMatch(/and 1 file\(s\) to /);
    const into = await target('restored');
    expect(await restore(into, file, { force: false })).toMatch(/Restored the .* database backed up at .*, and 1 file\(s\)/);

    const restored = await open(into);
    try {
      expect(await tableChecksums(restored.pool)).toEqual(before);
      expect(await intact(restored)).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
    expect(readFileSync(join(into.dataDir, 'files', fileKey))).toEqual(readFileSync(join(from.config.dataDir, 'files', fileKey)));
    expect(readFileSync(join(into.dataDir, 'secret.key'), 'utf8')).toBe('the demo secret');

    await expect(restore(into, file, { force: false })).rejects.toThrow(/Nothing was restored: the target already holds data/);
    expect(await restore(into, file, { force: true })).toMatch(/Restored/);
    if (!serverUrl) expect(readdirSync(into.dataDir).some((name) => name.startsWith('before-restore-'))).toBe(true);
    const again = await open(into);
    try {
      expect(await tableChecksums(again.pool)).toEqual(before);
    } finally {
      await again.close();
    }
    if (serverUrl) await intact(from.database);
  }, 180_000);

  it('refuses a backup of the other database mode, and a file that is not a backup', async () => {
    const into = await target('refusing');
    const notBackup = join(scratch, 'not-a-backup');
    writeFileSync(notBackup, 'hello');
    await expect(restore(into, notBackup, { force: false })).rejects.toThrow(/is empty or not a Concord backup|Is it a Concord backup/);
    const otherMode = join(scratch, 'other-mode');
    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(otherMode));
    pack.entry({ name: 'concord-backup.json' }, JSON.stringify({ format: 'concord-backup', version: 1, database: serverUrl ? 'embedded' : 'postgres' }));
    pack.finalize();
    await written;
    await expect(restore(into, otherMode, { force: false })).rejects.toThrow(serverUrl ? /This backup is of an embedded database/ : /This backup is of a PostgreSQL database/);
    expect(existsSync(join(into.dataDir, 'pgdata'))).toBe(false);
  });
});
