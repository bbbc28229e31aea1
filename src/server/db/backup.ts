import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import pg from 'pg';
import tar from 'tar-stream';
import type { Config } from '../config.ts';
import { flushToDisk, localFileStorage, writeFileWhole } from '../platform/files/storage.ts';
import { openDatabase } from './connection.ts';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';
import { postgresTool, PostgresToolError } from './postgres-tools.ts';

/**
 * `npm run concord -- backup <file>` and `restore <file>`. A backup is one tar archive:
 *
 *   concord-backup.json   what it holds (first, so a restore can refuse a wrong one before writing)
 *   database.pgdump       PostgreSQL: `pg_dump --format=custom`, one consistent snapshot
 *   database.pgdata.tgz   embedded: PGlite's own dump of its data directory, taken while Concord is stopped
 *   secret.key            the demo's generated secret, when there is one (it encrypts stored secrets)
 *   files/<key>           uploaded files, when they are kept in the data directory
 *
 * Files are copied after the database, so every file the database names is in the backup (a file
 * uploaded meanwhile is copied too, and unreferenced: harmless). Files in S3 are not copied: the
 * bucket's own versioning and replication protect them, and the manifest names the bucket.
 */

export type BackupConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'files'>;

interface Manifest {
  format: 'concord-backup';
  version: 1;
  createdAt: string;
  database: 'postgres' | 'embedded';
  /** PostgreSQL's server_version_num, or the embedded one's. */
  postgresVersion: number;
  files: { storage: 'local'; count: number } | { storage: 's3'; bucket: string; endpoint: string | null };
}

const manifestName = 'concord-backup.json';

export class BackupError extends Error {}

const gzipped = promisify(gzip);

export async function backup(config: BackupConfig, file: string): Promise<string> {
  const target = resolve(file);
  const partial = `${target}.partial`;
  const work = await mkdtemp(join(tmpdir(), 'concord-backup-'));
  try {
    const database = config.databaseUrl ? await dumpPostgres(config.databaseUrl, work) : await dumpEmbedded(config.dataDir, work);
    const dataDir = resolve(config.dataDir);
    const files = config.files.storage === 'local' && config.dataDir !== 'memory://' ? await listFiles(join(dataDir, 'files')) : [];
    const manifest: Manifest = {
      format: 'concord-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database: config.databaseUrl ? 'postgres' : 'embedded',
      postgresVersion: database.version,
      files: config.files.storage === 's3'
        ? { storage: 's3', bucket: config.files.bucket, endpoint: config.files.endpoint ?? null }
        : { storage: 'local', count: files.length },
    };

    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(partial, { mode: 0o600 }));
    await addBuffer(pack, manifestName, Buffer.from(JSON.stringify(manifest, null, 2)));
    await addFile(pack, database.entry, database.path);
    const secret = join(dataDir, 'secret.key');
    if (existsSync(secret)) await addFile(pack, 'secret.key', secret);
    for (const path of files) await addFile(pack, `files/${relative(join(dataDir, 'files'), path).split(sep).join('/')}`, path);
    pack.finalize();
    await written;
    await flushToDisk(partial);
    await rename(partial, target);
    await flushToDisk(dirname(target));
    return `Backed up the ${manifest.database === 'postgres' ? 'PostgreSQL' : 'embedded'} database${manifest.files.storage === 'local' ? ` and ${files.length} file(s)` : ` (files stay in the S3 bucket ${config.files.storage === 's3' ? config.files.bucket : ''}, protected by its versioning)`} to ${target} (${((await stat(target)).size / 1e6).toFixed(1)} MB).`;
  } finally {
    await rm(partial, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}

async function dumpPostgres(databaseUrl: string, work: string): Promise<{ entry: string; path: string; version: number }> {
  const version = await serverVersion(databaseUrl);
  const path = join(work, 'database.pgdump');
  await run(postgresTool('pg_dump', Math.floor(version / 10000)), ['--format=custom', `--file=${path}`, `--dbname=${databaseUrl}`]);
  return { entry: 'database.pgdump', path, version };
}

/**
 * The embedded database can only be copied whole while nothing writes it: taking its lock makes
 * sure Concord is stopped, and keeps it from starting until the copy is made.
 */
async function dumpEmbedded(dataDir: string, work: string): Promise<{ entry: string; path: string; version: number }> {
  if (!existsSync(join(resolve(dataDir), 'pgdata', 'PG_VERSION'))) throw new BackupError(`There is no embedded database in ${resolve(dataDir)} to back up (set CONCORD_DATA_DIR, or DATABASE_URL for PostgreSQL).`);
  const database = await openDatabase({ dataDir }).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) throw new BackupError(`${error.message}\nAn embedded database is backed up while Concord is stopped: stop it, back up, start it again.`);
    throw error;
  });
  try {
    const { rows } = await database.pool.query<{ v: string }>("select current_setting('server_version_num') as v");
    const path = join(work, 'database.pgdata.tgz');
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(await gzipped(await database.dumpDataDir!()));
    } finally {
      await handle.close();
    }
    return { entry: 'database.pgdata.tgz', path, version: Number(rows[0]!.v) };
  } finally {
    await database.close();
  }
}

export async function restore(config: BackupConfig, file: string, options: { force: boolean }): Promise<string> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`${source} does not exist.`);
  const dataDir = resolve(config.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // Held throughout: a Concord started on this data directory meanwhile would see half a restore.
  const release = await acquireDataDirLock(dataDir).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) throw new BackupError(`${error.message}\nStop Concord before restoring into its data directory.`);
    throw error;
  });
  const work = await mkdtemp(join(tmpdir(), 'concord-restore-'));
  try {
    const filesDir = join(dataDir, 'files');
    const storage = localFileStorage(filesDir);
    const occupied = [
      ...(config.databaseUrl ? await postgresTables(config.databaseUrl) : existsSync(join(dataDir, 'pgdata', 'PG_VERSION')) ? ['the embedded database in pgdata'] : []),
      ...((await listFiles(filesDir)).length > 0 ? [`uploaded files in ${filesDir}`] : []),
    ];
    let setAsideIn: string | null = null;
    if (occupied.length > 0) {
      if (!options.force) {
        throw new BackupError(`Nothing was restored: the target already holds data (${occupied.join('; ')}). Restore into an empty database and data directory, or add --force to replace it${config.databaseUrl ? '' : ` (what is there is moved into ${join(dataDir, 'before-restore-<time>')})`}.`);
      }
      setAsideIn = await setAside(config, dataDir);
    }

    let manifest: Manifest | null = null;
    let files = 0;
    await readArchive(source, async (name, body) => {
      if (name === manifestName) {
        manifest = checkManifest(JSON.parse((await readAll(body)).toString('utf8')), config);
        return;
      }
      if (!manifest) throw new BackupError(`${source} is not a Concord backup: it does not start with ${manifestName}.`);
      if (name === 'database.pgdump') {
        const dump = join(work, 'database.pgdump');
        await pipeline(body, createWriteStream(dump, { mode: 0o600 }));
        const version = await serverVersion(config.databaseUrl!);
        await run(postgresTool('pg_restore', Math.max(Math.floor(version / 10000), Math.floor((manifest as Manifest).postgresVersion / 10000))), [
          '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(options.force ? ['--clean', '--if-exists'] : []), `--dbname=${config.databaseUrl!}`, dump,
        ]);
      } else if (name === 'database.pgdata.tgz') {
        // Extracted beside its place and moved in whole: a restore cut short leaves no half database.
        const restoring = join(dataDir, 'pgdata.restoring');
        await rm(restoring, { recursive: true, force: true });
        await extractDataDir(body, restoring);
        await rename(restoring, join(dataDir, 'pgdata'));
        await flushToDisk(dataDir);
      } else if (name === 'secret.key') {
        await writeFileWhole(join(dataDir, 'secret.key'), await readAll(body));
      } else if (name.startsWith('files/')) {
        await storage.put(name.slice('files/'.length), await readAll(body));
        files++;
      } else {
        throw new BackupError(`${source} holds ${name}, which this version of Concord does not know: restore it with the version that made it.`);
      }
    });
    if (!manifest) throw new BackupError(`${source} is empty or not a Concord backup.`);
    const made = manifest as Manifest;
    return [
      `Restored the ${made.database === 'postgres' ? 'PostgreSQL' : 'embedded'} database backed up at ${made.createdAt}${made.files.storage === 'local' ? `, and ${files} file(s)` : ''}.`,
      ...(made.files.storage === 's3' ? [`Its files are in the S3 bucket ${made.files.bucket}${made.files.endpoint ? ` at ${made.files.endpoint}` : ''}: point FILE_STORAGE at that bucket (restore its objects from the bucket's versions if they were lost).`] : []),
      ...(setAsideIn ? [`What was there before is in ${setAsideIn}.`] : []),
    ].join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
    release();
  }
}

function checkManifest(manifest: Manifest, config: BackupConfig): Manifest {
  if (manifest.format !== 'concord-backup' || manifest.version !== 1) throw new BackupError('This is not a Concord backup this version can read.');
  const into = config.databaseUrl ? 'postgres' : 'embedded';
  if (manifest.database !== into) {
    throw new BackupError(manifest.database === 'postgres'
      ? 'This backup is of a PostgreSQL database: set DATABASE_URL to an empty PostgreSQL database to restore it into.'
      : 'This backup is of an embedded database: unset DATABASE_URL and set CONCORD_DATA_DIR to an empty folder to restore it into.');
  }
  return manifest;
}

/** With --force, the embedded database and files being replaced are kept, not deleted. */
async function setAside(config: BackupConfig, dataDir: string): Promise<string | null> {
  const aside = join(dataDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const moved = ['pgdata', 'files', 'secret.key'].filter((name) => (name !== 'pgdata' || !config.databaseUrl) && existsSync(join(dataDir, name)));
  if (moved.length === 0) return null;
  await mkdir(aside, { mode: 0o700 });
  for (const name of moved) await rename(join(dataDir, name), join(aside, name));
  return aside;
}

async function postgresTables(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
    return rows[0]!.n > 0 ? [`${rows[0]!.n} table(s) in the PostgreSQL database`] : [];
  } finally {
    await client.end();
  }
}

async function serverVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
    return Number(rows[0]!.v);
  } finally {
    await client.end();
  }
}

/** PGlite's dump names its files from the data directory's root ("/base/1/112"). */
async function extractDataDir(gzipped: Readable, pgdata: string): Promise<void> {
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  await readTar(gzipped.pipe(createGunzip()), async (header, body) => {
    const path = join(pgdata, header.name);
    if (path !== pgdata && !path.startsWith(pgdata + sep)) throw new BackupError(`The database in this backup names a file outside its folder: ${header.name}`);
    if (header.type === 'directory') await mkdir(path, { recursive: true, mode: 0o700 });
    else await writeFileWhole(path, await readAll(body));
  });
  await flushToDisk(pgdata);
}

async function readArchive(file: string, onEntry: (name: string, body: Readable) => Promise<void>): Promise<void> {
  try {
    await readTar(createReadStream(file), (header, body) => onEntry(header.name, body));
  } catch (error) {
    if (error instanceof BackupError || error instanceof PostgresToolError) throw error;
    throw new BackupError(`Restoring from ${file} failed: ${(error as Error).message}. Is it a Concord backup, whole?`);
  }
}

function readTar(input: Readable, onEntry: (header: tar.Headers, body: Readable) => Promise<void>): Promise<void> {
  const extract = tar.extract();
  // Each handler reads its entry to the end before the next one starts.
  extract.on('entry', (header, body, next) => {
    onEntry(header, body).then(() => next(), (error: unknown) => extract.destroy(error as Error));
  });
  return pipeline(input, extract);
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under a folder, except a write in progress (storage.ts's temporary files). */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function addBuffer(pack: tar.Pack, name: string, bytes: Buffer): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    pack.entry({ name, size: bytes.length, mode: 0o600 }, bytes, (error) => (error ? reject(error) : resolvePromise()));
  });
}

async function addFile(pack: tar.Pack, name: string, path: string): Promise<void> {
  const { size } = await stat(path);
  const done = new Promise<void>((resolvePromise, reject) => {
    const entry = pack.entry({ name, size, mode: 0o600 }, (error) => (error ? reject(error) : resolvePromise()));
    createReadStream(path).on('error', reject).pipe(entry);
  });
  await done;
}

/** Runs pg_dump or pg_restore; its own message explains a failure. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new PostgresToolError(`${command} could not be run: ${error.message}`)));
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new BackupError(`${command.split('/').pop()} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}
