import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import { secretMaterial } from '../auth/crypto.ts';

/**
 * Envelope encryption of data at rest (AES-256-GCM). Each value gets its own random data key,
 * which is stored beside it wrapped by a key-encryption key from configuration; rotating that key
 * needs no re-encryption, only the old one kept in DATA_ENCRYPTION_PREVIOUS_KEYS until nothing
 * sealed under it is left.
 */
export interface KeyRing {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

const version = 'e1';
const tagBytes = 16;

/** A key's name in what it sealed: enough to pick it from the ring, nothing about the key itself. */
const keyId = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** Built once at start. A demo without DATA_ENCRYPTION_KEY derives its key from the server's secret. */
export function loadKeyRing(config: Config): KeyRing {
  const key = config.dataEncryption.key ?? Buffer.from(hkdfSync('sha256', secretMaterial(config), 'concord', 'data-encryption-key', 32));
  const byId = new Map([...config.dataEncryption.previousKeys, key].map((k) => [keyId(k), k]));
  return { current: { id: keyId(key), key }, byId };
}

type Sealed = [iv: string, tag: string, body: string];

function gcmSeal(key: Buffer, plaintext: Buffer, aad?: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')];
}

function gcmOpen(key: Buffer, [iv, tag, body]: Sealed, aad?: Buffer): Buffer {
  // A fixed tag length: GCM would otherwise accept a truncated tag, which is far easier to forge.
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: tagBytes });
  if (aad) decipher.setAAD(aad);
  try {
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch (cause) {
    throw new Error('sealed value is damaged or was altered', { cause });
  }
}

/** `e1.<kekId>.<wrapIv>.<wrapTag>.<wrappedDek>.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function seal(ring: KeyRing, plaintext: string): string {
  const dataKey = randomBytes(32);
  const { id, key } = ring.current;
  // The key id is authenticated with the wrapped key, so a value relabelled to another key fails.
  return [version, id, ...gcmSeal(key, dataKey, Buffer.from(id)), ...gcmSeal(dataKey, Buffer.from(plaintext, 'utf8'))].join('.');
}

export function open(ring: KeyRing, sealed: string): string {
  const parts = sealed.split('.');
  const [v, id, wrapIv, wrapTag, wrappedKey, iv, tag, body] = parts;
  // Only the ciphertext may be empty: an empty string sealed.
  if (parts.length !== 8 || v !== version || !id || !wrapIv || !wrapTag || !wrappedKey || !iv || !tag || body === undefined) {
    throw new Error('unrecognised sealed value');
  }
  const key = ring.byId.get(id);
  if (!key) throw new Error(`sealed with an unknown key ${id}: add it to DATA_ENCRYPTION_PREVIOUS_KEYS`);
  const dataKey = gcmOpen(key, [wrapIv, wrapTag, wrappedKey], Buffer.from(id));
  return gcmOpen(dataKey, [iv, tag, body]).toString('utf8');
}

export const sealJson = (ring: KeyRing, value: unknown): string => seal(ring, JSON.stringify(value));

export const openJson = <T>(ring: KeyRing, sealed: string): T => JSON.parse(open(ring, sealed)) as T;
