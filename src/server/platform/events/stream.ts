import type { FastifyInstance } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { sessionIsOpen } from '../auth/sessions.ts';
import { who } from '../http/types.ts';
import type { Audience, DomainEvent } from './types.ts';

// Often enough that proxies and load balancers with a one-minute idle limit keep the stream open.
const heartbeatMs = 20_000;
// A client that has stopped reading is cut off rather than buffered for without limit; its
// browser reconnects and refetches.
const maxBufferedBytes = 1_000_000;

/** Whether an event is for this person: named directly, or through their team, organisation or partnership. */
export function isInAudience(actor: Actor, audience: Audience): boolean {
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
 * `GET /api/v1/events`: a Server-Sent Events stream of the live updates meant for the signed-in
 * user. The browser's EventSource reconnects by itself; the web client refetches on `ready`.
 */
export async function eventStreamRoutes(app: FastifyInstance) {
  const open = new Set<() => void>();
  // An open stream never finishes by itself, so it would hold the server open on shutdown.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/api/v1/events', {
    config: { permission: 'signed_in' },
    schema: { tags: ['events'], summary: 'Live updates for the signed-in user, as Server-Sent Events' },
  }, async (request, reply) => {
    const { actor } = who(request);
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
    const end = () => {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      unsubscribe();
      if (!res.writableEnded) res.end();
    };
    const write = (chunk: string) => {
      if (res.writableEnded) return;
      res.write(chunk);
      if (res.writableLength > maxBufferedBytes) {
        request.log.warn({ userId: actor.id }, 'live update stream dropped: the client is not reading');
        end();
      }
    };

    open.add(end);
    res.on('close', end);
    res.on('error', (error) => {
      request.log.warn({ err: error }, 'live update stream failed');
      end();
    });
    const sessionHash = request.session?.tokenHash;
    unsubscribe = app.platform.events.subscribe((event: DomainEvent) => {
      if (!isInAudience(actor, event.audience)) return;
      if (event.type !== 'session.ended') return write(frame(event.type, event.data));
      // Addressed to the person; it ends this stream only if it was this session that ended
      // (their phone timing out must not sign out their laptop).
      if (!sessionHash) {
        write(frame(event.type, event.data));
        return end();
      }
      sessionIsOpen(app.platform.database.db, sessionHash)
        .then((stillOpen) => {
          if (stillOpen) return;
          write(frame(event.type, event.data));
          end();
        })
        .catch((error: unknown) => request.log.error({ err: error }, 'could not check a session for a live update'));
    });
    // The client may have gone before the listeners above were attached; then 'close' has passed.
    if (!res.socket || res.socket.destroyed) end();
    else write(frame('ready', {}));
  });
}
