import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const sessionSecret = 'a-session-secret-of-at-least-32-characters';
const key = randomBytes(32);
const other = randomBytes(32);

describe('data encryption settings', () => {
  it('are optional in demo mode', () => {
    expect(loadConfig({}).dataEncryption).toEqual({ key: undefined, previousKeys: [] });
    expect(loadConfig({ DATA_ENCRYPTION_KEY: '', DATA_ENCRYPTION_PREVIOUS_KEYS: '' }).dataEncryption).toEqual({ key: undefined, previousKeys: [] });
  });

  it('take 64 hex characters, base64 or base64url', () => {
    for (const text of [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64'), key.toString('base64url'), ` ${key.toString('base64')} `]) {
      expect(loadConfig({ DATA_ENCRYPTION_KEY: text }).dataEncryption.key).toEqual(key);
    }
  });

  it('take previous keys separated by commas', () => {
    const config = loadConfig({ DATA_ENCRYPTION_KEY: key.toString('hex'), DATA_ENCRYPTION_PREVIOUS_KEYS: `${other.toString('base64')}, ${key.toString('hex')}` });
    expect(config.dataEncryption.previousKeys).toEqual([other, key]);
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['63 hex characters', key.toString('hex').slice(1)],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['base64 with a stray character', `${key.toString('base64').slice(0, 20)}!${key.toString('base64').slice(20)}`],
  ])('refuse %s without repeating it', (_, text) => {
    const refusal = /DATA_ENCRYPTION_KEY: must be 32 bytes as base64 or 64 hex characters/;
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: text })).toThrow(refusal);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: text })).not.toThrow(text);
  });

  it('name the previous key that is wrong', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_PREVIOUS_KEYS: `${key.toString('hex')},not-a-key` }))
      .toThrow(/DATA_ENCRYPTION_PREVIOUS_KEYS: key 2 must be 32 bytes as base64 or 64 hex characters/);
    expect(() => loadConfig({ DATA_ENCRYPTION_PREVIOUS_KEYS: `${key.toString('hex')},` })).toThrow(/DATA_ENCRYPTION_PREVIOUS_KEYS: key 2 must be/);
  });

  it('require a key when the demo is off', () => {
    expect(() => loadConfig({ CONCORD_DEMO: 'false', SESSION_SECRET: sessionSecret })).toThrow(/DATA_ENCRYPTION_KEY: is required when CONCORD_DEMO is off/);
    expect(loadConfig({ CONCORD_DEMO: 'false', SESSION_SECRET: sessionSecret, DATA_ENCRYPTION_KEY: key.toString('base64') }).dataEncryption.key).toEqual(key);
  });
});

describe('file storage settings', () => {
  it('keep files on the disk unless S3 is chosen, which needs a bucket and both keys or neither', () => {
    expect(loadConfig({}).files).toEqual({ storage: 'local' });
    expect(() => loadConfig({ FILE_STORAGE: 's3' })).toThrow('S3_BUCKET: is required with FILE_STORAGE=s3');
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'Bad_Bucket' })).toThrow('S3_BUCKET: must be an S3 bucket name');
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'id' })).toThrow('S3_SECRET_ACCESS_KEY: is required with the other S3 key');
    expect(() => loadConfig({ FILE_STORAGE: 'ftp' })).toThrow('FILE_STORAGE');
    expect(loadConfig({ FILE_STORAGE: 's3', S3_BUCKET: 'files', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' }).files).toEqual({
      storage: 's3', bucket: 'files', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', credentials: { accessKeyId: 'id', secretAccessKey: 'secret' }, forcePathStyle: true,
    });
  });
});
