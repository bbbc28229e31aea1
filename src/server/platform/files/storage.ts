import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Where file bytes live. Metadata (type, size, hash, who) is in `stored_files`; the storage only
 * keeps bytes under a key that Concord made up, so nothing a caller sends ever becomes a path.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a key that is not there is not an error: deletes are retried after failures. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

/** The key itself, refused unless Concord could have made it. */
export function checkStorageKey(key: string): string {
  if (!keyPattern.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}

/** A fresh key: random, fanned out over 256 folders so no folder grows too large. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

/** Flushes a file or a folder to disk: a rename is durable only once its folder is flushed. */
export async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `path` whole or not at all: a temporary file beside it, flushed and renamed over it, then
 * its folder flushed, and a folder it had to create flushed into its parent.
 */
export async function writeFileWhole(path: string, bytes: Buffer): Promise<void> {
  const created = await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await flushToDisk(dirname(path));
  if (created) await flushToDisk(dirname(created));
}

/** Files in a folder on the local disk. A write lands whole or not at all: temp file, then rename. */
export function localFileStorage(root: string): FileStorage {
  const pathOf = (key: string) => join(root, checkStorageKey(key));
  return {
    put: (key, bytes) => writeFileWhole(pathOf(key), bytes),
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/**
 * The storage for this installation: the S3 bucket when FILE_STORAGE=s3, otherwise `files` in the
 * data directory. An in-memory database (the tests) gets a fresh temporary folder instead,
 * removed again on close.
 */
export async function openFileStorage(config: Config): Promise<{ files: FileStorage; close(): Promise<void> }> {
  // Loaded only when chosen: the SDK is large, and most installations keep files on their disk.
  if (config.files.storage === 's3') return (await import('./s3.ts')).openS3FileStorage(config.files);
  if (config.dataDir === 'memory://') {
    const root = await mkdtemp(join(tmpdir(), 'concord-files-'));
    return { files: localFileStorage(root), close: () => rm(root, { recursive: true, force: true }) };
  }
  const root = resolve(config.dataDir, 'files');
  await mkdir(root, { recursive: true, mode: 0o700 });
  return { files: localFileStorage(root), close: async () => {} };
}
