import http from 'node:http';
import type pg from 'pg';
import { randomToken, sha256 } from '../../src/server/platform/auth/crypto.ts';
import { sessionCookie } from '../../src/server/platform/http/auth-guard.ts';

export interface Readers {
  cookies: string[];
  /** Ends their sessions, so they do not linger as open sign-ins. */
  end(): Promise<void>;
}

/**
 * `count` practitioners of the team, each with a session made as sign-in makes one (the cookie
 * holds the token, the database its SHA-256), so that hundreds can listen without two-factor
 * sign-ins. Made again on every run; the users stay, with the same emails.
 */
export async function createReaders(pool: pg.Pool, teamId: string, count: number): Promise<Readers> {
  const { rows } = await pool.query<{ id: string }>(`
    insert into users (id, team_id, email, name, role)
    select gen_random_uuid(), $1, 'live.' || k || '@bench.concord.test', 'Live reader ' || k, 'practitioner' from generate_series(1, $2::int) k
    on conflict (email) do update set team_id = excluded.team_id, disabled_at = null
    returning id`, [teamId, count]);
  const tokens = rows.map(() => randomToken());
  const hashes = tokens.map(sha256);
  await pool.query(`
    insert into sessions (token_hash, user_id, stage, csrf_token, expires_at)
    select h, u, 'full', c, now() + interval '12 hours' from unnest($1::text[], $2::uuid[], $3::text[]) s(h, u, c)`,
  [hashes, rows.map((r) => r.id), tokens.map(() => randomToken())]);
  return {
    cookies: tokens.map((t) => `${sessionCookie}=${t}`),
    async end() {
      await pool.query(`update sessions set ended_at = now(), end_reason = 'signed_out' where token_hash = any($1) and ended_at is null`, [hashes]);
    },
  };
}

export interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
  /** performance.now() when the chunk holding it arrived. */
  at: number;
}

export interface Stream {
  close(): void;
}

/**
 * Opens `/api/v1/events` as the cookie's user, as EventSource would, and resolves once the
 * server has said `ready` (it is then subscribed). Every later event goes to `onEvent`.
 */
export function openStream(url: string, cookie: string, onEvent: (event: LiveEvent) => void): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/api/v1/events`, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`/api/v1/events answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as { type: string; data: Record<string, unknown> };
          if (event.type === 'ready') resolve({ close: () => request.destroy() });
          else onEvent({ ...event, at });
        }
      });
    });
    request.on('error', reject);
  });
}
