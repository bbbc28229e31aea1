import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Settings } from '../../config.ts';
import { openS3FileStorage } from './s3.ts';
import { newStorageKey } from './storage.ts';

// The S3 backend against a local S3-compatible server (s3rver, as bench/cluster.ts uses).
describe('S3 file storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-s3-test-'));
  let server: S3rver;
  let settings: S3Settings;

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', directory: dir, silent: true, configureBuckets: [{ name: 'concord-test', configs: [] }] });
    const { port } = await server.run();
    settings = { bucket: 'concord-test', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, forcePathStyle: true };
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts, gets and deletes bytes; a missing key is null and deleting it again is no error', async () => {
    const storage = await openS3FileStorage(settings);
    const key = newStorageKey();
    const bytes = Buffer.from([0, 1, 2, 255, ...Buffer.from('Café report')]);
    await storage.files.put(key, bytes);
    expect(await storage.files.get(key)).toEqual(bytes);
    await storage.files.delete(key);
    expect(await storage.files.get(key)).toBeNull();
    await storage.files.delete(key);
    expect(await storage.files.get(newStorageKey())).toBeNull();
    await expect(storage.files.put('../escape', bytes)).rejects.toThrow('not a storage key');
    await storage.close();
  });

  it('refuses to start on a bucket that does not exist, saying which', async () => {
    await expect(openS3FileStorage({ ...settings, bucket: 'no-such-bucket' })).rejects.toThrow('the S3 bucket "no-such-bucket" at http://127.0.0.1');
  });
});
