import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/connection.ts';
import type { Actor } from '../access/actor.ts';
import { listen } from '../events/listen.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/** The channel the `session_changed` trigger (migration 0026) speaks on. */
export const sessionChannel = 'concord_sessions';
/** The longest a kept session is trusted without reading it again, even if a change went unheard. */
export const sessionCacheMs = 2_000;
const maxEntries = 10_000;

export interface CachedSession {
  actor: Actor;
  stage: 'enrolment' | 'full';
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

interface Entry extends CachedSession {
  keptUntil: number;
}

/**
 * The people behind recent sessions, kept for reads (GET, HEAD) so that a page costs one statement
 * rather than two. A change to a session, its user, or where their team sits reaches every
 * instance on commit through the `session_changed` trigger, and the instance that makes it
 * forgets at once; a kept entry is trusted for `sessionCacheMs` at most either way. Nothing is
 * kept while the listener is down (changes could go unheard) or on the embedded database (one
 * process, which LISTEN cannot serve). Writes always read the session afresh.
 */
export interface SessionCache {
  /** A count to take before reading a session and to hand to `keep`: any change in between forbids keeping what was read. */
  generation(): number;
  find(tokenHash: string, now: number): CachedSession | null;
  keep(tokenHash: string, session: CachedSession, generation: number, now: number): void;
  /**
   * Resolves once every change committed before the call has been heard: notifications arrive in
   * commit order, so hearing one sent now means those before it were heard.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

// Every cache of this process, so that a change made here is forgotten before its notification returns.
const open = new Set<Store>();

/** Forgets a session on this process's caches; called where it changes, in the changing transaction. */
export function forgetSession(tokenHash: string): void {
  for (const store of open) store.forgetSession(tokenHash);
}

/** Forgets every session of a user on this process's caches. */
export function forgetUser(userId: string): void {
  for (const store of open) store.forgetWhere((entry) => entry.actor.id === userId);
}

class Store {
  private entries = new Map<string, Entry>();
  private count = 0;
  private listening = false;
  /** Callers of `settled`, by the payload each waits to hear. */
  readonly waiting = new Map<string, () => void>();

  generation(): number {
    return this.count;
  }

  get isListening(): boolean {
    return this.listening;
  }

  setListening(up: boolean): void {
    this.listening = up;
    this.forgetWhere(() => true);
    // Nothing is kept while down, so whoever waits to hear past changes has nothing left to wait for.
    if (!up) for (const resolve of this.waiting.values()) resolve();
  }

  find(tokenHash: string, now: number): CachedSession | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.keptUntil > now && this.listening) return entry;
    this.entries.delete(tokenHash);
    return null;
  }

  keep(tokenHash: string, session: CachedSession, generation: number, now: number): void {
    if (!this.listening || generation !== this.count) return;
    this.entries.delete(tokenHash);
    // Maps iterate in insertion order, so the first key is the entry kept longest ago.
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { ...session, keptUntil: now + sessionCacheMs });
  }

  // Each forgetting counts, whether or not anything was kept: a read under way may be about to keep it.
  forgetSession(tokenHash: string): void {
    this.count++;
    this.entries.delete(tokenHash);
  }

  forgetWhere(which: (entry: Entry) => boolean): void {
    this.count++;
    for (const [key, entry] of this.entries) if (which(entry)) this.entries.delete(key);
  }

  heard(payload: string): void {
    if (payload.startsWith('settled:')) this.waiting.get(payload)?.();
    else if (payload === '*') this.forgetWhere(() => true);
    else if (payload.startsWith('s:')) this.forgetSession(payload.slice(2));
    else if (payload.startsWith('u:')) this.forgetWhere((entry) => entry.actor.id === payload.slice(2));
  }
}

export async function createSessionCache(database: Database, log: Log): Promise<SessionCache> {
  const store = new Store();
  const connection = database.connection;
  const stop = connection
    ? await listen(connection, log, {
      channel: sessionChannel,
      applicationName: 'concord-sessions',
      what: 'session change',
      onPayload: (payload) => store.heard(payload),
      onState: (up) => store.setListening(up),
    })
    : null;
  open.add(store);
  return {
    generation: () => store.generation(),
    find: (tokenHash, now) => store.find(tokenHash, now),
    keep: (tokenHash, session, generation, now) => store.keep(tokenHash, session, generation, now),
    async settled() {
      if (!store.isListening) return;
      const payload = `settled:${randomUUID()}`;
      const heard = new Promise<void>((resolve) => store.waiting.set(payload, resolve));
      try {
        await database.pool.query('select pg_notify($1, $2)', [sessionChannel, payload]);
        await heard;
      } finally {
        store.waiting.delete(payload);
      }
    },
    async close() {
      open.delete(store);
      await stop?.();
    },
  };
}
