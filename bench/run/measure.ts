import autocannon from 'autocannon';
import type pg from 'pg';

export interface Stats {
  requests: number;
  /** Replies other than 2xx, timeouts and connection errors; a query that threw, for raw SQL. */
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  /** The first few failures, to show what went wrong. */
  samples: string[];
}

export interface Load {
  connections: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function statsOf(latencies: number[], errors: number, seconds: number, samples: string[]): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length, errors, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), perSecond: latencies.length / seconds, samples };
}

/** Round-robin over the inputs, so that every connection works through varied requests. */
export function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * GET requests at `connections` concurrent connections for `seconds`, each path taken from
 * `nextPath`, timing every reply (autocannon's own histogram has no 95th percentile).
 */
export function measureApi(url: string, cookie: string, nextPath: () => string, load: Load): Promise<Stats> {
  return measureRequests(url, { cookie, accept: 'application/json' }, () => ({ method: 'GET', path: nextPath() }), load);
}

/** Any requests, as `measureApi`: each one built by `next`, its headers added to the common ones. */
export async function measureRequests(url: string, headers: Record<string, string>, next: () => ApiRequest, load: Load): Promise<Stats> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url,
      connections: load.connections,
      duration: load.seconds,
      headers,
      requests: [{ setupRequest: (request) => {
        const { headers: extra, ...rest } = next();
        return { ...request, ...rest, headers: { ...request.headers, ...extra } };
      }, onResponse: (status, body) => {
        if ((status < 200 || status >= 300) && samples.length < 3) samples.push(`${status} ${body.slice(0, 200)}`);
      } }],
    }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) errors++;
    });
  });
  return statsOf(latencies, errors + result.errors + result.timeouts, load.seconds, samples);
}

/** The same load as raw SQL: `connections` workers, each with its own client of the pool. */
export async function measureSql(pool: pg.Pool, nextQuery: () => { text: string; values: unknown[]; name?: string }, load: Load): Promise<Stats> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  const until = performance.now() + load.seconds * 1000;
  await Promise.all(Array.from({ length: load.connections }, async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < until) {
        const query = nextQuery();
        const started = performance.now();
        try {
          // A named query is prepared once per connection and then only executed.
          await client.query(query);
          latencies.push(performance.now() - started);
        } catch (error) {
          errors++;
          if (samples.length < 3) samples.push(error instanceof Error ? error.message : String(error));
        }
      }
    } finally {
      client.release();
    }
  }));
  return statsOf(latencies, errors, load.seconds, samples);
}
