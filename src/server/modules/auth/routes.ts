import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody, enrolBody, enrolment, me, passwordResetCompleteBody, passwordResetRequestBody, passwordResetRequestReply, signInBody,
} from '../../../shared/api/auth.ts';
import { errorReply } from '../../../shared/api/common.ts';
import { staffAndSystems } from '../../platform/access/actor.ts';
import type { NewSession } from '../../platform/auth/sessions.ts';
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from '../../platform/errors.ts';
import { csrfCookie, sessionCookie } from '../../platform/http/auth-guard.ts';
import { resetRateLimit, signInRateLimit } from '../../platform/http/security.ts';
import { anonymous, who } from '../../platform/http/types.ts';
import type { AuthService } from './service.ts';

const tags = ['auth'];

/** The cookies of a new staff session, however it was signed in (password or the organisation's provider). */
export function setSessionCookiesOn(reply: FastifyReply, session: NewSession, secure: boolean) {
  const base = { path: '/', sameSite: 'strict' as const, secure };
  reply.setCookie(sessionCookie, session.token, { ...base, httpOnly: true });
  // Readable by the page, which echoes it in X-CSRF-Token: another site can send the cookie, not read it.
  reply.setCookie(csrfCookie, session.csrfToken, { ...base, httpOnly: false });
}

export function authRoutes(auth: AuthService, secureCookies: boolean) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner } = app.platform;

    const setSessionCookies = (reply: FastifyReply, session: NewSession) => setSessionCookiesOn(reply, session, secureCookies);

    api.post('/api/v1/auth/sign-in', {
      config: { permission: 'public', rateLimit: signInRateLimit },
      schema: { tags, summary: 'Sign in with email, password and authenticator code', body: signInBody, response: { 200: me, 401: errorReply, 429: errorReply } },
    }, async (request, reply) => {
      const result = await runner.run(anonymous(request), (ctx) => auth.signIn(ctx, request.body, request.headers['user-agent'] ?? null));
      switch (result.kind) {
        case 'throttled':
          throw new RateLimitedError(result.retryAfterSeconds, `Too many failed attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`);
        case 'failed':
          throw new UnauthenticatedError('The email, password or code is not right.', 'invalid_credentials');
        case 'disabled':
          throw new ForbiddenError('Your account has been disabled. Ask your team administrator if you need it back.', 'account_disabled');
        case 'sso_required':
          throw new ForbiddenError('Your organisation signs in with its own account. Choose "Sign in with your organisation\'s account".', 'sso_required');
        case 'signed_in':
          setSessionCookies(reply, result.session);
          return result.me;
      }
    });

    api.post('/api/v1/auth/sign-out', {
      config: { permission: 'enrolment' },
      schema: { tags, summary: 'End this session', response: { 204: z.null() } },
    }, async (request, reply) => {
      const session = request.session;
      if (session) await runner.run(who(request), (ctx) => auth.signOut(ctx, session.tokenHash));
      reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
      return reply.status(204).send(null);
    });

    api.get('/api/v1/me', {
      config: { permission: 'enrolment', actors: staffAndSystems },
      schema: { tags, summary: 'The signed-in person, or the API token calling', response: { 200: me } },
    }, async (request) => runner.run(who(request), (ctx) => auth.me(ctx)));

    api.get('/api/v1/auth/enrolment', {
      config: { permission: 'enrolment' },
      schema: { tags, summary: 'The authenticator secret and QR code to enrol', response: { 200: enrolment } },
    }, async (request) => runner.run(who(request), (ctx) => auth.enrolment(ctx)));

    api.post('/api/v1/auth/enrolment', {
      config: { permission: 'enrolment', rateLimit: signInRateLimit },
      schema: { tags, summary: 'Confirm enrolment with a code from the authenticator', body: enrolBody, response: { 200: me } },
    }, async (request) => {
      const session = request.session;
      if (!session) throw new UnauthenticatedError();
      return runner.run(who(request), (ctx) => auth.confirmEnrolment(ctx, request.body.totp, session.tokenHash));
    });

    api.post('/api/v1/auth/password-reset', {
      config: { permission: 'public', rateLimit: resetRateLimit },
      schema: { tags, summary: 'Email a single-use link to reset a password', body: passwordResetRequestBody, response: { 202: passwordResetRequestReply } },
    }, async (request, reply) => {
      await runner.run(anonymous(request), (ctx) => auth.requestPasswordReset(ctx, request.body.email));
      return reply.status(202).send({ message: 'If that address belongs to an account, we have sent it a link to reset the password. The link works once, for 30 minutes.' });
    });

    api.post('/api/v1/auth/password-reset/complete', {
      config: { permission: 'public', rateLimit: resetRateLimit },
      schema: { tags, summary: 'Choose a new password from an emailed link (reset or invitation)', body: passwordResetCompleteBody, response: { 204: z.null(), 400: errorReply } },
    }, async (request, reply) => {
      await runner.run(anonymous(request), (ctx) => auth.completePasswordReset(ctx, request.body.token, request.body.password));
      return reply.status(204).send(null);
    });

    api.post('/api/v1/account/password', {
      config: { permission: 'signed_in', rateLimit: signInRateLimit },
      schema: { tags, summary: 'Change your password', body: changePasswordBody, response: { 204: z.null() } },
    }, async (request, reply) => {
      await runner.run(who(request), (ctx) => auth.changePassword(ctx, request.body.currentPassword, request.body.newPassword, request.session?.tokenHash ?? null));
      return reply.status(204).send(null);
    });
  };
}
