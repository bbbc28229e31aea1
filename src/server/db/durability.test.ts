import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection.ts';

// pglite-worker.mjs turns PGlite's fsync=off into a flush of the WAL at every commit. Whether the
// flush reaches the disk can only be watched from outside (strace, bench/README.md); this guards
// the settings it relies on, which a PGlite upgrade could change.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded database on disk', () => {
  it('runs with fsync on, flushing the WAL with fsync, and keeps what it committed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-durability-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      const settings = await first.pool.query<{ fsync: string; method: string; commit: string }>(
        "select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method, current_setting('synchronous_commit') as commit",
      );
      expect(settings.rows[0]).toEqual({ fsync: 'on', method: 'fsync', commit: 'on' });
      await first.pool.query('create table kept (id int primary key)');
      await first.pool.query('insert into kept values (1), (2)');
      await first.close();

      const again = await openDatabase({ dataDir: dir });
      const { rows } = await again.pool.query<{ n: number }>('select count(*)::int as n from kept');
      await again.close();
      expect(rows[0]!.n).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('leaves an in-memory database as PGlite makes it', async () => {
    const memory = await openDatabase({ dataDir: 'memory://' });
    const { rows } = await memory.pool.query<{ fsync: string }>("select current_setting('fsync') as fsync");
    await memory.close();
    expect(rows[0]!.fsync).toBe('off');
  });
});
