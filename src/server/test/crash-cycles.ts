import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuardrails, generate } from 'otplib';
import pg from 'pg';
import { openDatabase } from '../db/connection.ts';
import { demoPassword, demoTotpSecret } from '../db/seed/demo.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { startCluster, type Cluster } from './postgres-cluster.ts';

/**
 * Concord as it runs for real, in a process of its own, killed without warning while creations are
 * in flight (src/server/platform/http/idempotency-crash.test.ts, crash-cycles.test.ts, bench/crash.ts).
 */

export interface Concord {
  url: string;
  child: ChildProcess;
  /** The end of what it wrote to stderr: why it stopped, when it did. */
  errors(): string;
}

/** Starts Concord (migrating and seeding the demo on first start) and resolves once it answers. */
export function startConcord(options: { dataDir: string; databaseUrl: string }): Promise<Concord> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CONCORD_DATA_DIR: options.dataDir, CONCORD_DEMO: 'true', CONCORD_DEMO_DATA: 'false', DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let errors = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Concord is running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, child, errors: () => errors });
    });
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(0, 8000)));
    child.on('exit', (code) => reject(new Error(`Concord stopped before it was ready (exit ${code}):\n${errors}`)));
  });
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function signedInAdmin(base: string): Promise<{ cookie: string; csrf: string }> {
  const totp = await generate({ secret: demoTotpSecret, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'police.admin@concord.test', password: demoPassword, totp }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('concord_csrf='))!.split('=')[1]!;
  return { cookie: cookies.join('; '), csrf };
}

/** An API token of the demo's ASB team that may create profiles. */
export async function writeToken(base: string): Promise<string> {
  const admin = await signedInAdmin(base);
  const headers = { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf };
  const me = await (await fetch(`${base}/api/v1/me`, { headers })).json() as { organisation: { id: string } };
  const teams = await (await fetch(`${base}/api/v1/teams?organisationId=${me.organisation.id}&limit=200`, { headers })).json() as { items: { id: string; name: string }[] };
  const asb = teams.items.find((team) => team.name === 'ASB team')!;
  const created = await fetch(`${base}/api/v1/api-tokens`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ organisationId: me.organisation.id, teamId: asb.id, name: `Crash test feed ${randomBytes(3).toString('hex')}`, access: 'write' }),
  });
  if (created.status !== 201) throw new Error(`creating the API token answered ${created.status}`);
  return ((await created.json()) as { token: string }).token;
}

/** Creates a profile under an Idempotency-Key; its first name carries the key, its last name the run. */
export function createProfile(base: string, token: string, key: string, marker: string): Promise<Response> {
  return fetch(`${base}/api/v1/profiles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({ firstName: `Key ${key.slice(marker.length + 1)}`, lastName: marker, reasonCreated: 'Created by the crash test', confirmNoDuplicate: true }),
  });
}

export interface CrashReport {
  mode: 'embedded' | 'postgres';
  cycles: number;
  serverKills: number;
  postgresKills: number;
  /** Creations answered 201 before a kill. */
  acknowledged: number;
  /** Creations cut off by a kill (no answer, or an error), each retried with its key. */
  retried: number;
  /** Acknowledged creations missing from the database at the end. */
  lost: number;
  /** Profiles beyond one per key, and keys whose retry answered a different profile. */
  duplicates: number;
  /** Retries that did not end in 201 within a minute. */
  failedRetries: number;
  /** A restart (Concord or PostgreSQL) that did not answer within a minute. */
  failedRestarts: number;
  /** Times Concord itself stopped when only PostgreSQL was killed (it is restarted, and counted here). */
  serverExitsOnPostgresKill: number;
  audit: { intact: boolean; checked: number };
  seconds: number;
}

export interface CrashOptions {
  cycles: number;
  /** Writers sending creations at once. */
  concurrency: number;
  /** On PostgreSQL, a throwaway cluster is started so that it can be killed; cycles alternate between killing Concord and killing PostgreSQL. */
  mode: 'embedded' | 'postgres';
  log?: (line: string) => void;
}

/**
 * Writers create profiles as fast as Concord answers; after a random 0.3–1.5 s the server (or, on
 * PostgreSQL, every other cycle, the database server) is killed with SIGKILL and started again;
 * every creation the kill cut off is retried with its key; a few acknowledged ones are retried too
 * and must answer the same profile. At the end, with Concord stopped, the database must hold each
 * acknowledged profile, one profile per key, and an intact audit chain.
 */
export async function crashCycles(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
  let cluster: Cluster | null = null;
  let concord: Concord | null = null;
  const report: CrashReport = {
    mode: options.mode, cycles: 0, serverKills: 0, postgresKills: 0, acknowledged: 0, retried: 0, lost: 0, duplicates: 0,
    failedRetries: 0, failedRestarts: 0, serverExitsOnPostgresKill: 0, audit: { intact: false, checked: 0 }, seconds: 0,
  };
  try {
    let databaseUrl = '';
    if (options.mode === 'postgres') {
      cluster = await startCluster();
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('create database concord');
      await admin.end();
      databaseUrl = cluster.url.replace(/\/postgres$/, '/concord');
    }
    const start = () => startConcord({ dataDir, databaseUrl });
    concord = await start();
    const token = await writeToken(concord.url);
    const marker = `Crash${randomBytes(4).toString('hex')}`;
    /** Every key's profile as Concord answered it: first answers, then retries' answers. */
    const answered = new Map<string, string>();
    const acknowledged = new Set<string>();
    let next = 0;

    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const base: string = concord.url;
      const cutOff: string[] = [];
      let stopped = false;
      const writer = async () => {
        while (!stopped) {
          const key = `${marker}-${next++}`;
          try {
            const response = await createProfile(base, token, key, marker);
            if (response.status !== 201) throw new Error(String(response.status));
            answered.set(key, ((await response.json()) as { id: string }).id);
            acknowledged.add(key);
            report.acknowledged++;
          } catch {
            cutOff.push(key);
          }
        }
      };
      const writers = Array.from({ length: options.concurrency }, writer);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
      const killPostgres = cluster !== null && cycle % 2 === 0;
      if (killPostgres) {
        // Concord keeps answering (with errors) while PostgreSQL is down: the writers stop after the kill.
        await cluster!.kill();
        stopped = true;
        report.postgresKills++;
      } else {
        stopped = true;
        await stopProcess(concord.child, 'SIGKILL');
        report.serverKills++;
      }
      await Promise.all(writers);

      try {
        if (killPostgres) {
          await cluster!.start();
          if (!(await healthy(concord, 60_000))) {
            report.serverExitsOnPostgresKill++;
            log(`cycle ${cycle}: Concord ${concord.child.exitCode === null && concord.child.signalCode === null ? 'did not answer again' : `stopped (exit ${concord.child.exitCode})`} after PostgreSQL was killed: ${concord.errors().slice(0, 3000)}`);
            await stopProcess(concord.child, 'SIGKILL');
            concord = await start();
          }
        } else {
          concord = await start();
        }
      } catch (error) {
        report.failedRestarts++;
        log(`cycle ${cycle}: restart failed: ${(error as Error).message}`);
        concord = await start();
      }

      report.retried += cutOff.length;
      for (const key of cutOff) {
        const id = await retry(concord.url, token, key, marker);
        if (id === null) report.failedRetries++;
        else answered.set(key, id);
      }
      for (const key of [...acknowledged].slice(-3)) {
        if ((await retry(concord.url, token, key, marker)) !== answered.get(key)) report.duplicates++;
      }
      report.cycles = cycle;
      log(`cycle ${cycle}: killed ${killPostgres ? 'PostgreSQL' : 'Concord'}; ${report.acknowledged} acknowledged, ${report.retried} retried so far`);
    }

    await stopProcess(concord.child, 'SIGTERM');
    concord = null;
    const database = await openDatabase({ databaseUrl: databaseUrl || undefined, dataDir });
    try {
      const { rows } = await database.pool.query<{ id: string; first_name: string }>('select id, first_name from profiles where last_name = $1', [marker]);
      const byKey = new Map<string, string[]>();
      for (const row of rows) byKey.set(`${marker}-${row.first_name.slice('Key '.length)}`, [...(byKey.get(`${marker}-${row.first_name.slice('Key '.length)}`) ?? []), row.id]);
      for (const key of acknowledged) if (!byKey.get(key)?.includes(answered.get(key)!)) report.lost++;
      for (const ids of byKey.values()) report.duplicates += ids.length - 1;
      const chain = await database.db.transaction((tx) => verifyAuditChain(tx));
      report.audit = { intact: chain.intact, checked: chain.checked };
    } finally {
      await database.close();
    }
    report.seconds = Math.round((Date.now() - started) / 1000);
    return report;
  } finally {
    if (concord) await stopProcess(concord.child, 'SIGKILL');
    if (cluster) await cluster.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A retry with the same key, until Concord answers 201 (a minute at most): the profile's id, or null. */
async function retry(base: string, token: string, key: string, marker: string): Promise<string | null> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const response = await createProfile(base, token, key, marker);
      if (response.status === 201) return ((await response.json()) as { id: string }).id;
    } catch {
      // Not answering yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

/** Whether Concord, still running, answers its health check again within the time given. */
async function healthy(concord: Concord, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until && concord.child.exitCode === null && concord.child.signalCode === null) {
    const ok = await fetch(`${concord.url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
