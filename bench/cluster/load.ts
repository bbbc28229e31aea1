/**
 * Load through the proxy while instances restart, and live update streams that reconnect as a
 * browser's EventSource does: shared by bench/cluster.ts and the CI test.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request, type IncomingMessage } from 'node:http';
import { csrfOf } from '../run/server.ts';

export interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Requests reset before any reply and sent again (see `send`). */
  retried: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** The first few failures, status and body, to say why. */
  samples: string[];
}

/** The latency at a fraction of the sorted samples. */
const at = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;

interface Reply {
  status: number;
  body: string;
}

/**
 * One request on a kept-alive connection. A connection the proxy closes as it reloads (an idle
 * kept-alive one, or one it accepted a moment before) resets a request written to it before any
 * reply. Browsers send such a request again, and Node's documentation advises it
 * (`request.reusedSocket`); here any request reset before its reply is sent once more, since a
 * read may be repeated and a write carries an Idempotency-Key. `retried` counts them.
 */
function send(agent: Agent, url: URL, method: string, headers: Record<string, string>, body: string | null, timeoutMs: number, retried: () => void): Promise<Reply> {
  // The resend goes on a connection of its own: the agent's other kept-alive ones may be the
  // old worker's too, about to be closed in the same way.
  const attempt = (retry: boolean): Promise<Reply> => new Promise((resolve, reject) => {
    const req = request(url, { method, agent: retry ? agent : false, headers, timeout: timeoutMs }, (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (retry && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        retried();
        resolve(attempt(false));
      } else reject(error);
    });
    req.end(body ?? undefined);
  });
  return attempt(true);
}

/**
 * Runs `connections` clients, half reading the signed-in person's own details and half setting
 * a reminder (a write, with an Idempotency-Key), until `whileRunning` resolves; then stops and reports.
 */
export async function loadWhile(url: string, cookie: string, connections: number, whileRunning: () => Promise<void>): Promise<LoadResult> {
  const samples: string[] = [];
  const note = (what: string) => void (samples.length < 5 && samples.push(what));
  const dueAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const headers = { cookie, 'x-csrf-token': csrfOf(cookie), 'content-type': 'application/json' };
  const latencies: number[] = [];
  const counts = { non2xx: 0, errors: 0, timeouts: 0, retried: 0 };
  const retried = () => void counts.retried++;
  let running = true;
  const started = performance.now();
  const client = async (n: number) => {
    for (let i = n; running; i++) {
      const write = i % 2 === 1;
      const begun = performance.now();
      try {
        const reply = write
          ? await send(agent, new URL('/api/v1/actions', url), 'POST', { ...headers, 'idempotency-key': randomUUID() }, JSON.stringify({ title: 'Rolling restart load', dueAt }), 10_000, retried)
          : await send(agent, new URL('/api/v1/me', url), 'GET', headers, null, 10_000, retried);
        latencies.push(performance.now() - begun);
        if (reply.status < 200 || reply.status >= 300) {
          counts.non2xx++;
          note(`${reply.status} ${reply.body.slice(0, 200)}`);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ETIMEDOUT') counts.timeouts++;
        else counts.errors++;
        note((error as Error).message);
      }
    }
  };
  const clients = Array.from({ length: connections }, (_, n) => client(n));
  try {
    await whileRunning();
  } finally {
    running = false;
    await Promise.all(clients);
    agent.destroy();
  }
  const sorted = latencies.sort((x, y) => x - y);
  const seconds = (performance.now() - started) / 1000;
  const requests = sorted.length + counts.errors + counts.timeouts;
  return {
    requests,
    ...counts,
    perSecond: Math.round(requests / seconds),
    p50: Math.round(at(sorted, 0.5)),
    p99: Math.round(at(sorted, 0.99)),
    max: Math.round(sorted.at(-1) ?? 0),
    samples,
  };
}

export interface Listener {
  /** How many times the stream said `ready`: the first connection and each reconnection. */
  readonly readies: number;
  /** Event types received, in order. */
  readonly events: string[];
  close(): void;
}

/**
 * A live update stream through the proxy that, like EventSource, reconnects after the server ends
 * it, waiting as long as the last `retry:` said.
 */
export function listen(url: string, cookie: string): Listener {
  const state = { readies: 0, events: [] as string[] };
  let closed = false;
  let current: IncomingMessage | null = null;
  let retryMs = 3000;
  const connect = () => {
    if (closed) return;
    let gone = false;
    const reconnect = () => {
      if (gone) return;
      gone = true;
      current = null;
      if (!closed) setTimeout(connect, retryMs);
    };
    request(`${url}/api/v1/events`, { headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      current = response;
      if (response.statusCode !== 200) {
        response.resume();
        response.on('end', reconnect);
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
          const retry = field('retry');
          if (retry) retryMs = Number(retry);
          const event = field('event');
          if (event === 'ready') state.readies++;
          else if (event) state.events.push(event);
        }
      });
      response.on('end', reconnect);
      response.on('error', reconnect);
    }).on('error', reconnect).end();
  };
  connect();
  return {
    get readies() {
      return state.readies;
    },
    get events() {
      return state.events;
    },
    close() {
      closed = true;
      (current as IncomingMessage | null)?.destroy();
    },
  };
}
