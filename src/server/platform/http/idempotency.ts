import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { sha256 } from '../auth/crypto.ts';
import { ConflictError, ValidationError } from '../errors.ts';

const header = 'idempotency-key';
/** A key whose first request never finished (a crash) stops blocking retries after this. */
const abandonedAfterMs = 60_000;

/**
 * A POST sent again with the same Idempotency-Key gets the first reply instead of creating a
 * second record. The key is claimed before the handler runs, so two copies racing each other
 * cannot both get through; only successful replies are kept, so a corrected retry can succeed.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[header];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor) return;
    if (key.length === 0 || key.length > 200) {
      throw new ValidationError([{ field: 'Idempotency-Key', problem: 'must be between 1 and 200 characters' }]);
    }
    const db = app.platform.database.db;
    const principalId = request.actor.id;
    const path = request.url;
    // An upload's body is its bytes: hashed as they are, not as a JSON array of numbers.
    const body = Buffer.isBuffer(request.body) ? createHash('sha256').update(request.body).digest('hex') : JSON.stringify(request.body ?? null);
    const requestHash = sha256(`${request.method} ${path}\n${body}`);
    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.completedAt), lt(idempotencyKeys.createdAt, new Date(Date.now() - abandonedAfterMs))));
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ principalId, key, method: request.method, path, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      request.idempotency = { principalId, key };
      return;
    }
    const [first] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key)));
    if (!first) return;
    if (first.requestHash !== requestHash) {
      throw new ValidationError([{ field: 'Idempotency-Key', problem: 'was already used for a different request' }], 'That Idempotency-Key was already used for a different request.');
    }
    if (!first.completedAt || first.statusCode === null) {
      throw new ConflictError('The first request with this Idempotency-Key is still being processed.', 'request_in_progress');
    }
    reply.header('idempotent-replayed', 'true');
    return reply.status(first.statusCode).type('application/json; charset=utf-8').send(first.responseBody);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.principalId, claim.principalId), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      await app.platform.database.db
        .update(idempotencyKeys)
        .set({ statusCode: reply.statusCode, responseBody: typeof payload === 'string' ? payload : null, completedAt: new Date() })
        .where(where);
    } else {
      await app.platform.database.db.delete(idempotencyKeys).where(where);
    }
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principalId: string; key: string } | null;
  }
}

export function decorateIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotency', null);
}
