import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfigError, type S3Settings } from '../../config.ts';
import { checkStorageKey, type FileStorage } from './storage.ts';

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Files in an S3 bucket, which every instance of Concord reaches alike. A PUT replaces an object
 * whole, so a write lands whole or not at all as on the local disk.
 */
export async function openS3FileStorage(settings: S3Settings): Promise<{ files: FileStorage; close(): Promise<void> }> {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // The checksums the SDK has added to every upload by default since early 2025 are refused by
    // several S3-compatible servers (older Ceph and MinIO among them); a signed upload carries
    // the body's SHA-256 anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;
  try {
    await client.send(new HeadBucketCommand({ Bucket }));
  } catch (error) {
    client.destroy();
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const why = status === 404 ? 'it does not exist' : status === 403 ? 'access was refused (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)' : String((error as Error).message || error);
    throw new ConfigError(`Concord cannot start: the S3 bucket "${Bucket}" at ${settings.endpoint ?? 'AWS'} cannot be used: ${why}.`);
  }
  const files: FileStorage = {
    async put(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkStorageKey(key), Body: bytes, ContentLength: bytes.length }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checkStorageKey(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a delete of a missing key with success, as the interface asks.
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkStorageKey(key) }));
    },
  };
  return { files, close: async () => client.destroy() };
}
