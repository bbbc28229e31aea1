import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** Concord's own start-up failures: main.ts prints their message alone, without a stack. */
export class DataDirLockedError extends Error {}

/**
 * PGlite does not lock its data directory, and two processes writing it corrupt it. The lock is a
 * listening Unix socket: the kernel closes it when the process dies, however it dies, so a crash
 * never leaves a lock behind and a reused pid cannot hold one; and binding is atomic, so of two
 * processes starting at once exactly one gets it. On Linux the socket is in the abstract namespace
 * (no file, named after the directory's real path); elsewhere it is a socket file in the directory,
 * taken over when nobody answers on it. The abstract namespace belongs to a network namespace: two
 * containers sharing one volume but not one network would not see each other's lock.
 */
export async function acquireDataDirLock(dir: string): Promise<() => void> {
  const real = realpathSync(dir);
  // The pid file earlier versions left; its pid may now be anyone's.
  rmSync(join(real, 'concord.lock'), { force: true });
  const address = lockAddress(real);
  let server: Server;
  try {
    server = await listen(address);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const holder = await askHolder(address);
    if (holder.listening || process.platform === 'linux') {
      throw new DataDirLockedError(
        `Another Concord process${holder.pid ? ` (pid ${holder.pid})` : ''} is using ${dir}. Stop it first, or set CONCORD_DATA_DIR to another directory.`,
      );
    }
    // A socket file nobody listens on is left by a process that died.
    rmSync(address, { force: true });
    server = await listen(address);
  }
  return () => {
    server.close();
  };
}

function lockAddress(real: string): string {
  if (process.platform !== 'linux') return join(real, 'concord.sock');
  return `\0concord-lock-${createHash('sha256').update(real).digest('hex').slice(0, 32)}`;
}

function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Whoever connects is told the holder's pid, for the message above.
    const server = createServer((socket) => socket.end(String(process.pid)));
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      // The lock must not keep a process alive that has nothing else to do.
      server.unref();
      resolve(server);
    });
  });
}

/** Whether anyone listens on the lock, and the pid it gives. */
function askHolder(address: string): Promise<{ listening: boolean; pid: number | null }> {
  return new Promise((resolve) => {
    let answer = '';
    let listening = false;
    const socket = connect(address, () => (listening = true));
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ listening, pid: Number(answer) || null }));
  });
}
