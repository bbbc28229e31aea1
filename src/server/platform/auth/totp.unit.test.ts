import { createGuardrails, generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret } from './totp.ts';

const secret = 'JBSWY3DPEHPK3PXP';
const at = Date.UTC(2026, 10, 22, 12, 0, 10);
const codeAt = (ms: number) => generate({ secret, epoch: Math.floor(ms / 1000), guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });

describe('checkTotp', () => {
  it('accepts the current code and returns its step', async () => {
    expect(await checkTotp(secret, await codeAt(at), null, at)).toBe(Math.floor(at / 30_000));
  });

  it('accepts the previous step for clock drift', async () => {
    expect(await checkTotp(secret, await codeAt(at - 30_000), null, at)).toBe(Math.floor(at / 30_000) - 1);
  });

  it('refuses a code two steps old', async () => {
    expect(await checkTotp(secret, await codeAt(at - 60_000), null, at)).toBeNull();
  });

  it('refuses a code whose step was already used', async () => {
    const step = Math.floor(at / 30_000);
    expect(await checkTotp(secret, await codeAt(at), step, at)).toBeNull();
  });

  it('refuses malformed and wrong codes', async () => {
    expect(await checkTotp(secret, 'abcdef', null, at)).toBeNull();
    const right = await codeAt(at);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await checkTotp(secret, wrong, null, at)).toBeNull();
  });

  it('makes 32-character base32 secrets', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});
