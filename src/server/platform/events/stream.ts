import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, ClientActor } from '../access/actor.ts';
import { portalSessionIsOpen } from '../auth/portal-sessions.ts';
import { sessionIsOpen } from '../auth/sessions.ts';
import { who, whoClient } from '../http/types.ts';
import type { Audience, DomainEvent } from './types.ts';

// Often enough that proxies and load balancers with a one-minute idle limit keep the stream open.
const heartbeatMs = 20_000;
// A client that has stopped reading is cut off rather than buffered for without limit; its
// browser reconnects and refetches.
const maxBufferedBytes = 1_000_000;
// How soon a browser whose stream a stopping server closed comes back, through the load
// balancer, to an instance still running; a little spread so they do not all arrive at once.
const reconnectAfterMs = () => 500 + Math.floor(Math.random() * 1000);

/**
 * Whether an event is for this person: a member of staff named directly, or through their team,
 * organisation or partnership; a client only by their own access.
 */
export function isInAudience(actor: Actor | ClientActor, audience: Audience): boolean {
  if (actor.kind === 'client') return Boolean(audience.clientIds?.includes(actor.id));
  return Boolean(
    audience.userIds?.includes(actor.id) ||
      audience.teamIds?.includes(actor.teamId) ||
      audience.organisationIds?.includes(actor.organisationId) ||
      audience.partnershipIds?.includes(actor.partnershipId) ||
      (audience.systemAdmins && actor.role === 'system_admin'),
  );
}

function frame(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, data })}\n\n`;
}

/**
 * `GET /api/v1/events` for staff and `GET /api/v1/portal/events` for clients: a Server-Sent Events
 * stream of the live updates meant for the caller. The browser's EventSource reconnects by
 * itself; the web clients refetch on `ready`.
 */
export async function eventStreamRoutes(app: FastifyInstance) {
  const open = new Set<(reconnect?: boolean) => void>();
  let closing = false;
  // An open stream never finishes by itself, so it would hold the server open on shutdown; each
  // is told to come back soon (to another instance) and ended.
  app.addHook('preClose', async () => {
    closing = true;
    for (const end of open) end(true);
  });

  /**
   * Streams the events whose audience includes the actor. `session.ended` addressed to them ends
   * the stream only if it was this session that ended (their phone timing out must not sign out
   * their laptop); a stream with no session to check ends at once.
   */
  function stream(request: FastifyRequest, reply: FastifyReply, actor: Actor | ClientActor, stillOpen: (() => Promise<boolean>) | null) {
    const res = reply.raw;
    reply.hijack();
    // Headers set by earlier hooks (security headers) are kept: a hijacked reply skips Fastify's sending.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) res.setHeader(name, value);
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });

    let unsubscribe: () => void = () => undefined;
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    const end = (reconnect = false) => {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      unsubscribe();
      if (res.writableEnded) return;
      res.end(reconnect ? `retry: ${reconnectAfterMs()}\n\n` : undefined);
    };
    const write = (chunk: string) => {
      if (res.writableEnded) return;
      res.write(chunk);
      if (res.writableLength > maxBufferedBytes) {
        request.log.warn({ actorKind: actor.kind, actorId: actor.id }, 'live update stream dropped: the client is not reading');
        end();
      }
    };

    open.add(end);
    // A stream asked for while the server stops would hold it open: it is sent elsewhere at once.
    if (closing) return end(true);
    res.on('close', () => end());
    res.on('error', (error) => {
      request.log.warn({ err: error }, 'live update stream failed');
      end();
    });
    unsubscribe = app.platform.events.subscribe((event: DomainEvent) => {
      if (!isInAudience(actor, event.audience)) return;
      if (event.type !== 'session.ended') return write(frame(event.type, event.data));
      if (!stillOpen) {
        write(frame(event.type, event.data));
        return end();
      }
      stillOpen()
        .then((isOpen) => {
          if (isOpen) return;
          write(frame(event.type, event.data));
          end();
        })
        .catch((error: unknown) => request.log.error({ err: error }, 'could not check a session for a live update'));
    });
    // The client may have gone before the listeners above were attached; then 'close' has passed.
    if (!res.socket || res.socket.destroyed) end();
    else write(frame('ready', {}));
  }

  app.get('/api/v1/events', {
    config: { permission: 'signed_in' },
    schema: { tags: ['events'], summary: 'Live updates for the signed-in user, as Server-Sent Events' },
  }, async (request, reply) => {
    const tokenHash = request.session?.tokenHash;
    stream(request, reply, who(request).actor, tokenHash ? () => sessionIsOpen(app.platform.database.db, tokenHash) : null);
  });

  app.get('/api/v1/portal/events', {
    config: { permission: 'client', actors: ['client'] },
    schema: { tags: ['events'], summary: 'Live updates for the client signed in to the portal, as Server-Sent Events' },
  }, async (request, reply) => {
    const tokenHash = request.portalSession?.tokenHash;
    stream(request, reply, whoClient(request).actor, tokenHash ? () => portalSessionIsOpen(app.platform.database.db, tokenHash) : null);
  });
}
