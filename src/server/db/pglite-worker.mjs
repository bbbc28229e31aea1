// Runs PGlite off the main thread so that a slow query never stalls the HTTP server, and serves
// it on a Unix socket so the application talks to it through node-postgres exactly as it talks
// to a real PostgreSQL server. Plain JavaScript: Node 20 does not apply --import loaders (tsx) to
// a worker's entry module.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';

/** @type {{ dataDir: string, socketPath: string, fsync?: boolean, loadDataDir?: Uint8Array }} */
const { dataDir, socketPath, fsync = true, loadDataDir } = workerData;

/**
 * Durability on disk. PGlite starts PostgreSQL with -F (fsync off), and its Emscripten file system
 * (NODEFS) would make fsync a no-op anyway: its files have no fsync operation, and fdatasync
 * returns without doing anything. So on disk -F is dropped, NODEFS's fsync calls fsync(2) on the
 * real file, and the WAL is flushed with fsync (the default, fdatasync, cannot be made to work).
 * PostgreSQL then flushes the WAL at every commit before it answers, and data files, pg_control
 * and directories at each checkpoint, as a server does (bench/README.md, "Durability of the
 * embedded database"). `fsync: false` (bench/durability.ts only) keeps PGlite's defaults. An
 * in-memory database ("memory://", the tests) is left as PGlite makes it.
 */
class FlushingNodeFS extends NodeFS {
  /** @type {NodeFS['init']} */
  async init(pg, emscriptenOptions) {
    const options = await super.init(pg, emscriptenOptions);
    /** @param {any} mod */
    const flushForReal = (mod) => {
      const streamOps = mod.FS.filesystems.NODEFS?.stream_ops;
      if (!streamOps) throw new Error('PGlite no longer mounts the data directory with NODEFS: fsync would not reach the disk');
      streamOps.fsync = (/** @type {{ nfd: number }} */ stream) => {
        try {
          fsyncSync(stream.nfd);
        } catch {
          throw new mod.FS.ErrnoError(29); // EIO: PostgreSQL treats a failed fsync as fatal
        }
        return 0;
      };
    };
    options.emscriptenOpts.preRun = [...(options.emscriptenOpts.preRun ?? []), flushForReal];
    return options;
  }
}

/** initdb runs in memory and PGlite copies its files here without a flush: flush them once. */
function fsyncTree(/** @type {string} */ path) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) fsyncTree(join(path, entry.name));
    else if (entry.isFile()) fsyncPath(join(path, entry.name));
  }
  fsyncPath(path);
}

function fsyncPath(/** @type {string} */ path) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const onDisk = !dataDir.includes('://');
const durable = onDisk && fsync;
const created = durable && !existsSync(join(dataDir, 'PG_VERSION'));
const extensions = { btree_gin, citext, fuzzystrmatch, pg_trgm, pgcrypto, unaccent, uuid_ossp };
const db = await PGlite.create(
  durable
    ? {
        fs: new FlushingNodeFS(dataDir),
        startParams: [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'],
        extensions,
      }
    : { dataDir, extensions, ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}) },
);
if (created) {
  fsyncTree(dataDir);
  fsyncPath(dirname(dataDir));
}
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 32 });
await server.start();
parentPort?.postMessage({ type: 'ready' });

parentPort?.on('message', async (/** @type {{ type: string }} */ message) => {
  if (message.type === 'dump') {
    // A copy of the data directory to start another database from (the API tests' template);
    // the checkpoint first spares each copy replaying the WAL.
    await db.exec('checkpoint');
    const data = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
    parentPort?.postMessage({ type: 'dumped', data }, [data.buffer]);
    return;
  }
  if (message.type !== 'stop') return;
  await server.stop();
  await db.close();
  parentPort?.postMessage({ type: 'stopped' });
});
