import type { z } from 'zod';
import type { PortalMe, portalSignInBody, portalVerifyBody } from '../../../shared/api/portal.ts';
import { portalCode, type PortalChannel } from '../../../shared/portal.ts';
import type { ClientActor } from '../../platform/access/actor.ts';
import { sameText } from '../../platform/auth/crypto.ts';
import { endPortalSession, startPortalSession } from '../../platform/auth/portal-sessions.ts';
import type { NewSession } from '../../platform/auth/sessions.ts';
import type { Context } from '../../platform/context.ts';
import { safeChannels } from './channels.ts';
import { codeHash, issueCode, type CodeDeps } from './codes.ts';
import { accessOfClient, presentMe } from './me.ts';
import { clientActorOf, subjectOfAccess } from './present.ts';
import * as q from './queries.ts';

/** The one reply to asking for a code, whether or not anyone has that address or number. */
export const signInReply = `If we have that email address or mobile number, we have sent it a code to sign in. The code works once, for ${portalCode.lifetimeMinutes} minutes.`;

function identifierOf(body: { email?: string; mobile?: string }): { channel: PortalChannel; identifier: string } {
  return body.email !== undefined ? { channel: 'email', identifier: body.email } : { channel: 'sms', identifier: body.mobile! };
}

/**
 * Sends a code to each live access with that address or number (a person may be invited by two
 * partnerships), by the channel they typed, unless their contact plan does not mark it safe or
 * they have had their codes for the hour. Nothing tells the caller which, if any.
 */
export async function requestCode(ctx: Context<null>, deps: CodeDeps, body: z.infer<typeof portalSignInBody>): Promise<void> {
  const { channel, identifier } = identifierOf(body);
  for (const access of await q.liveAccessesBy(ctx.tx, channel, identifier)) {
    const why = !(await safeChannels(ctx, access.profileId))[channel]
      ? 'unsafe_channel'
      : (await issueCode(ctx, deps, access, channel, 'sign_in')) ? null : 'too_many_codes';
    if (why) ctx.audit({ action: 'portal.code_withheld', outcome: 'refused', ...subjectOfAccess(access), details: { channel, why } });
  }
  ctx.audit({ action: 'portal.code_requested', details: { channel } });
}

export type VerifyResult = { kind: 'signed_in'; session: NewSession; me: PortalMe } | { kind: 'failed' };

/**
 * Signs a client in with the code sent to the address or number they give, into a portal session
 * only. A wrong code counts against each live code of theirs (the fifth ends it) and is kept
 * though the request fails; the caller is told nothing of which was wrong.
 */
export async function verifyCode(ctx: Context<null>, deps: CodeDeps, body: z.infer<typeof portalVerifyBody>, userAgent: string | null): Promise<VerifyResult> {
  const { channel, identifier } = identifierOf(body);
  const accesses = await q.liveAccessesBy(ctx.tx, channel, identifier);
  const live = await q.liveCodes(ctx.tx, accesses.map((a) => a.id), channel, new Date());
  const match = live.find((c) => sameText(c.codeHash, codeHash(deps.codeKey, c.accessId, body.code)));
  if (!match) {
    for (const access of accesses) {
      const code = live.find((c) => c.accessId === access.id);
      const why = !code ? 'no_code' : (await q.wrongTry(ctx.tx, code.id, portalCode.maxWrongTries)) ? 'too_many_tries' : 'wrong_code';
      ctx.audit({ action: 'portal.sign_in_failed', outcome: 'failed', ...subjectOfAccess(access), details: { why } });
    }
    if (accesses.length === 0) ctx.audit({ action: 'portal.sign_in_failed', outcome: 'failed', details: { why: 'no_code' } });
    return { kind: 'failed' };
  }
  const access = accesses.find((a) => a.id === match.accessId)!;
  await q.useCode(ctx.tx, match.id);
  await q.markSignedIn(ctx.tx, access.id);
  const session = await startPortalSession(ctx.tx, { accessId: access.id, ip: ctx.origin.ip, userAgent });
  const me = await presentMe(ctx.tx, access, session.csrfToken);
  ctx.audit({ action: 'portal.signed_in', actor: clientActorOf(access, me.firstName), ...subjectOfAccess(access), details: { channel } });
  return { kind: 'signed_in', session, me };
}

/**
 * Ends this session. Its other tabs are told, so a shared device stops showing the portal; a
 * stream checks its own session, so the client's other devices stay signed in.
 */
export async function signOut(ctx: Context<ClientActor>, tokenHash: string): Promise<void> {
  const access = await accessOfClient(ctx);
  await endPortalSession(ctx.tx, tokenHash, 'signed_out');
  ctx.emit({ type: 'session.ended', audience: { clientIds: [access.id] }, data: { reason: 'signed_out' } });
  ctx.audit({ action: 'portal.signed_out', ...subjectOfAccess(access) });
}
