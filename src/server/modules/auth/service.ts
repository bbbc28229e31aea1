import type { Enrolment, Me, SignInBody } from '../../../shared/api/auth.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { decrypt, encrypt, randomToken, sha256 } from '../../platform/auth/crypto.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { endSession, endUserSessions, startSession, upgradeSession, type NewSession } from '../../platform/auth/sessions.ts';
import { checkTotp, newTotpSecret, totpQrCode, totpUri } from '../../platform/auth/totp.ts';
import type { Context } from '../../platform/context.ts';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/notify/types.ts';
import { presentMe, presentTokenMe } from './me.ts';
import * as q from './queries.ts';
import * as ssoQ from './sso/queries.ts';
import { afterFailure, waitRequired } from './throttle.ts';

export interface AuthDeps {
  secretKey: Buffer;
  mailer: Mailer;
  /** Links in emails are built from this, never from the request's Host header. */
  publicUrl: () => string;
}

export type SignInResult =
  | { kind: 'signed_in'; session: NewSession; me: Me }
  | { kind: 'failed' }
  | { kind: 'disabled' }
  | { kind: 'sso_required' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const resetLinkMs = 30 * 60 * 1000;
const invitationLinkMs = 72 * 60 * 60 * 1000;

export function actorOf(account: NonNullable<q.Account>): Actor {
  return {
    kind: 'user',
    id: account.id,
    name: account.name,
    role: account.role,
    isSupervisor: account.isSupervisor,
    isCoordinator: account.isCoordinator,
    schemeLookUp: account.schemeLookUp,
    teamId: account.teamId,
    organisationId: account.organisationId,
    partnershipId: account.partnershipId,
    readOnly: false,
  };
}

export function createAuthService({ secretKey, mailer, publicUrl }: AuthDeps) {
  /** Sends a single-use link to set a password: a reset, or the invitation a new user receives. */
  async function sendPasswordLink(ctx: Context<Actor | null>, account: { id: string; name: string; email: string }, purpose: 'reset' | 'invitation') {
    const token = randomToken();
    const ttl = purpose === 'reset' ? resetLinkMs : invitationLinkMs;
    await q.createPasswordToken(ctx.tx, { userId: account.id, tokenHash: sha256(token), purpose, expiresAt: new Date(Date.now() + ttl) });
    const path = purpose === 'reset' ? 'reset-password' : 'set-password';
    const link = `${publicUrl()}/${path}?token=${token}`;
    await mailer.queueEmail(ctx, purpose === 'reset'
      ? {
          to: account.email,
          userId: account.id,
          subject: 'Reset your Concord password',
          body: `Hello ${account.name},\n\nSomeone asked to reset the password for your Concord account. If it was you, choose a new password here within 30 minutes:\n\n${link}\n\nYou will still need the code from your authenticator app to sign in.\n\nIf you did not ask for this, you can ignore this email; your password has not changed.`,
        }
      : {
          to: account.email,
          userId: account.id,
          subject: 'Your Concord account',
          body: `Hello ${account.name},\n\nAn account has been made for you on Concord, the partnership's shared case management system. Choose your password here within 72 hours:\n\n${link}\n\nWhen you first sign in you will set up an authenticator app on your phone for a second step at sign-in.`,
        });
  }

  return {
    sendPasswordLink,

    async signIn(ctx: Context<null>, input: SignInBody, userAgent: string | null): Promise<SignInResult> {
      const email = input.email.trim().toLowerCase();
      const now = new Date();
      const throttle = await q.getThrottle(ctx.tx, email);
      const wait = waitRequired(throttle, now);
      if (wait > 0) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', details: { email, why: 'throttled' } });
        return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
      }
      const account = await q.findAccountByEmail(ctx.tx, email);
      if (account) await q.lockAccount(ctx.tx, account.id);
      const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);

      let why: 'unknown_account' | 'wrong_password' | 'wrong_code' | null = null;
      let step: number | null = null;
      if (!account) why = 'unknown_account';
      else if (!passwordOk) why = 'wrong_password';
      else if (account.totpEnrolledAt) {
        const secret = decrypt(secretKey, account.totpSecret!);
        step = await checkTotp(secret, input.totp ?? '', account.totpLastStep === null ? null : Number(account.totpLastStep));
        if (step === null) why = 'wrong_code';
      }
      const subject = account ? { entityType: 'user' as const, entityId: account.id, subjectOrganisationId: account.organisationId, subjectTeamId: account.teamId } : {};

      if (why) {
        const next = afterFailure(throttle, now);
        await q.recordFailure(ctx.tx, email, next.failures, next.lockedUntil);
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'failed', ...subject, details: { email, why, failures: next.failures } });
        return { kind: 'failed' };
      }
      const found = account!;
      if (found.disabledAt) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', ...subject, details: { email, why: 'disabled' } });
        return { kind: 'disabled' };
      }
      // System administrators keep their password, so an organisation's provider can never lock everyone out.
      if (found.role !== 'system_admin' && await ssoQ.ssoOnly(ctx.tx, found.organisationId)) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', ...subject, details: { email, why: 'sso_required' } });
        return { kind: 'sso_required' };
      }
      await q.clearThrottle(ctx.tx, email);
      await q.recordSignIn(ctx.tx, found.id, step);
      const stage = found.totpEnrolledAt ? 'full' : 'enrolment';
      const session = await startSession(ctx.tx, { userId: found.id, stage, ip: ctx.origin.ip, userAgent });
      ctx.audit({ action: 'auth.signed_in', actor: actorOf(found), ...subject, details: { stage } });
      return { kind: 'signed_in', session, me: presentMe(found) };
    },

    async signOut(ctx: Context, tokenHash: string): Promise<void> {
      await endSession(ctx.tx, tokenHash, 'signed_out');
      ctx.audit({ action: 'auth.signed_out', entityType: 'user', entityId: ctx.actor.id, subjectOrganisationId: ctx.actor.organisationId, subjectTeamId: ctx.actor.teamId });
    },

    async me(ctx: Context): Promise<Me> {
      if (ctx.actor.kind === 'api_token') {
        const token = await q.findTokenCaller(ctx.tx, ctx.actor.id);
        if (!token) throw new NotFoundError('API token');
        return presentTokenMe(ctx.actor, token);
      }
      const account = await q.findAccountById(ctx.tx, ctx.actor.id);
      if (!account) throw new NotFoundError('account');
      return presentMe(account);
    },

    /** The secret to enrol, made on first request and kept (encrypted) until it is confirmed. */
    async enrolment(ctx: Context): Promise<Enrolment> {
      const account = await q.findAccountById(ctx.tx, ctx.actor.id);
      if (!account) throw new NotFoundError('account');
      if (account.totpEnrolledAt) throw new ConflictError('Your authenticator is already set up.', 'already_enrolled');
      let secret = account.totpSecret ? decrypt(secretKey, account.totpSecret) : null;
      if (!secret) {
        secret = newTotpSecret();
        await q.setPendingTotpSecret(ctx.tx, account.id, encrypt(secretKey, secret));
      }
      const otpauthUrl = totpUri(secret, account.email);
      return { secret, otpauthUrl, qrCodeDataUrl: await totpQrCode(otpauthUrl) };
    },

    async confirmEnrolment(ctx: Context, code: string, sessionTokenHash: string): Promise<Me> {
      const account = await q.findAccountById(ctx.tx, ctx.actor.id);
      if (!account) throw new NotFoundError('account');
      if (account.totpEnrolledAt) throw new ConflictError('Your authenticator is already set up.', 'already_enrolled');
      if (!account.totpSecret) throw new ConflictError('Start setting up your authenticator first.', 'enrolment_not_started');
      const step = await checkTotp(decrypt(secretKey, account.totpSecret), code, null);
      if (step === null) {
        throw new ValidationError([{ field: 'totp', problem: 'That code is not right. Check the time on your phone is correct and enter the newest code.' }]);
      }
      await q.markEnrolled(ctx.tx, account.id, step);
      await upgradeSession(ctx.tx, sessionTokenHash);
      ctx.audit({ action: 'auth.authenticator_enrolled', entityType: 'user', entityId: account.id, subjectOrganisationId: account.organisationId, subjectTeamId: account.teamId });
      return presentMe({ ...account, totpEnrolledAt: new Date() });
    },

    async requestPasswordReset(ctx: Context<null>, email: string): Promise<void> {
      const account = await q.findAccountByEmail(ctx.tx, email);
      const usable = account && !account.disabledAt;
      ctx.audit({
        action: 'auth.password_reset_requested',
        ...(account ? { entityType: 'user' as const, entityId: account.id, subjectOrganisationId: account.organisationId, subjectTeamId: account.teamId } : {}),
        details: { email, sent: Boolean(usable) },
      });
      if (usable) await sendPasswordLink(ctx, account, 'reset');
    },

    /** Sets a new password from an emailed link. It never signs anyone in: the second factor still stands. */
    async completePasswordReset(ctx: Context<null>, token: string, password: string): Promise<void> {
      const link = await q.takePasswordToken(ctx.tx, sha256(token));
      const account = link ? await q.findAccountById(ctx.tx, link.userId) : null;
      if (!link || !account || link.usedAt || link.expiresAt <= new Date() || account.disabledAt) {
        throw new BadRequestError('That link has expired or has already been used. Ask for a new one.', 'invalid_token');
      }
      await q.setPassword(ctx.tx, account.id, await hashPassword(password));
      await q.clearThrottle(ctx.tx, account.email);
      const ended = await endUserSessions(ctx.tx, account.id, 'password_reset');
      if (ended > 0) ctx.emit({ type: 'session.ended', audience: { userIds: [account.id] }, data: { reason: 'password_reset' } });
      ctx.audit({
        action: link.purpose === 'reset' ? 'auth.password_reset' : 'auth.invitation_accepted',
        entityType: 'user',
        entityId: account.id,
        subjectOrganisationId: account.organisationId,
        subjectTeamId: account.teamId,
      });
    },

    async changePassword(ctx: Context, currentPassword: string, newPassword: string, keepSessionHash: string | null): Promise<void> {
      const account = await q.findAccountById(ctx.tx, ctx.actor.id);
      if (!account) throw new NotFoundError('account');
      if (!(await verifyPassword(account.passwordHash, currentPassword))) {
        throw new ValidationError([{ field: 'currentPassword', problem: 'is not your current password' }]);
      }
      await q.setPassword(ctx.tx, account.id, await hashPassword(newPassword));
      // Other devices signed in with the old password are signed out.
      const ended = await endUserSessions(ctx.tx, account.id, 'password_changed', keepSessionHash ?? undefined);
      if (ended > 0) ctx.emit({ type: 'session.ended', audience: { userIds: [account.id] }, data: { reason: 'password_changed' } });
      ctx.audit({ action: 'auth.password_changed', entityType: 'user', entityId: account.id, subjectOrganisationId: account.organisationId, subjectTeamId: account.teamId });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
