import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.ts';
import { acquireDataDirLock } from './lock.ts';

// Embedded mode after a crash: the lock, the socket folders and a database that cannot open.

const scratch = mkdtempSync(join(tmpdir(), 'concord-recovery-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** A process holding (or refused) the lock; resolves with its first line. */
function holder(dir: string): { child: ChildProcess; said: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/test/hold-data-dir-lock.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const said = new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', () => resolve(out.trim()));
  });
  return { child, said };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('the embedded data directory lock', () => {
  it('refuses a second opener while the first lives, naming it, and is free the moment the first is killed', async () => {
    const dir = join(scratch, 'killed');
    mkdirSync(dir);
    const first = holder(dir);
    expect(await first.said).toBe('locked');
    await expect(acquireDataDirLock(dir)).rejects.toThrow(`Another Concord process (pid ${first.child.pid}) is using ${dir}`);
    await killed(first.child);
    const release = await acquireDataDirLock(dir);
    release();
  });

  it('lets exactly one of two processes starting at once have it', async () => {
    const dir = join(scratch, 'race');
    mkdirSync(dir);
    for (let round = 0; round < 3; round++) {
      const both = [holder(dir), holder(dir)];
      const said = await Promise.all(both.map((h) => h.said));
      expect(said.filter((line) => line === 'locked')).toHaveLength(1);
      expect(said.filter((line) => line.startsWith('refused: Another Concord process'))).toHaveLength(1);
      await Promise.all(both.map((h) => killed(h.child)));
    }
  });

  it('is not blocked by an old concord.lock naming a live process, and removes it', async () => {
    const dir = join(scratch, 'pid-file');
    mkdirSync(dir);
    writeFileSync(join(dir, 'concord.lock'), String(process.ppid));
    const release = await acquireDataDirLock(dir);
    expect(existsSync(join(dir, 'concord.lock'))).toBe(false);
    release();
  });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded database after a crash', () => {
  it('removes the socket folders of processes that have died, and no live one', async () => {
    const socketOf = (name: string) => {
      const dir = join(tmpdir(), `concord-db-${name}`);
      mkdirSync(dir);
      return join(dir, '.s.PGSQL.5432');
    };
    const suffix = Math.random().toString(36).slice(2);
    // A dead process's socket: the file stays, nobody listens.
    const dead = socketOf(`dead${suffix}`);
    const deadOwner = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(dead)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => deadOwner.stdout!.once('data', resolve));
    await killed(deadOwner);
    const live = socketOf(`live${suffix}`);
    const liveServer = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => liveServer.listen(live, resolve));
    const young = socketOf(`young${suffix}`);
    closeSync(openSync(young, 'w'));
    const past = new Date(Date.now() - 60_000);
    for (const path of [dead, live]) utimesSync(path, past, past);

    const database = await openDatabase({ dataDir: 'memory://' });
    await database.close();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(young)).toBe(true);
    liveServer.close();
    for (const path of [live, young]) rmSync(join(path, '..'), { recursive: true, force: true });
  });

  it('says which folder cannot be opened, what is wrong and how to recover', async () => {
    const good = join(scratch, 'good');
    const database = await openDatabase({ dataDir: good });
    await database.pool.query('create table kept (id int)');
    await database.close();
    const broken = join(scratch, 'broken');
    cpSync(good, broken, { recursive: true });
    const fd = openSync(join(broken, 'pgdata', 'global', 'pg_control'), 'r+');
    writeSync(fd, Buffer.from('not a control file'), 0, 18, 64);
    closeSync(fd);

    const opening = openDatabase({ dataDir: broken });
    await expect(opening).rejects.toThrow(`The embedded database in ${join(broken, 'pgdata')} cannot be opened: its control file (global/pg_control) fails its checksum`);
    await expect(opening).rejects.toThrow('npm run concord -- restore');
    // The failed start let go of the lock: once repaired, the folder opens.
    cpSync(join(good, 'pgdata', 'global', 'pg_control'), join(broken, 'pgdata', 'global', 'pg_control'));
    const repaired = await openDatabase({ dataDir: broken });
    expect((await repaired.pool.query('select count(*)::int as n from kept')).rows[0].n).toBe(0);
    await repaired.close();
  }, 120_000);
});
