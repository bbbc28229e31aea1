// Runs PGlite off the main thread so that a slow query never stalls the HTTP server, and serves
// it on a Unix socket so the application talks to it through node-postgres exactly as it talks
// to a real PostgreSQL server. Plain JavaScript: Node 20 does not apply --import loaders (tsx) to
// a worker's entry module.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';

/** @type {{ dataDir: string, socketPath: string }} */
const { dataDir, socketPath } = workerData;

const db = await PGlite.create({
  dataDir,
  extensions: { btree_gin, citext, fuzzystrmatch, pg_trgm, pgcrypto, unaccent, uuid_ossp },
});
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 32 });
await server.start();
parentPort?.postMessage({ type: 'ready' });

parentPort?.on('message', async (/** @type {{ type: string }} */ message) => {
  if (message.type !== 'stop') return;
  await server.stop();
  await db.close();
  parentPort?.postMessage({ type: 'stopped' });
});
