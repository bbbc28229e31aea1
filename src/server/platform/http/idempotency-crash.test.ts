import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, startConcord, stopProcess, writeToken } from '../../test/crash-cycles.ts';

// Concord as it runs for real, in a process of its own, killed without warning while creations
// are in flight: a retry of each with its Idempotency-Key must return the first result, never a
// second record. On PostgreSQL when TEST_DATABASE_URL is set, otherwise on the embedded database.

const dataDir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
const serverUrl = process.env.TEST_DATABASE_URL;
const databaseName = `concord_crash_${randomBytes(6).toString('hex')}`;
let databaseUrl = '';
let server: ChildProcess | null = null;

async function onServer(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

/** Starts Concord and resolves with its address once it answers. */
async function start(): Promise<string> {
  const concord = await startConcord({ dataDir, databaseUrl });
  server = concord.child;
  return concord.url;
}

function kill(signal: NodeJS.Signals): Promise<void> {
  const child = server!;
  server = null;
  return stopProcess(child, signal);
}

beforeAll(async () => {
  if (serverUrl) {
    await onServer(`create database ${databaseName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }
}, 60_000);

afterAll(async () => {
  if (server) await kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) await onServer(`drop database if exists ${databaseName} with (force)`);
}, 60_000);

describe('a retried creation after the server is killed', () => {
  it('returns the first result for every key, and no key ever makes two profiles', async () => {
    let base = await start();
    const token = await writeToken(base);

    const marker = `Crash${randomBytes(4).toString('hex')}`;
    const keys = Array.from({ length: 40 }, (_, i) => `${marker}-${i}`);
    const create = (key: string) => createProfile(base, token, key, marker);

    // Every creation is sent at once; the server is killed as soon as the first has been answered,
    // so some have committed unanswered, some are half way and some have not started.
    const inFlight = keys.map((key) => create(key).then((r) => r.status, () => 0));
    await Promise.race(inFlight);
    await kill('SIGKILL');
    const before = await Promise.all(inFlight);
    expect(before.some((status) => status === 0), 'the kill should cut some requests off').toBe(true);

    base = await start();
    const ids = new Map<string, string>();
    for (const key of keys) {
      const response = await create(key);
      expect(response.status, `${key}: ${response.status === 201 ? "" : await response.clone().text()}`).toBe(201);
      ids.set(key, ((await response.json()) as { id: string }).id);
    }
    // Asked again, each key still answers with the same profile.
    for (const key of keys.slice(0, 5)) expect(((await (await create(key)).json()) as { id: string }).id).toBe(ids.get(key));
    expect(new Set(ids.values()).size).toBe(keys.length);

    const search = await fetch(`${base}/api/v1/profiles?q=${marker}&limit=200`, { headers: { authorization: `Bearer ${token}` } });
    expect(search.status).toBe(200);
    const found = ((await search.json()) as { items: { id: string }[] }).items.map((p) => p.id);
    expect(found.sort()).toEqual([...ids.values()].sort());
    await kill('SIGTERM');
  }, 180_000);
});
