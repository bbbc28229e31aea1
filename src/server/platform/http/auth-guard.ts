import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clearPortalCookie, lookupPortalSession, portalCookie } from '../auth/portal-sessions.ts';
import { lookupApiToken, lookupSession } from '../auth/sessions.ts';
import { sameText } from '../auth/crypto.ts';
import { isStaff } from '../access/actor.ts';
import { actorHas, type Permission } from '../access/permissions.ts';
import { writeAuditEvents } from '../audit/write.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { actorsOf } from './catalogue.ts';
import { originOf } from './types.ts';

export const sessionCookie = 'concord_session';
export const csrfCookie = 'concord_csrf';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Works out who is calling (a client's portal cookie on the portal's routes; elsewhere the staff
 * session cookie or an API token), then enforces the permission the route declares. A route that
 * declares none is refused: deny by default.
 */
export function registerAuthGuard(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('portalSession', null);

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config as FastifyContextConfig | undefined;
    // Unmatched URLs go to the not-found handler (or the web app), which needs no identity.
    if (!request.routeOptions.url) return;
    const permission = config?.permission;
    if (!permission) {
      request.log.error({ url: request.routeOptions.url }, 'route declares no permission');
      throw new ForbiddenError();
    }

    // Public routes (sign-in, reset, the web app's files, health) never use the caller's identity,
    // so they skip the session lookup; only a cross-site change is refused.
    if (permission === 'public') {
      if (unsafeMethods.has(request.method) && request.headers['sec-fetch-site'] === 'cross-site') {
        throw new ForbiddenError('Requests from other sites are not accepted.', 'csrf_failed');
      }
      return;
    }

    const actors = actorsOf(config);
    if (actors.includes('client')) {
      await identifyClient(app, request, reply);
      // A client holds no role: a route for clients asking for one is refused to all (catalogue.ts forbids it).
      if (permission !== 'client') throw new ForbiddenError();
      return;
    }

    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[sessionCookie];
    let sessionEnded = false;
    if (bearer) {
      request.actor = await lookupApiToken(app.platform.database.db, bearer);
      if (!request.actor) throw new UnauthenticatedError('That API token is not valid, or has been revoked.', 'invalid_token');
    } else if (cookie) {
      // Only reads may use a session kept in memory: a write always checks the session afresh.
      const cache = safeMethods.has(request.method) ? app.platform.sessions : undefined;
      const found = await lookupSession(app.platform.database.db, cookie, new Date(), cache);
      if (found.status === 'active') {
        request.actor = found.actor;
        request.session = { tokenHash: found.tokenHash, stage: found.stage, csrfToken: found.csrfToken };
      } else {
        sessionEnded = true;
        reply.clearCookie(sessionCookie, { path: '/' });
      }
    }

    if (request.session) checkCsrf(request, request.session.csrfToken);
    const actor = request.actor;
    if (!actor) throw signedOut(sessionEnded);
    if (!actors.includes(actor.kind)) {
      await refuse(app, request, permission, `route not open to ${actor.kind}`);
      throw new ForbiddenError(actor.kind === 'api_token' ? 'API tokens cannot use this part of the API.' : 'This part of Concord is not open to you.');
    }
    if (permission === 'enrolment') return;
    if (request.session?.stage === 'enrolment') {
      throw new ForbiddenError('Set up your authenticator app before you continue.', 'enrolment_required');
    }
    // Roles are staff's; a client reaches only the routes declared for clients.
    if (!isStaff(actor) || permission === 'client' || !actorHas(actor, permission)) {
      await refuse(app, request, permission, 'role lacks permission');
      throw new ForbiddenError();
    }
  });
}

/**
 * The portal's routes know only the portal cookie: a staff session or API token is not looked at,
 * so staff cannot act there as a client, just as the portal cookie is never read on staff routes.
 */
async function identifyClient(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const cookie = request.cookies[portalCookie];
  const found = cookie ? await lookupPortalSession(app.platform.database.db, cookie) : null;
  if (found?.status !== 'active') {
    if (found) clearPortalCookie(reply);
    throw signedOut(found !== null);
  }
  request.actor = found.actor;
  request.portalSession = { tokenHash: found.tokenHash, csrfToken: found.csrfToken };
  checkCsrf(request, found.csrfToken);
}

function checkCsrf(request: FastifyRequest, csrfToken: string): void {
  if (!unsafeMethods.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameText(header, csrfToken)) {
    throw new ForbiddenError('This request did not come from a Concord page. Reload the page and try again.', 'csrf_failed');
  }
}

function signedOut(sessionEnded: boolean): UnauthenticatedError {
  return sessionEnded
    ? new UnauthenticatedError('Your session has ended. Please sign in again.', 'session_ended')
    : new UnauthenticatedError();
}

async function refuse(app: FastifyInstance, request: FastifyRequest, permission: Permission, why: string): Promise<void> {
  await app.platform.database.db.transaction((tx) =>
    writeAuditEvents(tx, request.actor, originOf(request), [
      { action: 'access.refused', outcome: 'refused', details: { method: request.method, route: request.routeOptions.url, permission, why } },
    ]),
  );
}
