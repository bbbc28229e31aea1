import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { openTestDatabase } from '../../test/database.ts';
import type { Actor } from '../access/actor.ts';
import { createRunner } from '../context.ts';
import { createLocalEventBus } from './bus.ts';
import { startOutboxDeliverer, writeOutbox } from './outbox.ts';
import type { DomainEvent, EventBus } from './types.ts';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const actor: Actor = {
  kind: 'user', id: '00000000-0000-7000-8000-000000000001', name: 'Outbox tester', role: 'practitioner', isSupervisor: false,
  teamId: '00000000-0000-7000-8000-000000000002', organisationId: '00000000-0000-7000-8000-000000000003', partnershipId: '00000000-0000-7000-8000-000000000004', readOnly: false,
};
const who = { actor, origin: { ip: null } };
const event = (n: number): DomainEvent => ({ type: 'timeline.changed', audience: { teamIds: [actor.teamId] }, data: { n } });

async function waiting(): Promise<number> {
  const { rows } = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from event_outbox`);
  return Number(rows[0]!.n);
}

/** A bus that records what it was given, and can be told to fail its next publish. */
function recordingBus(): EventBus & { heard: DomainEvent[]; failNext: boolean } {
  const local = createLocalEventBus(log);
  const bus = {
    heard: [] as DomainEvent[],
    failNext: false,
    async publish(events: DomainEvent[]) {
      if (bus.failNext) {
        bus.failNext = false;
        throw new Error('the bus is down');
      }
      bus.heard.push(...events);
      await local.publish(events);
    },
    subscribe: local.subscribe,
    close: local.close,
  };
  return bus;
}

describe('the event outbox', () => {
  it('delivers what a use case emitted once it commits, and keeps nothing behind', async () => {
    const bus = recordingBus();
    const outbox = startOutboxDeliverer({ database, events: bus, log });
    const runner = createRunner({ database, outbox, onEffectError: (error) => { throw error; } });
    await runner.run(who, async (ctx) => {
      ctx.emit(event(1));
      ctx.emit(event(2));
    });
    outbox.stop();
    expect(bus.heard.map((e) => e.data.n)).toEqual([1, 2]);
    expect(await waiting()).toBe(0);
  });

  it('delivers nothing for a use case that fails', async () => {
    const bus = recordingBus();
    const outbox = startOutboxDeliverer({ database, events: bus, log });
    const runner = createRunner({ database, outbox, onEffectError: (error) => { throw error; } });
    await expect(runner.run(who, async (ctx) => {
      ctx.emit(event(3));
      throw new Error('the use case failed');
    })).rejects.toThrow('the use case failed');
    await outbox.drain();
    outbox.stop();
    expect(bus.heard).toEqual([]);
    expect(await waiting()).toBe(0);
  });

  it('delivers, in the order written, what a crash left between commit and delivery', async () => {
    // Committed with their change, then the process died before delivering them.
    await database.db.transaction((tx) => writeOutbox(tx, [event(4), event(5)]));
    await database.db.transaction((tx) => writeOutbox(tx, [event(6)]));
    expect(await waiting()).toBe(3);
    // The next process delivers them when it starts looking.
    const bus = recordingBus();
    const outbox = startOutboxDeliverer({ database, events: bus, log });
    await outbox.drain();
    outbox.stop();
    expect(bus.heard.map((e) => e.data.n)).toEqual([4, 5, 6]);
    expect(bus.heard[0]).toEqual(event(4));
    expect(await waiting()).toBe(0);
  });

  it('keeps events whose delivery failed and delivers them next time, at least once', async () => {
    const bus = recordingBus();
    const outbox = startOutboxDeliverer({ database, events: bus, log });
    const effectErrors: unknown[] = [];
    const runner = createRunner({ database, outbox, onEffectError: (error) => effectErrors.push(error) });
    bus.failNext = true;
    await runner.run(who, async (ctx) => ctx.emit(event(7)));
    expect(effectErrors).toHaveLength(1);
    expect(bus.heard).toEqual([]);
    expect(await waiting()).toBe(1);
    await runner.run(who, async (ctx) => ctx.emit(event(8)));
    outbox.stop();
    expect(bus.heard.map((e) => e.data.n)).toEqual([7, 8]);
    expect(await waiting()).toBe(0);
  });

  it('lets calls made while a delivery runs share one more run, which sees their events', async () => {
    const bus = recordingBus();
    const outbox = startOutboxDeliverer({ database, events: bus, log });
    const runner = createRunner({ database, outbox, onEffectError: (error) => { throw error; } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => runner.run(who, async (ctx) => ctx.emit(event(100 + i)))));
    outbox.stop();
    expect(bus.heard.map((e) => e.data.n).sort()).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(await waiting()).toBe(0);
  });
});
