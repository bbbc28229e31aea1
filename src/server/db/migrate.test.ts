import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './connection.ts';
import { applyMigrations } from './migrate.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const name = `concord_migrate_${randomBytes(6).toString('hex')}`;
const opened: Database[] = [];

async function onServer(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
  if (serverUrl) await onServer(`drop database if exists ${name}`);
});

// Instances behind a load balancer start together, and each migrates on start.
describe.skipIf(!serverUrl)('migrating from several instances at once', () => {
  it('applies each migration once while three instances start together on an empty database', async () => {
    await onServer(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    for (let i = 0; i < 3; i++) opened.push(await openDatabase({ databaseUrl: url.toString(), dataDir: '' }));
    await Promise.all(opened.map((d) => applyMigrations(d)));
    const { rows: [applied] } = await opened[0]!.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    const { rows: [partnerships] } = await opened[0]!.pool.query<{ n: number }>('select count(*)::int as n from partnerships');
    expect(applied!.n).toBeGreaterThan(20);
    expect(partnerships!.n).toBe(0);
  });
});
