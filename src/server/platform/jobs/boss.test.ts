import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { openTestDatabase } from '../../test/database.ts';
import { createJobs } from './boss.ts';
import type { Jobs } from './types.ts';

interface Line {
  level: 'info' | 'warn' | 'error';
  obj: unknown;
  msg: string | undefined;
}

const lines: Line[] = [];
const log = {
  info: (obj: unknown, msg?: string) => void lines.push({ level: 'info', obj, msg }),
  warn: (obj: unknown, msg?: string) => void lines.push({ level: 'warn', obj, msg }),
  error: (obj: unknown, msg?: string) => void lines.push({ level: 'error', obj, msg }),
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('background jobs', () => {
  let database: Database;
  let jobs: Jobs;

  beforeAll(async () => {
    database = await openTestDatabase();
    jobs = await createJobs(database, log);
  });

  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('runs a job sent to a queue that did not exist before', async () => {
    const received = deferred<Record<string, unknown>>();
    await jobs.work('test-round-trip', async (data) => received.resolve(data));
    await jobs.send('test-round-trip', { id: 'abc', n: 1 });
    expect(await received.promise).toEqual({ id: 'abc', n: 1 });
  });

  it('logs a failed job instead of losing the error', async () => {
    const tried = deferred<void>();
    await jobs.send('test-failure', { id: 'x' });
    await jobs.work('test-failure', async () => {
      tried.resolve();
      throw new Error('mail server said no');
    });
    await tried.promise;
    await expect.poll(() => lines.find((l) => l.level === 'warn')).toMatchObject({
      obj: { queue: 'test-failure', err: { message: 'mail server said no' } },
    });
  });

  it('can be started and stopped again on the same database', async () => {
    const again = await createJobs(database, log);
    const received = deferred<Record<string, unknown>>();
    await again.work('test-restart', async (data) => received.resolve(data));
    await again.send('test-restart', { ok: true });
    expect(await received.promise).toEqual({ ok: true });
    await again.stop();
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
