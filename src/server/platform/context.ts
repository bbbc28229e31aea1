import type { Database, Drizzle } from '../db/connection.ts';
import type { Tx } from '../db/transaction.ts';
import type { Actor, ClientActor, RequestOrigin } from './access/actor.ts';
import type { AuditEntry, AuditRefusal } from './audit/actions.ts';
import { writeAuditEvents } from './audit/write.ts';
import type { AppError} from './errors.ts';
import { ForbiddenError, NoAccessError } from './errors.ts';
import { writeOutbox, type OutboxDeliverer } from './events/outbox.ts';
import type { DomainEvent } from './events/types.ts';
import type { IdempotencyClaim } from './http/idempotency.ts';
import { writeWebhookEvents, type HookedEvent, type WebhookDispatch } from './webhooks/outbox.ts';
import type { WebhookEvent } from '../../shared/api/webhooks.ts';

/**
 * What a use case is given: who is acting, from where, and one transaction. Audit entries are
 * written in that transaction just before it commits, so a change and its record of who made it
 * stand or fall together. Events go to the outbox in the same transaction and are delivered once
 * it has committed; other side effects run only after it has committed.
 */
export interface Context<A extends Actor | ClientActor | null = Actor> {
  readonly actor: A;
  readonly origin: RequestOrigin;
  readonly tx: Tx;
  audit(entry: AuditEntry): void;
  /** Recorded even though the use case then fails: a refusal is kept when its transaction is not. */
  refuse(entry: AuditRefusal): void;
  emit(event: DomainEvent): void;
  /**
   * Announces the change to the webhooks of organisations that may open the record: written to
   * the webhook outbox in this transaction, fanned out once it commits (platform/webhooks).
   */
  hook(event: WebhookEvent, recordId: string): void;
  afterCommit(effect: () => Promise<void>): void;
}

/** A use case's context whoever acts: staff, a client in the portal, or nobody (a sweep, the public). */
export type AnyContext = Context<Actor | ClientActor | null>;

/** Who a use case runs for: the actor, where the request came from, and its Idempotency-Key if it sent one. */
export interface Who<A extends Actor | ClientActor | null = Actor> {
  actor: A;
  origin: RequestOrigin;
  idempotency?: IdempotencyClaim | null;
}

/**
 * What a page read made of one statement is given: no transaction (a single statement is atomic),
 * so nothing is queued for commit. The statement writes its own audit row (`readAudit`); a
 * refusal is recorded afterwards, as the runner records one for any use case.
 */
export interface ReadContext {
  readonly actor: Actor;
  readonly origin: RequestOrigin;
  readonly db: Drizzle;
  refuse(entry: AuditRefusal): void;
}

export interface Runner {
  run<T, A extends Actor | ClientActor | null>(who: Who<A>, useCase: (ctx: Context<A>) => Promise<T>): Promise<T>;
  /** A read that audits itself in its own statement(s), without `begin` and `commit` around them. */
  read<T>(who: Who, useCase: (ctx: ReadContext) => Promise<T>): Promise<T>;
}

export interface RunnerDeps {
  database: Database;
  outbox: Pick<OutboxDeliverer, 'drain'>;
  /** Without it, hooked events wait in the webhook outbox for a server that fans them out. */
  webhooks?: Pick<WebhookDispatch, 'drain'>;
  onEffectError: (error: unknown) => void;
}

export function createRunner({ database, outbox, webhooks, onEffectError }: RunnerDeps): Runner {
  /** Keeps the refusals of a failed use case, in a transaction of their own; the error goes on. */
  async function refused(who: Who<Actor | ClientActor | null>, refusals: AuditEntry[], error: unknown): Promise<never> {
    if (refusals.length === 0 && (error instanceof ForbiddenError || error instanceof NoAccessError)) {
      refusals.push({ action: 'access.refused', outcome: 'refused', details: { code: (error as AppError).code, message: (error as AppError).message } });
    }
    if (refusals.length > 0) {
      await database.db.transaction((tx) => writeAuditEvents(tx, who.actor, who.origin, refusals));
    }
    throw error;
  }

  return {
    async read(who, useCase) {
      const refusals: AuditEntry[] = [];
      try {
        return await useCase({
          actor: who.actor,
          origin: who.origin,
          db: database.db,
          refuse: (entry: AuditRefusal) => void refusals.push({ ...entry, outcome: 'refused' }),
        });
      } catch (error) {
        return refused(who, refusals, error);
      }
    },

    async run(who, useCase) {
      const audits: AuditEntry[] = [];
      const refusals: AuditEntry[] = [];
      const emitted: DomainEvent[] = [];
      const hooked: HookedEvent[] = [];
      const effects: (() => Promise<void>)[] = [];
      let hookedWritten = 0;
      try {
        const result = await database.db.transaction(async (tx) => {
          await who.idempotency?.claim(tx);
          const ctx = {
            actor: who.actor,
            origin: who.origin,
            tx,
            audit: (entry: AuditEntry) => void audits.push(entry),
            refuse: (entry: AuditRefusal) => void refusals.push({ ...entry, outcome: 'refused' }),
            emit: (event: DomainEvent) => void emitted.push(event),
            hook: (event: WebhookEvent, recordId: string) => void hooked.push({ event, recordId }),
            afterCommit: (effect: () => Promise<void>) => void effects.push(effect),
          };
          const value = await useCase(ctx);
          await who.idempotency?.complete(tx, value);
          await writeOutbox(tx, emitted);
          hookedWritten = await writeWebhookEvents(tx, hooked);
          await writeAuditEvents(tx, who.actor, who.origin, audits);
          return value;
        });
        // Delivered now for a prompt screen; a failure here leaves them in the outbox for the next sweep.
        if (emitted.length > 0) await outbox.drain().catch(onEffectError);
        // Not awaited: a hook is told soon after, never before the caller hears; the sweep covers a crash.
        if (hookedWritten > 0) void webhooks?.drain().catch(onEffectError);
        for (const effect of effects) await effect().catch(onEffectError);
        return result;
      } catch (error) {
        return refused(who, refusals, error);
      }
    },
  };
}
