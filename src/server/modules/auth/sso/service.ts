import type { Me } from '../../../../shared/api/auth.ts';
import type { SsoOutcome } from '../../../../shared/api/single-sign-on.ts';
import { decrypt, encrypt, randomToken, sha256 } from '../../../platform/auth/crypto.ts';
import { startSession, type NewSession } from '../../../platform/auth/sessions.ts';
import { checkTotp } from '../../../platform/auth/totp.ts';
import type { Context } from '../../../platform/context.ts';
import { presentMe } from '../me.ts';
import * as authQ from '../queries.ts';
import { actorOf } from '../service.ts';
import { afterFailure, waitRequired } from '../throttle.ts';
import { pkce, providerDidMfa, type Provider, type ProviderIdentity } from './oidc.ts';
import * as q from './queries.ts';

export interface SsoDeps {
  secretKey: Buffer;
  /** The callback is built from this, never from the request's Host header. */
  publicUrl: () => string;
}

/** From the redirect to the provider until its answer: long enough to type a password and approve a prompt. */
const attemptMs = 10 * 60 * 1000;
/** Once the provider has answered, how long the authenticator code may still be entered. */
const codeMs = 5 * 60 * 1000;

export const callbackPath = '/api/v1/auth/sso/callback';

type Failure = Exclude<SsoOutcome, 'code'>;

export type StartResult =
  | { kind: 'redirect'; binding: string; provider: Provider; state: string; nonce: string; codeChallenge: string; email: string }
  | { kind: 'unavailable' }
  | { kind: 'throttled'; retryAfterSeconds: number };

export type Answered = { attempt: NonNullable<Awaited<ReturnType<typeof q.takeAttempt>>>; provider: Provider; codeVerifier: string };

export type FinishResult =
  | { kind: 'signed_in'; session: NewSession; me: Me }
  | { kind: 'code' }
  | { kind: 'failed'; outcome: Failure };

type WhyFailed = 'sso_unavailable' | 'sso_state' | 'sso_provider' | 'sso_not_linked' | 'sso_unverified';

export function createSsoService({ secretKey, publicUrl }: SsoDeps) {
  const redirectUri = () => `${publicUrl()}${callbackPath}`;

  async function providerOf(ctx: Context<null>, organisationId: string): Promise<Provider | null> {
    const settings = await q.getSettings(ctx.tx, organisationId);
    if (!settings?.enabled) return null;
    return { issuerUrl: settings.issuerUrl, clientId: settings.clientId, clientSecret: decrypt(secretKey, settings.clientSecretSealed) };
  }

  /** A failure counts against the address typed on the sign-in page, as a wrong password does. */
  async function fail(ctx: Context<null>, email: string, why: WhyFailed, problem?: string): Promise<number> {
    const now = new Date();
    const next = afterFailure(await authQ.getThrottle(ctx.tx, email), now);
    await authQ.recordFailure(ctx.tx, email, next.failures, next.lockedUntil);
    ctx.audit({ action: 'auth.sign_in_failed', outcome: 'failed', details: { email, why, failures: next.failures, method: 'oidc', ...(problem ? { problem } : {}) } });
    return next.failures;
  }

  async function signedIn(ctx: Context<null>, account: NonNullable<authQ.Account>, input: { stage: 'enrolment' | 'full'; step: number | null; providerMfa: boolean; userAgent: string | null; emails: string[] }) {
    for (const email of new Set(input.emails)) await authQ.clearThrottle(ctx.tx, email);
    await authQ.recordSignIn(ctx.tx, account.id, input.step);
    const session = await startSession(ctx.tx, { userId: account.id, stage: input.stage, ip: ctx.origin.ip, userAgent: input.userAgent });
    ctx.audit({
      action: 'auth.signed_in',
      actor: actorOf(account),
      entityType: 'user',
      entityId: account.id,
      subjectOrganisationId: account.organisationId,
      subjectTeamId: account.teamId,
      details: { stage: input.stage, method: 'oidc', ...(input.providerMfa ? { mfa: 'provider' as const } : {}) },
    });
    return { kind: 'signed_in' as const, session, me: presentMe(account) };
  }

  return {
    redirectUri,

    /**
     * Chooses the provider for an address: the organisation of its account, or, for an address
     * without one, the one organisation whose staff share its domain and use a provider, so the
     * reply is the same whether or not the account exists. Either way the provider's answer, not
     * the typed address, decides who signs in.
     */
    async start(ctx: Context<null>, typed: string): Promise<StartResult> {
      const email = typed.trim().toLowerCase();
      const wait = waitRequired(await authQ.getThrottle(ctx.tx, email), new Date());
      if (wait > 0) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', details: { email, why: 'throttled', method: 'oidc' } });
        return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
      }
      const account = await authQ.findAccountByEmail(ctx.tx, email);
      const organisationId = account ? account.organisationId : await q.providerOrganisationForDomain(ctx.tx, email.split('@')[1] ?? '');
      const provider = organisationId ? await providerOf(ctx, organisationId) : null;
      if (!organisationId || !provider) {
        await fail(ctx, email, 'sso_unavailable');
        return { kind: 'unavailable' };
      }
      const state = randomToken();
      const nonce = randomToken();
      const binding = randomToken();
      const verifier = pkce.verifier();
      const now = new Date();
      await q.insertAttempt(ctx.tx, {
        stateHash: sha256(state),
        bindingHash: sha256(binding),
        organisationId,
        email,
        nonce,
        codeVerifierSealed: encrypt(secretKey, verifier),
        expiresAt: new Date(now.getTime() + attemptMs),
      }, now);
      return { kind: 'redirect', binding, provider, state, nonce, codeChallenge: await pkce.challenge(verifier), email };
    },

    /** The provider could not be reached to send the person there: nothing is counted against them. */
    async providerUnreachable(ctx: Context<null>, email: string, problem: string): Promise<void> {
      ctx.audit({ action: 'auth.sign_in_failed', outcome: 'failed', details: { email, why: 'sso_provider', method: 'oidc', problem } });
    },

    /**
     * The provider's answer arrives: the attempt it names is taken (once), and only by the browser
     * that started it, so a replayed or forged state, or a link sent to someone else, goes nowhere.
     */
    async answered(ctx: Context<null>, state: string, binding: string | undefined): Promise<Answered | { kind: 'failed'; outcome: Failure }> {
      const attempt = await q.takeAttempt(ctx.tx, sha256(state), new Date());
      if (!attempt || !binding || sha256(binding) !== attempt.bindingHash) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', details: { email: attempt?.email ?? '', why: 'sso_state', method: 'oidc' } });
        return { kind: 'failed', outcome: 'expired' };
      }
      const provider = await providerOf(ctx, attempt.organisationId);
      if (!provider) {
        await fail(ctx, attempt.email, 'sso_unavailable');
        return { kind: 'failed', outcome: 'provider' };
      }
      return { attempt, provider, codeVerifier: decrypt(secretKey, attempt.codeVerifierSealed) };
    },

    async providerRefused(ctx: Context<null>, email: string, problem: string): Promise<FinishResult> {
      await fail(ctx, email, 'sso_provider', problem);
      return { kind: 'failed', outcome: 'provider' };
    },

    /**
     * Matches the provider's person to a Concord account of the provider's own organisation by a
     * verified email. The session is full when the organisation trusts the provider's second factor
     * and the provider says it used one; otherwise the authenticator code is still asked for (or,
     * for someone yet to enrol, an enrolment session as after a first password sign-in).
     */
    async finish(ctx: Context<null>, answered: Answered, identity: ProviderIdentity, userAgent: string | null): Promise<FinishResult> {
      const { attempt } = answered;
      if (!identity.email || !identity.emailVerified) {
        await fail(ctx, attempt.email, 'sso_unverified');
        return { kind: 'failed', outcome: 'unverified' };
      }
      const account = await authQ.findAccountByEmail(ctx.tx, identity.email);
      if (!account || account.organisationId !== attempt.organisationId) {
        await fail(ctx, attempt.email, 'sso_not_linked');
        return { kind: 'failed', outcome: 'not_linked' };
      }
      await authQ.lockAccount(ctx.tx, account.id);
      const subject = { entityType: 'user' as const, entityId: account.id, subjectOrganisationId: account.organisationId, subjectTeamId: account.teamId };
      if (account.disabledAt) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', ...subject, details: { email: account.email, why: 'disabled', method: 'oidc' } });
        return { kind: 'failed', outcome: 'disabled' };
      }
      const settings = (await q.getSettings(ctx.tx, attempt.organisationId))!;
      const emails = [attempt.email, account.email];
      if (settings.trustProviderMfa && providerDidMfa(identity, settings.mfaAcrValues)) {
        return signedIn(ctx, account, { stage: 'full', step: null, providerMfa: true, userAgent, emails });
      }
      if (!account.totpEnrolledAt) return signedIn(ctx, account, { stage: 'enrolment', step: null, providerMfa: false, userAgent, emails });
      await q.awaitCode(ctx.tx, attempt.id, account.id, new Date(Date.now() + codeMs));
      return { kind: 'code' };
    },

    /** The authenticator code after the provider: checked and counted exactly as at password sign-in. */
    async code(ctx: Context<null>, binding: string | undefined, totp: string, userAgent: string | null): Promise<FinishResult | { kind: 'wrong_code' } | { kind: 'throttled'; retryAfterSeconds: number }> {
      const now = new Date();
      const attempt = binding ? await q.attemptAwaitingCode(ctx.tx, sha256(binding), now) : null;
      const account = attempt?.userId ? await authQ.findAccountById(ctx.tx, attempt.userId) : null;
      if (!attempt || !account) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', details: { email: '', why: 'sso_state', method: 'oidc' } });
        return { kind: 'failed', outcome: 'expired' };
      }
      const email = account.email;
      const throttle = await authQ.getThrottle(ctx.tx, email);
      const wait = waitRequired(throttle, now);
      if (wait > 0) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', details: { email, why: 'throttled', method: 'oidc' } });
        return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
      }
      await authQ.lockAccount(ctx.tx, account.id);
      const subject = { entityType: 'user' as const, entityId: account.id, subjectOrganisationId: account.organisationId, subjectTeamId: account.teamId };
      if (account.disabledAt) {
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'refused', ...subject, details: { email, why: 'disabled', method: 'oidc' } });
        return { kind: 'failed', outcome: 'disabled' };
      }
      const step = await checkTotp(decrypt(secretKey, account.totpSecret!), totp, account.totpLastStep === null ? null : Number(account.totpLastStep));
      if (step === null) {
        const next = afterFailure(throttle, now);
        await authQ.recordFailure(ctx.tx, email, next.failures, next.lockedUntil);
        ctx.audit({ action: 'auth.sign_in_failed', outcome: 'failed', ...subject, details: { email, why: 'wrong_code', failures: next.failures, method: 'oidc' } });
        return { kind: 'wrong_code' };
      }
      await q.finishAttempt(ctx.tx, attempt.id);
      return signedIn(ctx, account, { stage: 'full', step, providerMfa: false, userAgent, emails: [attempt.email, email] });
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
