import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/connection.ts';
import { listen } from './listen.ts';
import type { Audience, DomainEvent, EventBus } from './types.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export const eventChannel = 'concord_events';

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; this leaves room for the envelope.
const maxPayloadBytes = 7900;

interface WireEvent {
  /**
   * PostgreSQL delivers identical payloads sent in one transaction only once; a unique id keeps
   * two equal events (the same task assigned twice) from collapsing into one.
   */
  id: string;
  type: string;
  audience: Audience;
  data?: Record<string, unknown>;
  truncated?: true;
}

/**
 * Live updates. On PostgreSQL every instance listens on one channel and hands what it hears to
 * its own subscribers, so an event published by one instance reaches users connected to any of
 * them; on the embedded database there is one process and events stay in it. Both go through
 * the same encoding, so an event looks the same to a subscriber whichever database is used.
 */
export async function createEventBus(database: Database, log: Log): Promise<EventBus> {
  if (!database.connection) return createLocalEventBus(log);

  const subscribers = createSubscribers(log);
  // Events sent while the listener is down are not replayed: the web client refetches when its stream reconnects.
  const stopListening = await listen(database.connection, log, {
    channel: eventChannel,
    applicationName: 'concord-events',
    what: 'live update',
    onPayload: (payload) => {
      const event = decode(payload, log);
      if (event) subscribers.deliver(event);
    },
  });
  return {
    async publish(events) {
      const payloads = encodeAll(events, log);
      if (payloads.length === 0) return;
      await database.pool.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [eventChannel, payloads]);
    },
    subscribe: subscribers.subscribe,
    close: stopListening,
  };
}

/** The bus for a single process (the embedded database, where LISTEN/NOTIFY is not available). */
export function createLocalEventBus(log: Log): EventBus {
  const subscribers = createSubscribers(log);
  let closed = false;
  return {
    async publish(events) {
      if (closed) return;
      for (const payload of encodeAll(events, log)) {
        const event = decode(payload, log);
        if (event) subscribers.deliver(event);
      }
    },
    subscribe: subscribers.subscribe,
    async close() {
      closed = true;
      subscribers.clear();
    },
  };
}

function createSubscribers(log: Log) {
  const listeners = new Set<(event: DomainEvent) => void>();
  return {
    subscribe(listener: (event: DomainEvent) => void) {
      // A wrapper per call, so that subscribing the same function twice needs two unsubscribes.
      const entry = (event: DomainEvent) => listener(event);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    deliver(event: DomainEvent) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log.error({ err: error, eventType: event.type }, 'a live update subscriber failed');
        }
      }
    },
    clear: () => listeners.clear(),
  };
}

function encodeAll(events: DomainEvent[], log: Log): string[] {
  const payloads: string[] = [];
  for (const event of events) {
    const payload = encode(event);
    if (payload) payloads.push(payload);
    else log.error({ eventType: event.type }, 'live update dropped: its audience alone is too large to send');
  }
  return payloads;
}

/** A payload too large for NOTIFY loses its data; subscribers are told so and refetch instead. */
function encode(event: DomainEvent): string | null {
  const id = randomUUID();
  const full = JSON.stringify({ id, type: event.type, audience: event.audience, data: event.data } satisfies WireEvent);
  if (Buffer.byteLength(full) <= maxPayloadBytes) return full;
  const truncated = JSON.stringify({ id, type: event.type, audience: event.audience, truncated: true } satisfies WireEvent);
  return Buffer.byteLength(truncated) <= maxPayloadBytes ? truncated : null;
}

function decode(payload: string, log: Log): DomainEvent | null {
  try {
    const wire = JSON.parse(payload) as Partial<WireEvent>;
    if (typeof wire.type !== 'string' || typeof wire.audience !== 'object' || wire.audience === null) throw new Error('not an event');
    return { type: wire.type, audience: wire.audience, data: wire.truncated ? { truncated: true } : (wire.data ?? {}) };
  } catch (error) {
    log.warn({ err: error }, 'ignored a malformed live update');
    return null;
  }
}
