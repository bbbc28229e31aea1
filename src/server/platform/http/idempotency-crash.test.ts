import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuardrails, generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, demoTotpSecret } from '../../db/seed/demo.ts';

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
function start(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: 'true', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Concord is running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`Concord stopped before it was ready (exit ${code})`)));
  });
}

function kill(signal: NodeJS.Signals): Promise<void> {
  const child = server!;
  server = null;
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
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

async function signedInAdmin(base: string): Promise<{ cookie: string; csrf: string }> {
  const totp = await generate({ secret: demoTotpSecret, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'police.admin@concord.test', password: demoPassword, totp }),
  });
  expect(response.status).toBe(200);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('concord_csrf='))!.split('=')[1]!;
  return { cookie: cookies.join('; '), csrf };
}

describe('a retried creation after the server is killed', () => {
  it('returns the first result for every key, and no key ever makes two profiles', async () => {
    let base = await start();
    const admin = await signedInAdmin(base);
    const headers = { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const me = await (await fetch(`${base}/api/v1/me`, { headers })).json() as { organisation: { id: string }; team: { id: string } };
    const teams = await (await fetch(`${base}/api/v1/teams?organisationId=${me.organisation.id}&limit=200`, { headers })).json() as { items: { id: string; name: string }[] };
    const asb = teams.items.find((team) => team.name === 'ASB team')!;
    const created = await fetch(`${base}/api/v1/api-tokens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ organisationId: me.organisation.id, teamId: asb.id, name: 'Crash test feed', access: 'write' }),
    });
    expect(created.status).toBe(201);
    const token = ((await created.json()) as { token: string }).token;

    const marker = `Crash${randomBytes(4).toString('hex')}`;
    const keys = Array.from({ length: 40 }, (_, i) => `${marker}-${i}`);
    const create = (key: string) => fetch(`${base}/api/v1/profiles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify({ firstName: `Key ${key.split('-')[1]}`, lastName: marker, reasonCreated: 'Created by the crash test', confirmNoDuplicate: true }),
    });

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
