import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReply, idParams } from '../../../shared/api/common.ts';
import {
  portalAccess, portalAccessBody, portalMe, portalSettings, portalSettingsBody, portalSignInBody, portalSignInReply, portalVerifyBody, profilePortal,
} from '../../../shared/api/portal.ts';
import { clearPortalCookie, setPortalCookie } from '../../platform/auth/portal-sessions.ts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { signInRateLimit } from '../../platform/http/security.ts';
import { anonymous, who, whoClient } from '../../platform/http/types.ts';
import { endClientAccess, getProfilePortal, inviteClient } from './access.ts';
import { portalCodeKey, type CodeDeps } from './codes.ts';
import { getMe } from './me.ts';
import { getPortalSettings, updatePortalSettings } from './settings.ts';
import { requestCode, signInReply, signOut, verifyCode } from './sign-in.ts';

const tags = ['client portal'];
const client = { permission: 'client', actors: ['client'] } as const;

/**
 * The client portal's door: practitioners invite a person on a profile and end their access;
 * clients sign in with a one-time code to a session of their own; the partnership names it.
 */
export async function portalRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { runner, mailer, publicUrl, secretKey } = app.platform;
  const deps: CodeDeps = { mailer, publicUrl, codeKey: portalCodeKey(secretKey) };

  api.get('/api/v1/profiles/:id/portal-access', {
    config: { permission: 'records.view' },
    schema: { tags, summary: 'The person\'s portal access (live, or the last one ended), the channels their contact plan marks safe, and what you may do', params: idParams, response: { 200: profilePortal } },
  }, (request) => runner.run(who(request), (ctx) => getProfilePortal(ctx, request.params.id)));

  api.post('/api/v1/profiles/:id/portal-access', {
    config: { permission: 'records.edit' },
    schema: {
      tags,
      summary: 'Invite the person to the portal by email or mobile; you become their keyworker. 409 if they already have access; 422 unsafe_channel if the contact plan does not mark the channel safe',
      params: idParams,
      body: portalAccessBody,
      response: { 201: portalAccess },
    },
  }, async (request, reply) => reply.status(201).send(await runner.run(who(request), (ctx) => inviteClient(ctx, deps, request.params.id, request.body))));

  api.delete('/api/v1/profiles/:id/portal-access', {
    config: { permission: 'records.edit' },
    schema: { tags, summary: 'End the person\'s portal access at once, and their sessions', params: idParams, response: { 200: portalAccess } },
  }, (request) => runner.run(who(request), (ctx) => endClientAccess(ctx, request.params.id)));

  api.post('/api/v1/portal/sign-in', {
    config: { permission: 'public', rateLimit: signInRateLimit },
    schema: { tags, summary: 'Ask for a one-time code by email or text; the same reply whether or not anyone has that address or number', body: portalSignInBody, response: { 202: portalSignInReply, 429: errorReply } },
  }, async (request, reply) => {
    // The work is done once the reply has gone, so how long the reply takes cannot tell anyone
    // whether the address or number is a client's (that the person they look for is getting help).
    const who = anonymous(request);
    const body = request.body;
    reply.raw.once('finish', () => {
      runner.run(who, (ctx) => requestCode(ctx, deps, body))
        .catch((error: unknown) => request.log.error({ err: error }, 'could not send a portal sign-in code'));
    });
    return reply.status(202).send({ message: signInReply });
  });

  api.post('/api/v1/portal/sign-in/verify', {
    config: { permission: 'public', rateLimit: signInRateLimit },
    schema: { tags, summary: 'Sign in with the code: a client session cookie; 401 invalid_code for a wrong, expired or used code', body: portalVerifyBody, response: { 200: portalMe, 401: errorReply, 429: errorReply } },
  }, async (request, reply) => {
    const result = await runner.run(anonymous(request), (ctx) => verifyCode(ctx, deps, request.body, request.headers['user-agent'] ?? null));
    if (result.kind === 'failed') throw new UnauthenticatedError('That code is not right, or it has expired. Check it, or ask for a new one.', 'invalid_code');
    setPortalCookie(reply, result.session.token);
    return result.me;
  });

  api.post('/api/v1/portal/sign-out', {
    config: client,
    schema: { tags, summary: 'End this portal session', response: { 204: z.null() } },
  }, async (request, reply) => {
    const tokenHash = request.portalSession?.tokenHash;
    if (tokenHash) await runner.run(whoClient(request), (ctx) => signOut(ctx, tokenHash));
    clearPortalCookie(reply);
    return reply.status(204).send(null);
  });

  api.get('/api/v1/portal/me', {
    config: client,
    schema: { tags, summary: 'The signed-in client: first name, keyworker, the portal\'s name and exit page, unread messages and the CSRF token', response: { 200: portalMe } },
  }, (request) => runner.run(whoClient(request), (ctx) => getMe(ctx, request.portalSession!.csrfToken)));

  api.get('/api/v1/portal-settings', {
    config: { permission: 'signed_in' },
    schema: { tags, summary: 'What the partnership calls its portal in every page, email and text, and where "Exit this page" leads', response: { 200: portalSettings } },
  }, (request) => runner.run(who(request), (ctx) => getPortalSettings(ctx)));

  api.put('/api/v1/portal-settings', {
    config: { permission: 'partnerships.manage' },
    schema: { tags, summary: 'Change the partnership\'s portal settings (its system administrators), from the version read', body: portalSettingsBody, response: { 200: portalSettings } },
  }, (request) => runner.run(who(request), (ctx) => updatePortalSettings(ctx, request.body)));
}
