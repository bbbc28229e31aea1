import { createGuardrails, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app expects. */
const period = 30;

// New secrets are 160 bits; 80-bit secrets (RFC 4226's minimum) are still accepted because the
// demo accounts share the well-known secret that API.md publishes.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Concord', label: account, secret });
}

export function totpQrCode(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { margin: 1, width: 240 });
}

/**
 * Accepts a code from the current step or one either side (clock drift), and returns the step
 * used, or null. A step at or before `lastStep` is refused: a code works once.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: period, epoch: Math.floor(now / 1000), guardrails }).catch(() => null);
  if (!result?.valid) return null;
  const step = Math.floor(now / 1000 / period) + result.delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
