import { connect, type Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeGracefully, registerGracefulShutdown } from './shutdown.ts';

// The server's own settings for this (app.ts): a request reaching a closing server is served.
async function server(): Promise<{ app: FastifyInstance; port: number; release(): void; whenStopping(act: () => Promise<void>): void }> {
  const app = Fastify({ return503OnClosing: false });
  registerGracefulShutdown(app);
  let stopping: () => Promise<void> = async () => undefined;
  app.addHook('preClose', () => stopping());
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  app.get('/slow', async () => {
    await released;
    return { slow: true };
  });
  app.get('/fast', async () => ({ fast: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as { port: number }).port, release: () => release(), whenStopping: (act) => (stopping = act) };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Everything the server sends on a socket until it closes it (or errors it). */
function readAll(socket: Socket): Promise<{ text: string; error: string | null }> {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  return new Promise((resolve) => {
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ text, error: error.code ?? error.message }));
    socket.on('close', () => resolve({ text, error: null }));
  });
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: concord.test\r\nConnection: keep-alive\r\n\r\n`;
const until = (check: () => boolean) => expect.poll(check, { timeout: 5000, interval: 10 }).toBe(true);

describe('graceful shutdown', () => {
  let s: Awaited<ReturnType<typeof server>>;
  /** Whether the test closed the server itself, as each does. */
  let closed: Promise<unknown> | null;
  beforeEach(async () => {
    s = await server();
    closed = null;
  });
  afterEach(async () => {
    s.release();
    await (closed ?? s.app.close());
  });

  it('finishes requests in flight and one arriving on a kept-alive connection as it stops, each with Connection: close, and refuses new connections', async () => {
    const kept = await open(s.port);
    const keptRead = readAll(kept);
    kept.write(get('/fast'));
    await until(() => kept.bytesRead > 0);

    const busy = await open(s.port);
    const busyRead = readAll(busy);
    busy.write(get('/slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));

    // A request that a client sent on its kept-alive connection just as the server began to stop.
    // Counts only what comes after the first reply, already read above.
    let keptSoFar = '';
    kept.on('data', (chunk: string) => (keptSoFar += chunk));
    s.whenStopping(async () => {
      kept.write(get('/fast'));
      await until(() => keptSoFar.includes('HTTP/1.1 '));
    });

    closed = closeGracefully(s.app, 5000);
    const keptReplies = (await keptRead);
    expect(keptReplies.error).toBeNull();
    const second = keptReplies.text.split('HTTP/1.1 ')[2]!;
    expect(second).toMatch(/^200 /);
    expect(second).toMatch(/\r\nconnection: close\r\n/i);
    // While the slow request is still running, nothing new is let in.
    const attempt = () => open(s.port).then((socket) => (socket.destroy(), 'accepted'), (error: NodeJS.ErrnoException) => error.code);
    await expect.poll(attempt, { timeout: 5000, interval: 20 }).toBe('ECONNREFUSED');

    s.release();
    const { text, error } = await busyRead;
    expect(error).toBeNull();
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/\r\nconnection: close\r\n/i);
    expect(text).toContain('{"slow":true}');
    expect(await closed).toEqual({ cutOff: false });
  });

  it('cuts off a request still running after the grace period', async () => {
    const socket = await open(s.port);
    const read = readAll(socket);
    socket.write(get('/slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    closed = closeGracefully(s.app, 200);
    expect(await closed).toEqual({ cutOff: true });
    expect((await read).text).toBe('');
  });
});
