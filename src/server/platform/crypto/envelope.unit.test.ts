import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { loadSecretKey } from '../auth/crypto.ts';
import { loadKeyRing, open, openJson, seal, sealJson, type KeyRing } from './envelope.ts';

const sessionSecret = 'a-session-secret-of-at-least-32-characters';
const oldKey = randomBytes(32).toString('hex');
const newKey = randomBytes(32).toString('base64');
const ringOf = (env: NodeJS.ProcessEnv): KeyRing => loadKeyRing(loadConfig({ SESSION_SECRET: sessionSecret, ...env }));
const ring = ringOf({ DATA_ENCRYPTION_KEY: newKey });

/** Changes the first character of one dot-separated part: the last may only carry padding bits. */
function tamper(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const text = parts[part]!;
  parts[part] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
  return parts.join('.');
}

describe('seal and open', () => {
  it('opens what it sealed', () => {
    const text = 'Jo Bloggs, 12 Acacia Avenue — "worried about the neighbours" ✓';
    expect(open(ring, seal(ring, text))).toBe(text);
    expect(open(ring, seal(ring, ''))).toBe('');
  });

  it('seals the same text differently each time and never shows it', () => {
    const text = 'Jo Bloggs lives at 12 Acacia Avenue';
    const [a, b] = [seal(ring, text), seal(ring, text)];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^e1\.[0-9a-f]{8}(\.[A-Za-z0-9_-]+){5}\.[A-Za-z0-9_-]*$/);
    expect(a).not.toContain('Bloggs');
    expect(Buffer.from(a.split('.')[7]!, 'base64url').toString('latin1')).not.toContain('Bloggs');
  });

  it('round-trips JSON', () => {
    const value = { answers: { q1: 'yes', q2: ['a', 'b'] }, person: { name: 'Jo', dateOfBirth: '1990-01-01' }, count: 3, none: null };
    expect(openJson<typeof value>(ring, sealJson(ring, value))).toEqual(value);
  });

  it.each([
    ['the wrapping nonce', 2],
    ['the wrapping tag', 3],
    ['the wrapped data key', 4],
    ['the nonce', 5],
    ['the tag', 6],
    ['the ciphertext', 7],
  ])('refuses a value whose %s was altered', (_, part) => {
    expect(() => open(ring, tamper(seal(ring, 'secret answers'), part))).toThrow('sealed value is damaged or was altered');
  });

  it('refuses a value relabelled to another key id', () => {
    const sealed = seal(ring, 'secret answers');
    // The same key under a second id: only the id bound into the wrapping tells them apart.
    const twin: KeyRing = { current: ring.current, byId: new Map([...ring.byId, ['deadbeef', ring.current.key]]) };
    expect(() => open(twin, sealed.replace(`.${ring.current.id}.`, '.deadbeef.'))).toThrow('sealed value is damaged or was altered');
    expect(() => open(ring, sealed.replace(`.${ring.current.id}.`, '.deadbeef.'))).toThrow('sealed with an unknown key deadbeef');
  });

  it('refuses a truncated tag and what is not a sealed value', () => {
    const parts = seal(ring, 'secret answers').split('.');
    parts[6] = parts[6]!.slice(0, 6);
    expect(() => open(ring, parts.join('.'))).toThrow('sealed value is damaged or was altered');
    expect(() => open(ring, 'secret answers')).toThrow('unrecognised sealed value');
    expect(() => open(ring, seal(ring, 'x').replace(/^e1/, 'e2'))).toThrow('unrecognised sealed value');
    expect(() => open(ring, `${seal(ring, 'x')}.extra`)).toThrow('unrecognised sealed value');
  });
});

describe('key rotation', () => {
  const sealedUnderOld = seal(ringOf({ DATA_ENCRYPTION_KEY: oldKey }), 'sealed last year');

  it('opens a value sealed under a previous key and seals new ones under the current key', () => {
    const rotated = ringOf({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_PREVIOUS_KEYS: oldKey });
    expect(open(rotated, sealedUnderOld)).toBe('sealed last year');
    expect(seal(rotated, 'new').split('.')[1]).toBe(ring.current.id);
  });

  it('names the key it lacks and the setting to put it in', () => {
    const oldId = sealedUnderOld.split('.')[1];
    expect(() => open(ring, sealedUnderOld)).toThrow(`sealed with an unknown key ${oldId}: add it to DATA_ENCRYPTION_PREVIOUS_KEYS`);
  });
});

describe('loadKeyRing', () => {
  it('names each key by the first 8 hex characters of its SHA-256', () => {
    const rotated = ringOf({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_PREVIOUS_KEYS: oldKey });
    const id = (k: Buffer) => createHash('sha256').update(k).digest('hex').slice(0, 8);
    expect(rotated.current).toEqual({ id: id(Buffer.from(newKey, 'base64')), key: Buffer.from(newKey, 'base64') });
    expect([...rotated.byId.keys()].sort()).toEqual([id(Buffer.from(newKey, 'base64')), id(Buffer.from(oldKey, 'hex'))].sort());
  });

  it('derives a demo key from the server secret, apart from the authenticator key', () => {
    const config = loadConfig({ SESSION_SECRET: sessionSecret });
    const derived = Buffer.from(hkdfSync('sha256', sessionSecret, 'concord', 'data-encryption-key', 32));
    expect(loadKeyRing(config).current.key).toEqual(derived);
    // Unchanged by sharing the secret: authenticator secrets already stored still decrypt.
    expect(loadSecretKey(config).toString('hex')).toBe('2fe285cffcdb237f08e9229c7838a74b4e2b404e18cada9894c6376968c16b4b');
  });

  it('derives the same demo key on every start from the generated secret', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'concord-envelope-'));
    try {
      const first = loadKeyRing(loadConfig({ CONCORD_DATA_DIR: dataDir }));
      expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);
      const sealed = seal(first, 'kept across restarts');
      expect(open(loadKeyRing(loadConfig({ CONCORD_DATA_DIR: dataDir })), sealed)).toBe('kept across restarts');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
