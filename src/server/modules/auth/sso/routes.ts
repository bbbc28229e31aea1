import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { me } from '../../../../shared/api/auth.ts';
import { errorReply, idParams } from '../../../../shared/api/common.ts';
import { connectionTest, signInSettings, signInSettingsBody, ssoCodeBody, ssoStartBody, ssoStartReply, type SsoOutcome } from '../../../../shared/api/single-sign-on.ts';
import { ForbiddenError, RateLimitedError, UnauthenticatedError, UpstreamError } from '../../../platform/errors.ts';
import { signInRateLimit } from '../../../platform/http/security.ts';
import { anonymous, who } from '../../../platform/http/types.ts';
import { setSessionCookiesOn } from '../routes.ts';
import { authorisationUrl, discover, identify, ProviderProblem, testConnection } from './oidc.ts';
import { callbackPath, createSsoService } from './service.ts';
import { createSignInSettings } from './settings.ts';

const tags = ['auth'];
/** Holds the random value that ties the provider's answer to the browser that asked for it. */
const bindingCookie = 'concord_sso';
const bindingPath = '/api/v1/auth/sso';

const callbackQuery = z.object({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});

export function singleSignOnRoutes(secureCookies: boolean) {
  return async function register(app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const { runner, secretKey, publicUrl, config } = app.platform;
    const sso = createSsoService({ secretKey, publicUrl });
    const settings = createSignInSettings({ secretKey, redirectUri: sso.redirectUri, allowHttpIssuers: () => config.oidc.allowHttpIssuers });
    const allowHttp = () => config.oidc.allowHttpIssuers;

    // SameSite=Lax: the provider's redirect back is a navigation from another site, which a strict cookie would not follow.
    const setBinding = (reply: FastifyReply, value: string) =>
      reply.setCookie(bindingCookie, value, { path: bindingPath, httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 10 * 60 });
    const clearBinding = (reply: FastifyReply) => reply.clearCookie(bindingCookie, { path: bindingPath });
    const backToSignIn = (reply: FastifyReply, outcome: SsoOutcome) => reply.redirect(`${publicUrl()}/sign-in?sso=${outcome}`, 303);

    api.post('/api/v1/auth/sso/start', {
      config: { permission: 'public', rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: 'Begin signing in with the organisation\'s own account: where to send the browser',
        description: '401 sso_unavailable when the address has no provider to go to; 502 sso_provider_unreachable when its provider does not answer.',
        body: ssoStartBody,
        response: { 200: ssoStartReply, 401: errorReply, 429: errorReply },
      },
    }, async (request, reply) => {
      const result = await runner.run(anonymous(request), (ctx) => sso.start(ctx, request.body.email));
      if (result.kind === 'throttled') {
        throw new RateLimitedError(result.retryAfterSeconds, `Too many failed attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`);
      }
      if (result.kind === 'unavailable') {
        throw new UnauthenticatedError('Signing in with your organisation\'s account is not available for that address. Sign in with your email and password.', 'sso_unavailable');
      }
      let redirectTo: string;
      try {
        const configuration = await discover(result.provider, allowHttp());
        redirectTo = authorisationUrl(configuration, { redirectUri: sso.redirectUri(), state: result.state, nonce: result.nonce, codeChallenge: result.codeChallenge, loginHint: result.email });
      } catch (error) {
        const problem = error instanceof ProviderProblem ? error.message : String(error);
        await runner.run(anonymous(request), (ctx) => sso.providerUnreachable(ctx, result.email, problem));
        throw new UpstreamError('Your organisation\'s sign-in service cannot be reached just now. Try again shortly, or sign in with your password.', 'sso_provider_unreachable');
      }
      setBinding(reply, result.binding);
      return { redirectTo };
    });

    api.get(callbackPath, {
      config: { permission: 'public', rateLimit: signInRateLimit },
      schema: { tags, summary: 'Where the organisation\'s provider sends the browser back; it goes on to Concord or to the sign-in page', querystring: callbackQuery },
    }, async (request, reply) => {
      const { state } = request.query;
      const answered = await runner.run(anonymous(request), (ctx) => sso.answered(ctx, state ?? '', request.cookies[bindingCookie]));
      if ('kind' in answered) {
        clearBinding(reply);
        return backToSignIn(reply, answered.outcome);
      }
      // The URL the provider redirected to, rebuilt from PUBLIC_URL with the query as it arrived.
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const callbackUrl = new URL(`${sso.redirectUri()}${query}`);
      let result;
      try {
        const configuration = await discover(answered.provider, allowHttp());
        const identity = await identify(configuration, callbackUrl, { state: state!, nonce: answered.attempt.nonce, codeVerifier: answered.codeVerifier });
        result = await runner.run(anonymous(request), (ctx) => sso.finish(ctx, answered, identity, request.headers['user-agent'] ?? null));
      } catch (error) {
        if (!(error instanceof ProviderProblem)) throw error;
        result = await runner.run(anonymous(request), (ctx) => sso.providerRefused(ctx, answered.attempt.email, error.message));
      }
      if (result.kind === 'code') return backToSignIn(reply, 'code');
      clearBinding(reply);
      if (result.kind === 'failed') return backToSignIn(reply, result.outcome);
      setSessionCookiesOn(reply, result.session, secureCookies);
      return reply.redirect(`${publicUrl()}/`, 303);
    });

    api.post('/api/v1/auth/sso/code', {
      config: { permission: 'public', rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: 'Finish a sign-in through the organisation\'s provider with the code from the authenticator app',
        body: ssoCodeBody,
        response: { 200: me, 401: errorReply, 403: errorReply, 429: errorReply },
      },
    }, async (request, reply) => {
      const result = await runner.run(anonymous(request), (ctx) => sso.code(ctx, request.cookies[bindingCookie], request.body.totp, request.headers['user-agent'] ?? null));
      switch (result.kind) {
        case 'throttled':
          throw new RateLimitedError(result.retryAfterSeconds, `Too many failed attempts. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`);
        case 'wrong_code':
          throw new UnauthenticatedError('That code is not right. Enter the newest code from your authenticator app.', 'invalid_credentials');
        case 'code':
        case 'failed':
          clearBinding(reply);
          if (result.kind === 'failed' && result.outcome === 'disabled') {
            throw new ForbiddenError('Your account has been disabled. Ask your team administrator if you need it back.', 'account_disabled');
          }
          throw new UnauthenticatedError('That sign-in has expired or was already used. Start again.', 'sso_expired');
        case 'signed_in':
          clearBinding(reply);
          setSessionCookiesOn(reply, result.session, secureCookies);
          return result.me;
      }
    });

    api.get('/api/v1/organisations/:id/sign-in', {
      config: { permission: 'sign_in.manage' },
      schema: { tags: ['organisations'], summary: 'How the organisation\'s staff may sign in: its OpenID Connect provider (never its secret)', params: idParams, response: { 200: signInSettings } },
    }, (request) => runner.run(who(request), (ctx) => settings.get(ctx, request.params.id)));

    api.put('/api/v1/organisations/:id/sign-in', {
      config: { permission: 'sign_in.manage' },
      schema: {
        tags: ['organisations'],
        summary: 'Change the organisation\'s single sign-on, from the version read (0 the first time)',
        params: idParams,
        body: signInSettingsBody,
        response: { 200: signInSettings },
      },
    }, (request) => runner.run(who(request), (ctx) => settings.update(ctx, request.params.id, request.body)));

    api.post('/api/v1/organisations/:id/sign-in/test', {
      config: { permission: 'sign_in.manage' },
      schema: {
        tags: ['organisations'],
        summary: 'Read the saved provider\'s discovery document and say what it answered',
        params: idParams,
        body: z.strictObject({}).optional(),
        response: { 200: connectionTest },
      },
    }, async (request) => {
      const provider = await runner.run(who(request), (ctx) => settings.providerToTest(ctx, request.params.id));
      const result = await testConnection(provider, allowHttp());
      return runner.run(who(request), (ctx) => settings.recordTest(ctx, request.params.id, result));
    });
  };
}
