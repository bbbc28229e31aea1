/**
 * What flushing every commit to the disk costs the embedded database (bench/README.md,
 * "Durability of the embedded database"):
 *
 *   node --import tsx bench/durability.ts [--commits=500 --rounds=3 --dir=/path/on/the/disk]
 *
 * Opens the embedded database as Concord does (openDatabase on a fresh directory, through the
 * worker and its socket) with fsync on, as Concord runs, and off, as PGlite's defaults had it, in
 * alternating rounds so that other work on the machine falls on both alike. Each round runs
 * `commits` small write transactions one after another (begin, insert a row into an indexed table,
 * commit) and times each from begin to the commit's reply. Also times the disk itself (write 8 kB
 * and fsync, `commits` times) in the same directory. `--dir` must be on the disk being measured:
 * a tmpfs makes fsync free.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/connection.ts';
import { statsOf, type Stats } from './run/measure.ts';

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
    dir: { type: 'string', default: tmpdir() },
  },
});
const commits = Number(values.commits);
const rounds = Number(values.rounds);

async function round(fsync: boolean): Promise<{ latencies: number[]; seconds: number; openMs: number }> {
  const dir = mkdtempSync(join(values.dir, 'concord-durability-'));
  try {
    const openedAt = performance.now();
    const database = await openDatabase({ dataDir: dir, fsync });
    const openMs = performance.now() - openedAt;
    const client = await database.pool.connect();
    try {
      const { rows } = await client.query<{ fsync: string }>("select current_setting('fsync') as fsync");
      if ((rows[0]!.fsync === 'on') !== fsync) throw new Error(`asked for fsync ${fsync ? 'on' : 'off'}, the database has ${rows[0]!.fsync}`);
      await client.query('create table durability_probe (id bigserial primary key, note text not null, at timestamptz not null default now())');
      const commit = async (i: number) => {
        await client.query('begin');
        await client.query('insert into durability_probe (note) values ($1)', [`commit ${i}`]);
        await client.query('commit');
      };
      for (let i = 0; i < 20; i++) await commit(i); // warm-up
      const latencies: number[] = [];
      const startedAt = performance.now();
      for (let i = 0; i < commits; i++) {
        const at = performance.now();
        await commit(i);
        latencies.push(performance.now() - at);
      }
      return { latencies, seconds: (performance.now() - startedAt) / 1000, openMs };
    } finally {
      client.release();
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rawDisk(): { latencies: number[]; seconds: number } {
  const dir = mkdtempSync(join(values.dir, 'concord-durability-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const block = Buffer.alloc(8192, 1);
  const latencies: number[] = [];
  const startedAt = performance.now();
  try {
    for (let i = 0; i < commits; i++) {
      const at = performance.now();
      writeSync(fd, block, 0, block.length, (i % 128) * block.length);
      fsyncSync(fd);
      latencies.push(performance.now() - at);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { latencies, seconds: (performance.now() - startedAt) / 1000 };
}

const samples = { on: [] as number[], off: [] as number[] };
const seconds = { on: 0, off: 0 };
const opens = { on: [] as number[], off: [] as number[] };
for (let r = 0; r < rounds; r++) {
  for (const mode of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
    const result = await round(mode === 'on');
    samples[mode].push(...result.latencies);
    seconds[mode] += result.seconds;
    opens[mode].push(result.openMs);
    console.error(`round ${r + 1}, fsync ${mode}: ${(result.latencies.length / result.seconds).toFixed(0)} commits/s, first open ${result.openMs.toFixed(0)} ms`);
  }
}
const disk = rawDisk();

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const row = (name: string, s: Stats) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.perSecond.toFixed(0)} | ${s.requests} |`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${commits} commits x ${rounds} rounds per mode, one after another, in ${values.dir}`);
console.log('| | p50 ms | p95 ms | p99 ms | commits/s | commits |');
console.log('| --- | --: | --: | --: | --: | --: |');
console.log(row('fsync on (Concord)', statsOf(samples.on, 0, seconds.on, [])));
console.log(row('fsync off (PGlite default)', statsOf(samples.off, 0, seconds.off, [])));
console.log(row('the disk: write 8 kB + fsync', statsOf(disk.latencies, 0, disk.seconds, [])));
console.log(`first open of an empty directory (initdb, median): fsync on ${median(opens.on).toFixed(0)} ms, off ${median(opens.off).toFixed(0)} ms`);
