import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.ts';
import { unreadableDataDir } from './diagnose.ts';
import { acquireDataDirLock } from './lock.ts';

export type Schema = typeof schema;
/** With its pool, for the few statements written as SQL text that are prepared by name (search's names). */
export type Drizzle = NodePgDatabase<Schema> & { $client: pg.Pool };

export interface Database {
  mode: 'embedded' | 'postgres';
  pool: pg.Pool;
  db: Drizzle;
  /**
   * How other clients of the same database (the event listener, pg-boss) connect. Embedded mode
   * has none: everything shares the one pooled connection.
   */
  connection: pg.PoolConfig | null;
  /** Embedded mode only: a tarball of the data directory, which `loadDataDir` starts a copy from. */
  dumpDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

// Timestamps are parsed by the application as UTC instants whatever the server's zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; "memory://" keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /**
   * Embedded mode on disk flushes every commit to the disk before answering (pglite-worker.mjs).
   * `false` keeps PGlite's fsync=off: for bench/durability.ts only, never for real data.
   */
  fsync?: boolean;
  /** An in-memory embedded database starts as a copy of this `dumpDataDir` tarball (the API tests' template). */
  loadDataDir?: Uint8Array;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir, options.fsync ?? true, options.loadDataDir);
}

function makePool(connection: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(connection);
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor one that is checked out: the pool listens only to idle ones, and a server that dies
  // (PostgreSQL killed: "terminating connection due to unexpected postmaster exit") tells a
  // connection held between two statements of a transaction. Its next statement fails instead,
  // and the pool discards it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

async function openPostgres(databaseUrl: string, max: number): Promise<Database> {
  // JIT compilation pays off for long analytical queries, not for ours: the planner's cost of the
  // per-row access checks crosses its threshold and a 300 ms statistics query spent another
  // 500 ms compiling (bench/README.md, "Assessments").
  const connection: pg.PoolConfig = { connectionString: databaseUrl, max, options: '-c TimeZone=UTC -c jit=off' };
  const pool = makePool(connection);
  await pool.query('select 1');
  return {
    mode: 'postgres',
    pool,
    db: drizzle(pool, { schema }),
    connection,
    close: () => pool.end(),
  };
}

/**
 * PGlite is one PostgreSQL session. pglite-socket multiplexes connections onto it but keeps a
 * connection's messages together only inside a transaction, so two connections' parameterised
 * queries can interleave and break each other ("unnamed prepared statement does not exist").
 * One connection makes that impossible and costs nothing: PGlite runs one statement at a time.
 */
async function openEmbedded(dataDir: string, fsync: boolean, loadDataDir: Uint8Array | undefined): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  let pgliteDir = dataDir;
  let releaseLock = () => undefined as void;
  if (!inMemory) {
    const root = resolve(dataDir);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    releaseLock = await acquireDataDirLock(root);
    pgliteDir = join(root, 'pgdata');
  }
  await removeStaleSocketDirs();
  // A private directory for the socket: Unix socket paths are short, and nobody else may connect.
  const socketDir = mkdtempSync(join(tmpdir(), socketDirPrefix));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: pgliteDir, socketPath: join(socketDir, `.s.PGSQL.${port}`), fsync, loadDataDir },
  });
  try {
    await waitFor(worker, 'ready');
  } catch (error) {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
    throw inMemory ? error : unreadableDataDir(dataDir, pgliteDir, error);
  }
  const connection: pg.PoolConfig = {
    host: socketDir,
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    options: '-c TimeZone=UTC',
  };
  const pool = makePool(connection);
  // Every connection reaches the embedded database's one session, which outlives a connection the
  // pool discards (after an error): its successor starts by forgetting what the last prepared,
  // as node-postgres would otherwise prepare a named statement the session already holds.
  pool.on('connect', (client) => void client.query('deallocate all').catch(() => undefined));
  await assertTrigramWorks(pool);
  return {
    mode: 'embedded',
    pool,
    db: drizzle(pool, { schema }),
    connection: null,
    async dumpDataDir() {
      const dumped = waitFor<{ data: Uint8Array }>(worker, 'dumped');
      worker.postMessage({ type: 'dump' });
      return (await dumped).data;
    },
    async close() {
      await pool.end();
      worker.postMessage({ type: 'stop' });
      await waitFor(worker, 'stopped').catch(() => undefined);
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
      releaseLock();
    },
  };
}

const socketDirPrefix = 'concord-db-';
const port = 5432;

/**
 * A process that dies leaves its socket folder behind. A folder is someone else's until its socket
 * refuses connections (nobody listens: its process is gone) and is older than a start takes to
 * begin listening; a folder with no socket at all is left for an hour, the longest a start may
 * spend opening a database before it listens.
 */
async function removeStaleSocketDirs(): Promise<void> {
  const now = Date.now();
  const entries = await readdir(tmpdir(), { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((entry) => entry.isDirectory() && entry.name.startsWith(socketDirPrefix)).map(async (entry) => {
    const dir = join(tmpdir(), entry.name);
    const socket = join(dir, `.s.PGSQL.${port}`);
    const socketAge = await stat(socket).then((s) => now - s.mtimeMs, () => null);
    const stale = socketAge === null
      ? now - (await stat(dir)).mtimeMs > 3_600_000
      : socketAge > 5_000 && !(await answers(socket));
    if (stale) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }).map((removal) => removal.catch(() => undefined)));
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const client = connect(socket, () => {
      client.destroy();
      resolvePromise(true);
    });
    client.setTimeout(2000, () => {
      client.destroy();
      resolvePromise(true);
    });
    // Only "nobody listens" counts as gone: any other error (no permission) leaves the folder alone.
    client.on('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT'));
  });
}

function waitFor<T = object>(worker: Worker, type: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded database did not become ${type}`)), timeoutMs);
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== type) return;
      cleanup();
      resolvePromise(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
  });
}

// PGlite 0.5.15 and 0.5.16 return nothing (or hang) for the trigram operator when pg_trgm is
// loaded with other extensions; this guard catches such a regression on every upgrade.
async function assertTrigramWorks(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('create extension if not exists pg_trgm');
    await client.query("set statement_timeout = '5s'");
    const result = await client.query<{ ok: boolean }>("select 'a'::text % 'a'::text as ok");
    await client.query('reset statement_timeout');
    if (result.rows[0]?.ok !== true) throw new Error('pg_trgm self-check failed: the trigram operator returned no match');
  } finally {
    client.release();
  }
}
