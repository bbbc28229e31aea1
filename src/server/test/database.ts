import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/connection.ts';
import { applyMigrations } from '../db/migrate.ts';
import { databaseUrl, onServer, type TestTemplates } from './template.ts';

/** The run's templates (template.ts), or undefined when the api project's globalSetup did not run. */
export function testTemplates(): TestTemplates | undefined {
  return inject('concordTestTemplates') as TestTemplates | undefined;
}

/**
 * A fresh, migrated database for one test file, copied from the run's template (`seeded` adds
 * the demo partnerships): PGlite in memory by default, or a new database on the PostgreSQL server
 * named by TEST_DATABASE_URL (dropped again on close), so the same suite proves both modes.
 * Without templates it migrates a new database itself.
 */
export async function openTestDatabase(template: 'migrated' | 'seeded' = 'migrated'): Promise<Database> {
  const templates = testTemplates();
  if (template === 'seeded' && !templates) throw new Error('the seeded template needs the api project globalSetup (src/server/test/global-setup.ts)');
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    if (templates) return openDatabase({ dataDir: 'memory://', loadDataDir: readFileSync(templates[template]) });
    const database = await openDatabase({ dataDir: 'memory://' });
    await applyMigrations(database);
    return database;
  }
  const name = `concord_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (admin) => admin.query(templates ? `create database ${name} template ${templates[template]}` : `create database ${name}`));
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), dataDir: 'memory://', poolSize: 5 });
  if (!templates) await applyMigrations(database);
  return {
    ...database,
    async close() {
      await database.close();
      await onServer(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}
