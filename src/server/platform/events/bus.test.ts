import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { openTestDatabase } from '../../test/database.ts';
import { createEventBus } from './bus.ts';
import type { DomainEvent, EventBus } from './types.ts';

const messages: (string | undefined)[] = [];
const record = (_obj: unknown, msg?: string) => void messages.push(typeof _obj === 'string' ? _obj : msg);
const log = { info: record, warn: record, error: record };

const event = (type: string, data: Record<string, unknown> = {}): DomainEvent => ({ type, audience: { teamIds: ['team-1'] }, data });

/** Publishes a last event and waits until the bus has heard it: everything sent before it has arrived. */
async function drain(publisher: EventBus, listeners: DomainEvent[][], marker: string) {
  await publisher.publish([event(marker)]);
  await expect.poll(() => listeners.every((heard) => heard.some((e) => e.type === marker)), { timeout: 10_000 }).toBe(true);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('event bus on PostgreSQL (LISTEN/NOTIFY)', () => {
  let database: Database;
  let a: EventBus;
  let b: EventBus;
  const heardByA: DomainEvent[] = [];
  const heardByB: DomainEvent[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    a = await createEventBus(database, log);
    b = await createEventBus(database, log);
    a.subscribe((e) => heardByA.push(e));
    b.subscribe((e) => heardByB.push(e));
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  it('delivers every event to both instances exactly once, the publisher included', async () => {
    heardByA.length = 0;
    heardByB.length = 0;
    const assigned = event('task.assigned', { taskId: 't1' });
    await a.publish([assigned, assigned]);
    await b.publish([event('report.created', { reportId: 'r1' })]);
    await drain(a, [heardByA, heardByB], 'test.marker-1');
    for (const heard of [heardByA, heardByB]) {
      expect(heard.filter((e) => e.type !== 'test.marker-1')).toEqual([assigned, assigned, event('report.created', { reportId: 'r1' })]);
    }
  });

  it('drops the data of an event too large for NOTIFY and says so', async () => {
    heardByA.length = 0;
    heardByB.length = 0;
    await a.publish([event('report.created', { body: 'é'.repeat(5000) })]);
    await drain(a, [heardByA, heardByB], 'test.marker-2');
    expect(heardByB[0]).toEqual(event('report.created', { truncated: true }));
  });

  it('listens again after its connection is cut', async () => {
    heardByB.length = 0;
    const { rowCount } = await database.pool.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'concord-events' and datname = current_database()",
    );
    expect(rowCount).toBe(2);
    // Events sent while the listener is down are lost by design; keep sending until one arrives.
    await expect.poll(async () => {
      await a.publish([event('test.after-reconnect')]);
      return heardByB.some((e) => e.type === 'test.after-reconnect');
    }, { timeout: 15_000, interval: 300 }).toBe(true);
    expect(messages).toContain('live update listener lost its database connection');
    expect(messages).toContain('live update listener reconnected');
  });
});
