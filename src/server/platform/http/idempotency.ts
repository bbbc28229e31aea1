import { createHash, createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Drizzle } from '../../db/connection.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { sha256 } from '../auth/crypto.ts';
import { open, seal } from '../crypto/envelope.ts';
import { ValidationError } from '../errors.ts';

const header = 'idempotency-key';

interface StoredReplyValue {
  statusCode: number;
  body: string | null;
}

/** A repeat of a request that already took effect: the error handler sends the first reply again. */
export class StoredReply extends Error {
  constructor(readonly reply: StoredReplyValue) {
    super('replayed');
  }
}

/**
 * An Idempotency-Key for one request, handed to the first use case the request runs (every POST
 * route sends that use case's result as it is). The key and the reply are written in its transaction, so they commit together with its effect or
 * not at all: a retry after a crash at any point either finds the first reply or runs afresh.
 */
export interface IdempotencyClaim {
  /** Takes the key inside the transaction; throws StoredReply when an earlier request took it. */
  claim(tx: Tx): Promise<void>;
  /** Stores the reply the route sends for the use case's result, in the same transaction. */
  complete(tx: Tx, value: unknown): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
  interface FastifyContextConfig {
    /** For a POST with more than one success status: which one a result is sent with. */
    replyStatus?: (value: never) => number;
  }
}

export function decorateIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotency', null);
}

/** The status the route sends a use case's result with: its one success status, or its own choice. */
function successStatus(request: FastifyRequest, value: unknown): number {
  const choose = request.routeOptions.config.replyStatus as ((value: unknown) => number) | undefined;
  if (choose) return choose(value);
  const declared = Object.keys((request.routeOptions.schema?.response ?? {}) as object).map(Number).filter((s) => s >= 200 && s < 300);
  if (declared.length > 1) throw new Error(`${request.method} ${request.routeOptions.url} declares several success statuses; say which with config.replyStatus`);
  return declared[0] ?? 200;
}

function replyFor(request: FastifyRequest, reply: FastifyReply, value: unknown): StoredReplyValue {
  const statusCode = successStatus(request, value);
  if (statusCode === 204 || value === undefined) return { statusCode, body: null };
  const declared = (request.routeOptions.schema?.response as Record<number, unknown> | undefined)?.[statusCode];
  return { statusCode, body: declared ? (reply.serializeInput(value as Record<string, unknown>, String(statusCode)) as string) : JSON.stringify(value) };
}

const sameRequest = (first: { requestHash: string }, requestHash: string) => {
  if (first.requestHash !== requestHash) {
    throw new ValidationError([{ field: 'Idempotency-Key', problem: 'was already used for a different request' }], 'That Idempotency-Key was already used for a different request.');
  }
};

/**
 * A POST sent again with the same Idempotency-Key gets the first reply instead of creating a second
 * record. A key is kept only with the effect of the request that used it, so a failed or refused
 * attempt leaves nothing behind and a corrected retry can succeed; a copy racing the first waits
 * for it (the key's primary key) and then gets its reply.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[header];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor || request.actor.kind === 'public') return;
    if (key.length === 0 || key.length > 200) {
      throw new ValidationError([{ field: 'Idempotency-Key', problem: 'must be between 1 and 200 characters' }]);
    }
    const principalId = request.actor.id;
    const path = request.url;
    // An upload's body is its bytes: hashed as they are, not as a JSON array of numbers.
    const body = Buffer.isBuffer(request.body) ? createHash('sha256').update(request.body).digest('hex') : JSON.stringify(request.body ?? null);
    const sealed = request.routeOptions.config.idempotent === 'sealed';
    const { keyRing, secretKey } = app.platform;
    // A short message's bare hash could be matched by guessing its words; a keyed one cannot.
    const fingerprint = `${request.method} ${path}\n${body}`;
    const requestHash = sealed ? createHmac('sha256', secretKey).update(fingerprint).digest('hex') : sha256(fingerprint);
    const kept = (reply: StoredReplyValue): StoredReplyValue => (sealed && reply.body !== null ? { ...reply, body: seal(keyRing, reply.body) } : reply);
    const replayed = (row: { statusCode: number | null; responseBody: string | null }) =>
      new StoredReply({ statusCode: row.statusCode!, body: sealed && row.responseBody !== null ? open(keyRing, row.responseBody) : row.responseBody });
    const thisKey = (db: Pick<Tx, 'select'>) => db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key)));

    // Most repeats are answered here, without opening the use case's transaction.
    const [first] = await thisKey(app.platform.database.db);
    if (first?.statusCode != null) {
      sameRequest(first, requestHash);
      throw replayed(first);
    }

    request.idempotency = {
      async claim(tx) {
        const row = { principalId, key, method: request.method, path, requestHash };
        // A row without a reply is a claim the code before this design left behind: take it over.
        const taken = await tx.insert(idempotencyKeys).values(row)
          .onConflictDoUpdate({ target: [idempotencyKeys.principalId, idempotencyKeys.key], set: row, where: isNull(idempotencyKeys.statusCode) })
          .returning({ key: idempotencyKeys.key });
        if (taken.length > 0) return;
        const [earlier] = await thisKey(tx);
        sameRequest(earlier!, requestHash);
        throw replayed(earlier!);
      },
      async complete(tx, value) {
        const stored = kept(replyFor(request, reply, value));
        await tx.update(idempotencyKeys)
          .set({ statusCode: stored.statusCode, responseBody: stored.body, completedAt: new Date() })
          .where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key)));
      },
    };
  });
}

/** Sends the reply an earlier request with the same key was given. */
export function sendStoredReply(reply: FastifyReply, stored: StoredReply): FastifyReply {
  reply.header('idempotent-replayed', 'true');
  return reply.status(stored.reply.statusCode).type('application/json; charset=utf-8').send(stored.reply.body ?? undefined);
}

/**
 * How long a key is honoured. A stored reply can hold what the request created (a person's
 * record), so it is kept only as long as a client might retry: a day, as payment APIs do.
 */
export const idempotencyKeyHours = 24;
const sweepEveryMs = 60 * 60 * 1000;

/** Forgets keys older than the window; a request repeated after that is a new request. */
export async function forgetOldIdempotencyKeys(db: Drizzle, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - idempotencyKeyHours * 60 * 60 * 1000);
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return gone.length;
}

export function startIdempotencyExpiry(db: Drizzle, log: { error(object: object, message: string): void }): () => void {
  const timer = setInterval(() => {
    forgetOldIdempotencyKeys(db).catch((error: unknown) => log.error({ err: error }, 'could not forget old idempotency keys'));
  }, sweepEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
