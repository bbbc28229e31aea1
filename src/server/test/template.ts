import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { applyMigrations } from '../db/migrate.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { loadSecretKey } from '../platform/auth/crypto.ts';

/**
 * The databases every API test file starts from, made once per run by the api project's
 * globalSetup (global-setup.ts): one migrated, one migrated with the demo seeded. Each test file
 * gets its own copy. On PGlite they are tarballs of the data directory that a new in-memory
 * database loads; on PostgreSQL (TEST_DATABASE_URL) they are databases that `create database …
 * template` copies.
 */
export interface TestTemplates {
  /** The demo's authenticator secrets are encrypted with it: the app must use the same one. */
  sessionSecret: string;
  migrated: string;
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    concordTestTemplates: TestTemplates;
  }
}

/**
 * The configuration of a test app; the secret must be the one the demo was seeded with. The demo
 * has no data set, so every figure a test reads starts from the demo accounts alone.
 */
export function testConfig(sessionSecret: string) {
  return loadConfig({ CONCORD_DEMO: 'true', CONCORD_DEMO_DATA: 'false', CONCORD_DATA_DIR: 'memory://', SESSION_SECRET: sessionSecret, LOG_LEVEL: 'silent' });
}

/** Makes the templates; the returned function removes them. */
export async function createTestTemplates(serverUrl: string | undefined): Promise<{ templates: TestTemplates; remove(): Promise<void> }> {
  const sessionSecret = randomBytes(32).toString('hex');
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'concord-test-templates-'));
    const templates = { sessionSecret, migrated: join(dir, 'migrated.tar'), seeded: join(dir, 'seeded.tar') };
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await applyMigrations(database);
      writeFileSync(templates.migrated, await database.dumpDataDir!());
      const config = testConfig(sessionSecret);
      await seedDemo(database, loadSecretKey(config), { dataSet: config.demoData });
      writeFileSync(templates.seeded, await database.dumpDataDir!());
    } finally {
      await database.close();
    }
    return { templates, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }

  const prefix = `concord_template_${randomBytes(4).toString('hex')}`;
  const templates = { sessionSecret, migrated: `${prefix}_migrated`, seeded: `${prefix}_seeded` };
  const remove = () => onServer(serverUrl, async (admin) => {
    for (const name of [templates.migrated, templates.seeded]) await admin.query(`drop database if exists ${name} with (force)`);
  });
  try {
    await onServer(serverUrl, (admin) => admin.query(`create database ${templates.migrated}`));
    const migrated = await openDatabase({ databaseUrl: databaseUrl(serverUrl, templates.migrated), dataDir: 'memory://', poolSize: 1 });
    try {
      await applyMigrations(migrated);
    } finally {
      await migrated.close();
    }
    await onServer(serverUrl, (admin) => admin.query(`create database ${templates.seeded} template ${templates.migrated}`));
    const seeded = await openDatabase({ databaseUrl: databaseUrl(serverUrl, templates.seeded), dataDir: 'memory://', poolSize: 1 });
    try {
      const config = testConfig(sessionSecret);
      await seedDemo(seeded, loadSecretKey(config), { dataSet: config.demoData });
    } finally {
      await seeded.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { templates, remove };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
