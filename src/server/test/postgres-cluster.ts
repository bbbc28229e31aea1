import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { postgresTool } from '../db/postgres-tools.ts';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster that a test or a bench owns, so that it may kill it: the suite's
 * shared one (scripts/with-postgres.sh) must stay up for the other test files. It is set up as that
 * script sets up its own (the same binaries, a superuser trusted on a private Unix socket, run as
 * the `postgres` user when we are root), with one difference: commits are synchronous, since the
 * point is that an acknowledged commit survives `kill -9`. fsync stays off: killing processes
 * leaves what PostgreSQL wrote in the operating system's cache, so it only matters if the machine
 * itself stops.
 */
export interface Cluster {
  /** A superuser URL to the maintenance database `postgres`. */
  url: string;
  /** kill -9 of the postmaster and every server process. */
  kill(): Promise<void>;
  /** Starts it again (after `kill`: recovery from the WAL, as after a power cut). */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const initdb = postgresTool('initdb');
  const pgCtl = postgresTool('pg_ctl');
  const owner = ownerOf();
  const root = mkdtempSync(join(tmpdir(), 'concord-cluster-'));
  const data = join(root, 'data');
  const socket = join(root, 'socket');
  mkdirSync(data, { mode: 0o700 });
  mkdirSync(socket);
  chmodSync(root, 0o755);
  if (owner) for (const path of [root, data, socket]) chownSync(path, owner.uid, owner.gid);
  const asOwner = (command: string, args: string[]) => run(owner ? 'runuser' : command, owner ? ['-u', owner.name, '--', command, ...args] : args, { cwd: root });

  await asOwner(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = `-c listen_addresses= -k ${socket} -c max_connections=100 -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    // Right after a kill the old server processes may still be exiting and holding shared memory.
    for (let attempt = 1; ; attempt++) {
      try {
        await asOwner(pgCtl, ['-D', data, '-l', join(root, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
        return;
      } catch (error) {
        if (attempt === 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  await start();
  return {
    url: `postgres://postgres@${encodeURIComponent(socket)}/postgres`,
    async kill() {
      const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = (await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)]).catch(() => ({ stdout: '' }))).stdout.split('\n').map(Number).filter(Boolean);
      for (const pid of [postmaster, ...children]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
    start,
    async destroy() {
      await asOwner(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL will not run as root: then it runs as `postgres` (Debian's package creates the user). */
function ownerOf(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { name: 'postgres', uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root, PostgreSQL needs a `postgres` user to run as (apt-get install postgresql creates it)');
  }
}
