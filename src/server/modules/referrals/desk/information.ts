import type { Referral } from '../../../../shared/api/referrals.ts';
import type { ReferralState } from '../../../../shared/referrals.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { randomToken, sha256 } from '../../../platform/auth/crypto.ts';
import type { Context } from '../../../platform/context.ts';
import { open, seal, type KeyRing } from '../../../platform/crypto/envelope.ts';
import { notify } from '../../notifications/notify.ts';
import { emailInformationRequest } from '../emails.ts';
import * as q from '../queries.ts';
import { loadForDesk, loadReferral, referralSubject, takeStep, type OpenedReferral, type ReferralDeps } from '../referral.ts';
import { reread } from './work.ts';

/** How long the referrer's link to answer works. */
const linkDays = 28;

/** Asks the referrer for more information: takes request-information, stores the sealed question and a single-use link (28 days), emails the referrer if they gave an email. */
export async function requestInformation(
  ctx: Context,
  deps: ReferralDeps,
  referral: OpenedReferral,
  question: string,
  opts: { reason: string; version?: number; audit?: boolean },
): Promise<{ status: ReferralState; version: number; emailed: boolean }> {
  const moved = await takeStep(ctx, referral, 'request-information', opts);
  const now = new Date();
  await q.expireOpenRequests(ctx.tx, referral.id, now);
  const token = randomToken();
  await q.insertInformationRequest(ctx.tx, {
    referralId: referral.id,
    tokenHash: sha256(token),
    sealedQuestion: seal(deps.keyRing, question),
    askedBy: ctx.actor.id,
    askedAt: now,
    expiresAt: new Date(now.getTime() + linkDays * 24 * 60 * 60 * 1000),
  });
  const emailed = await emailInformationRequest(ctx, deps.mailer, referral, `${deps.publicUrl()}/refer/answer/${token}`, linkDays);
  return { ...moved, emailed };
}

/** The referrer's link: what was asked (null if unknown, used or expired — the caller answers 404 either way). */
export async function informationRequestByToken(ctx: Context<Actor | null>, keyRing: KeyRing, token: string): Promise<{ reference: string; formTitle: string; question: string; sensitive: boolean } | null> {
  const request = await q.liveRequestByToken(ctx.tx, sha256(token), false);
  if (!request) return null;
  const team = { id: request.teamId, organisationId: request.organisationId };
  ctx.audit({ action: 'referral.viewed', ...referralSubject({ id: request.referralId, team }), details: { reference: request.reference } });
  return {
    reference: request.reference,
    formTitle: request.formName ?? 'Your referral',
    question: open(keyRing, request.sealedQuestion),
    sensitive: request.sensitive ?? false,
  };
}

/** The referrer answers through the link: seals the answer, takes information-received (system step, userId null), tells the assignee or the team, audits referral.information_answered. false if the token is unknown/used/expired. */
export async function answerByToken(ctx: Context<Actor | null>, keyRing: KeyRing, token: string, information: string): Promise<boolean> {
  const tokenHash = sha256(token);
  const found = await q.liveRequestByToken(ctx.tx, tokenHash, false);
  if (!found) return false;
  // The referral's row first, then the question's, read again: the desk may have moved it meanwhile.
  await q.lockReferral(ctx.tx, found.referralId);
  const request = await q.liveRequestByToken(ctx.tx, tokenHash, true);
  if (!request) return false;
  const loaded = await loadReferral(ctx, keyRing, request.referralId);
  if (!loaded || !(await q.answerRequest(ctx.tx, request.id, { via: 'link', sealedAnswer: seal(keyRing, information), at: new Date() }))) return false;
  const referral = loaded.opened;
  await takeStep(ctx, referral, 'information-received', { audit: false });
  ctx.audit({ action: 'referral.information_answered', ...referralSubject(referral), details: { reference: referral.reference, requestId: request.id } });
  // The assignee if they still work this desk; otherwise the whole team, so someone hears.
  const members = await q.deskMembers(ctx.tx, referral.team.id);
  const told = referral.assignedToId && members.includes(referral.assignedToId) ? [referral.assignedToId] : members;
  await notify(ctx, told.map((userId) => ({
    userId,
    kind: 'referral_received' as const,
    message: `The referrer answered the question on referral ${referral.reference}.`,
    link: `/referrals/${referral.id}`,
    subjectId: referral.id,
  })));
  return true;
}

/**
 * The team records what the referrer told them (by phone, say): it answers the question waiting
 * for an answer, whose link then no longer works, and the clock starts again.
 */
export async function recordInformation(ctx: Context, keyRing: KeyRing, id: string, body: { version?: number; information: string }): Promise<Referral> {
  const { opened } = await loadForDesk(ctx, keyRing, id);
  await takeStep(ctx, opened, 'information-received', { version: body.version });
  const waiting = await q.openRequestOf(ctx.tx, opened.id);
  const sealed = seal(keyRing, body.information);
  // A referral put to waiting without a question (none is asked by the desk itself) keeps the answer as a note.
  if (waiting) await q.answerRequest(ctx.tx, waiting.id, { via: 'team', sealedAnswer: sealed, at: new Date() });
  else {
    const note = await q.insertNote(ctx.tx, { referralId: opened.id, authorId: ctx.actor.id, sealedText: sealed });
    ctx.audit({ action: 'referral.noted', ...referralSubject(opened), details: { reference: opened.reference, noteId: note.id } });
  }
  return reread(ctx, keyRing, id);
}
