import { describe, expect, it } from 'vitest';
import { createLocalEventBus } from './bus.ts';
import type { DomainEvent } from './types.ts';

const errors: unknown[] = [];
const log = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj: unknown, msg?: string) => void errors.push({ obj, msg }),
};

const assigned: DomainEvent = { type: 'task.assigned', audience: { userIds: ['u1'] }, data: { taskId: 't1' } };

describe('in-process event bus (embedded database)', () => {
  it('delivers each published event once to every subscriber', async () => {
    const bus = createLocalEventBus(log);
    const first: DomainEvent[] = [];
    const second: DomainEvent[] = [];
    bus.subscribe((e) => first.push(e));
    bus.subscribe((e) => second.push(e));
    await bus.publish([assigned, assigned]);
    expect(first).toEqual([assigned, assigned]);
    expect(second).toEqual([assigned, assigned]);
  });

  it('stops delivering to a subscriber that has unsubscribed', async () => {
    const bus = createLocalEventBus(log);
    const heard: DomainEvent[] = [];
    const unsubscribe = bus.subscribe((e) => heard.push(e));
    unsubscribe();
    await bus.publish([assigned]);
    expect(heard).toEqual([]);
  });

  it('keeps delivering to others when one subscriber throws, and logs the failure', async () => {
    const bus = createLocalEventBus(log);
    const heard: DomainEvent[] = [];
    bus.subscribe(() => {
      throw new Error('broken subscriber');
    });
    bus.subscribe((e) => heard.push(e));
    await bus.publish([assigned]);
    expect(heard).toEqual([assigned]);
    expect(errors).toContainEqual({ obj: { err: new Error('broken subscriber'), eventType: 'task.assigned' }, msg: 'a live update subscriber failed' });
  });

  it('sends an oversized event without its data, marked as truncated, as PostgreSQL would need', async () => {
    const bus = createLocalEventBus(log);
    const heard: DomainEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    await bus.publish([{ type: 'report.created', audience: { teamIds: ['t1'] }, data: { body: 'x'.repeat(10_000) } }]);
    expect(heard).toEqual([{ type: 'report.created', audience: { teamIds: ['t1'] }, data: { truncated: true } }]);
  });

  it('delivers nothing after it is closed', async () => {
    const bus = createLocalEventBus(log);
    const heard: DomainEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    await bus.close();
    await bus.publish([assigned]);
    expect(heard).toEqual([]);
  });
});
