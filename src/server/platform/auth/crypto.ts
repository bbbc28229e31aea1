import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.ts';

/** 256 bits from the operating system's generator, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The server's secret, which keys are derived from. Outside demo mode it is SESSION_SECRET (config
 * refuses to start without it); a demo generates one on first start and keeps it in the data
 * directory, so there is never a default secret shared between installations.
 */
export function secretMaterial(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const dir = resolve(config.dataDir);
  const path = join(dir, 'secret.key');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(path, randomToken(48), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}

/** The key that encrypts authenticator secrets. */
export function loadSecretKey(config: Config): Buffer {
  return Buffer.from(hkdfSync('sha256', secretMaterial(config), 'concord', 'encryption-key', 32));
}

/** AES-256-GCM; the output carries its nonce and tag: `v1.<iv>.<tag>.<ciphertext>`. */
export function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decrypt(key: Buffer, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unrecognised sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
