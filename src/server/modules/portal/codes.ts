import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { portalCode, type PortalChannel } from '../../../shared/portal.ts';
import type { AnyContext } from '../../platform/context.ts';
import { subjectOfAccess } from './present.ts';
import * as q from './queries.ts';
import { settingsOf } from './settings.ts';
import { portalUrl, sendTo, type TellDeps } from './tell.ts';
import { codeWording, invitationWording } from './wording.ts';

/** The key one-time codes are kept under, apart from every other use of the server's secret. */
export function portalCodeKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'portal codes', 32));
}

/** A code is kept only as an HMAC bound to its access, so the table alone gives no code away. */
export function codeHash(key: Buffer, accessId: string, code: string): string {
  return createHmac('sha256', key).update(`${accessId}:${code}`).digest('hex');
}

export interface CodeDeps extends TellDeps {
  codeKey: Buffer;
}

/** At most this many codes an hour per access, whoever asks: more are silently not sent. */
const codesPerHour = 5;
const hourMs = 60 * 60 * 1000;

/**
 * Makes a code for the access, ending its earlier ones, and sends it by the channel, which the
 * caller has checked the contact plan marks safe. False, sending nothing, past the hourly limit.
 */
export async function issueCode(ctx: AnyContext, deps: CodeDeps, access: q.AccessRow, channel: PortalChannel, purpose: 'invitation' | 'sign_in'): Promise<boolean> {
  const now = Date.now();
  if (await q.codesSince(ctx.tx, access.id, new Date(now - hourMs)) >= codesPerHour) return false;
  const code = String(randomInt(10 ** portalCode.digits)).padStart(portalCode.digits, '0');
  await q.endLiveCodes(ctx.tx, access.id);
  await q.insertCode(ctx.tx, {
    accessId: access.id,
    codeHash: codeHash(deps.codeKey, access.id, code),
    channel,
    purpose,
    expiresAt: new Date(now + portalCode.lifetimeMinutes * 60 * 1000),
  });
  const { serviceName } = await settingsOf(ctx.tx, access.partnershipId);
  await sendTo(ctx, deps, access, channel, purpose === 'invitation' ? invitationWording(serviceName, portalUrl(deps), code) : codeWording(serviceName, code));
  ctx.audit({ action: 'portal.code_sent', ...subjectOfAccess(access), details: { purpose, channel } });
  return true;
}
