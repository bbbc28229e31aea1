import { request, type IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, ClientActor } from '../access/actor.ts';
import type { Platform } from '../http/types.ts';
import { createLocalEventBus } from './bus.ts';
import { eventStreamRoutes } from './stream.ts';
import type { DomainEvent, EventBus } from './types.ts';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

const practitioner: Actor = {
  kind: 'user',
  id: 'user-1',
  name: 'Pat Practitioner',
  role: 'practitioner',
  isSupervisor: false,
  teamId: 'team-1',
  organisationId: 'org-1',
  partnershipId: 'partnership-1',
  readOnly: false,
};

const client: ClientActor = { kind: 'client', id: 'access-1', name: 'Sam', profileId: 'profile-1', partnershipId: 'partnership-1' };

interface Frame {
  event: string;
  data: unknown;
}

/** Reads an SSE response frame by frame, as a browser's EventSource would. */
function reader(response: IncomingMessage) {
  response.setEncoding('utf8');
  const chunks = response[Symbol.asyncIterator]() as AsyncIterator<string>;
  let buffer = '';
  return {
    async next(): Promise<Frame | 'ended'> {
      for (;;) {
        const boundary = buffer.indexOf('\n\n');
        if (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          if (block.startsWith(':')) continue;
          const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          const retry = field('retry');
          if (retry !== undefined) return { event: 'retry', data: Number(retry) };
          return { event: field('event') ?? 'message', data: JSON.parse(field('data') ?? 'null') };
        }
        const { value, done } = await chunks.next();
        if (done) return 'ended';
        buffer += value;
      }
    },
    cancel: () => response.destroy(),
  };
}

// node:http rather than fetch: after a cancelled body fetch opens a spare connection that holds up server shutdown.
function get(url: string, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => request(url, { headers }, resolve).on('error', reject).end());
}

describe('live update stream', () => {
  let app: FastifyInstance;
  let bus: EventBus;
  let subscribed = 0;
  let base: string;
  let url: string;

  beforeEach(async () => {
    const local = createLocalEventBus(log);
    subscribed = 0;
    bus = {
      ...local,
      subscribe(listener) {
        subscribed++;
        const unsubscribe = local.subscribe(listener);
        return () => {
          subscribed--;
          unsubscribe();
        };
      },
    };
    app = Fastify();
    // The real auth guard sets the actor; here a header stands in for a signed-in session.
    app.decorate('platform', { events: bus } as unknown as Platform);
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request, reply) => {
      const as = request.headers['x-test-user'];
      request.actor = as === practitioner.id ? practitioner : as === client.id ? client : null;
      reply.header('x-content-type-options', 'nosniff');
    });
    await app.register(eventStreamRoutes);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    url = `${base}/api/v1/events`;
  });

  afterEach(async () => {
    await app.close();
  });

  async function connect(as: Actor | ClientActor = practitioner) {
    const response = await get(as.kind === 'client' ? `${base}/api/v1/portal/events` : url, { 'x-test-user': as.id });
    expect(response.statusCode).toBe(200);
    const frames = reader(response);
    expect(await frames.next()).toEqual({ event: 'ready', data: { type: 'ready', data: {} } });
    return { response, frames };
  }

  it('opens an uncached event stream that starts with ready, keeping headers set by earlier hooks', async () => {
    const { response, frames } = await connect();
    expect(response.headers).toMatchObject({
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    frames.cancel();
  });

  it('sends only the events whose audience includes the user', async () => {
    const { frames } = await connect();
    const events: DomainEvent[] = [
      { type: 'task.assigned', audience: { userIds: ['someone-else'] }, data: { n: 1 } },
      { type: 'report.created', audience: { teamIds: ['team-2', 'team-1'] }, data: { n: 2 } },
      { type: 'case.changed', audience: { organisationIds: ['org-2'] }, data: { n: 3 } },
      { type: 'case.changed', audience: { organisationIds: ['org-1'] }, data: { n: 4 } },
      { type: 'team.changed', audience: { partnershipIds: ['partnership-2'] }, data: { n: 5 } },
      { type: 'team.changed', audience: { partnershipIds: ['partnership-1'] }, data: { n: 6 } },
      { type: 'partnership.changed', audience: { systemAdmins: true }, data: { n: 7 } },
      { type: 'task.assigned', audience: { userIds: ['user-1'] }, data: { n: 8 } },
    ];
    await bus.publish(events);
    const received = [await frames.next(), await frames.next(), await frames.next(), await frames.next()];
    expect(received).toEqual([
      { event: 'report.created', data: { type: 'report.created', data: { n: 2 } } },
      { event: 'case.changed', data: { type: 'case.changed', data: { n: 4 } } },
      { event: 'team.changed', data: { type: 'team.changed', data: { n: 6 } } },
      { event: 'task.assigned', data: { type: 'task.assigned', data: { n: 8 } } },
    ]);
    frames.cancel();
  });

  it('sends session.ended and then closes the stream', async () => {
    const { frames } = await connect();
    await bus.publish([{ type: 'session.ended', audience: { userIds: ['user-1'] }, data: { reason: 'signed_out' } }]);
    expect(await frames.next()).toEqual({ event: 'session.ended', data: { type: 'session.ended', data: { reason: 'signed_out' } } });
    expect(await frames.next()).toBe('ended');
    await expect.poll(() => subscribed).toBe(0);
  });

  it('ignores session.ended meant for someone else', async () => {
    const { frames } = await connect();
    await bus.publish([
      { type: 'session.ended', audience: { userIds: ['someone-else'] }, data: {} },
      { type: 'task.assigned', audience: { userIds: ['user-1'] }, data: {} },
    ]);
    expect(await frames.next()).toEqual({ event: 'task.assigned', data: { type: 'task.assigned', data: {} } });
    frames.cancel();
  });

  it('sends a client in the portal only the events addressed to their access', async () => {
    const { frames } = await connect(client);
    await bus.publish([
      { type: 'message.sent', audience: { clientIds: ['access-2'] }, data: { n: 1 } },
      { type: 'team.changed', audience: { partnershipIds: ['partnership-1'], teamIds: ['team-1'], userIds: ['access-1'] }, data: { n: 2 } },
      { type: 'partnership.changed', audience: { systemAdmins: true }, data: { n: 3 } },
      { type: 'message.sent', audience: { clientIds: ['access-1'], teamIds: ['team-1'] }, data: { n: 4 } },
    ]);
    expect(await frames.next()).toEqual({ event: 'message.sent', data: { type: 'message.sent', data: { n: 4 } } });
    await bus.publish([{ type: 'session.ended', audience: { clientIds: ['access-1'] }, data: { reason: 'idle_timeout' } }]);
    expect(await frames.next()).toEqual({ event: 'session.ended', data: { type: 'session.ended', data: { reason: 'idle_timeout' } } });
    expect(await frames.next()).toBe('ended');
  });

  it('never sends staff what is addressed to a client, whatever the id', async () => {
    const { frames } = await connect();
    await bus.publish([
      { type: 'session.ended', audience: { clientIds: ['user-1'] }, data: { n: 1 } },
      { type: 'message.sent', audience: { clientIds: ['user-1'], teamIds: ['team-1'] }, data: { n: 2 } },
    ]);
    expect(await frames.next()).toEqual({ event: 'message.sent', data: { type: 'message.sent', data: { n: 2 } } });
    frames.cancel();
  });

  it('unsubscribes when the client goes away', async () => {
    const { frames } = await connect();
    expect(subscribed).toBe(1);
    frames.cancel();
    await expect.poll(() => subscribed).toBe(0);
  });

  it('lets the server shut down while streams are open, telling the browser to come back soon', async () => {
    const { frames } = await connect();
    await app.close();
    const retry = await frames.next();
    expect(retry).toMatchObject({ event: 'retry' });
    expect((retry as Frame).data).toBeGreaterThanOrEqual(500);
    expect((retry as Frame).data).toBeLessThan(1500);
    expect(await frames.next()).toBe('ended');
    expect(subscribed).toBe(0);
  });
});
