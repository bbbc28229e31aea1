import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { WebhookDeliveryStatus } from '../../../shared/api/webhooks.ts';
import { organisations, referrals, reports, tasks, teams, users, webhookDeliveries, webhooks } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { allKinds, kindLiteral, organisationCanView } from '../../platform/access/kinds.ts';
import type { OutboxEvent } from '../../platform/webhooks/outbox.ts';

const creator = alias(users, 'creator');

interface LastDelivery { at: string; status: WebhookDeliveryStatus; statusCode: number | null }

const hookColumns = {
  hook: webhooks,
  organisationName: organisations.name,
  partnershipId: organisations.partnershipId,
  creatorName: creator.name,
  // The newest attempt made (not one still waiting), for the list's "last delivery".
  lastDelivery: sql<LastDelivery | null>`(select json_build_object('at', d.attempted_at, 'status', d.status, 'statusCode', d.status_code)
    from ${webhookDeliveries} d where d.webhook_id = ${webhooks.id} and d.attempted_at is not null order by d.attempted_at desc limit 1)`,
};

function withNames(tx: Tx) {
  return tx.select(hookColumns).from(webhooks)
    .innerJoin(organisations, eq(organisations.id, webhooks.organisationId))
    .innerJoin(creator, eq(creator.id, webhooks.createdById));
}

export type HookRow = NonNullable<Awaited<ReturnType<typeof getHook>>>;

export async function getHook(tx: Tx, id: string) {
  const [row] = await withNames(tx).where(eq(webhooks.id, id));
  return row ?? null;
}

export async function listHooks(tx: Tx, filter: { organisationId: string; cursor: (string | number)[] | null; limit: number }) {
  const [id] = (filter.cursor ?? []) as [string?];
  return withNames(tx)
    .where(and(eq(webhooks.organisationId, filter.organisationId), id ? lt(webhooks.id, id) : undefined))
    .orderBy(desc(webhooks.id))
    .limit(filter.limit + 1);
}

export async function insertHook(tx: Tx, values: typeof webhooks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(webhooks).values(values).returning({ id: webhooks.id });
  return row!.id;
}

/** Applies a change based on `version`; null when the hook has moved on since. */
export async function updateHook(tx: Tx, id: string, version: number, patch: Partial<typeof webhooks.$inferInsert>) {
  const [row] = await tx.update(webhooks)
    .set({ ...patch, version: sql`${webhooks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(webhooks.id, id), eq(webhooks.version, version)))
    .returning({ id: webhooks.id });
  return row ?? null;
}

export async function deleteHook(tx: Tx, id: string): Promise<void> {
  await tx.delete(webhooks).where(eq(webhooks.id, id));
}

/** Turns a hook off after repeated failures, unless it is already off; true when this did it. */
export async function disableAutomatically(tx: Tx, id: string, reason: string): Promise<boolean> {
  const rows = await tx.update(webhooks)
    .set({ enabled: false, disabledAt: new Date(), disabledReason: reason, disabledAutomatically: true, version: sql`${webhooks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(webhooks.id, id), eq(webhooks.enabled, true)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** The people told when the organisation's hook is turned off: those who manage its hooks. */
export async function hookManagers(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(teams.organisationId, organisationId), inArray(users.role, ['organisation_admin', 'system_admin']), sql`${users.disabledAt} is null`));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Fan-out: which hooks hear of an event, decided when it is fanned out (just after the change
// commits), from the access the hook's organisation has then.
// ---------------------------------------------------------------------------------------------

/** The events some enabled hook listens for, so that nothing else is looked into. */
export async function listenedFor(tx: Tx): Promise<Set<string>> {
  const { rows } = await tx.execute<{ event: string }>(sql`select distinct unnest(${webhooks.events}) as event from ${webhooks} where ${webhooks.enabled}`);
  return new Set(rows.map((r) => r.event));
}

/** Whether the organisation may open the record a row points at by kind and id columns. */
function opensRecordAt(kindColumn: SQL, idColumn: SQL, organisationId: SQL): SQL {
  const branches = allKinds.map((k) => sql`when ${kindLiteral(k.kind)} then ${organisationCanView(k.kind, idColumn, organisationId)}`);
  return sql`(case ${kindColumn} ${sql.join(branches, sql` `)} else false end)`;
}

const ownTeams = (organisationId: SQL) => sql`(select ot.id from teams ot where ot.organisation_id = ${organisationId})`;
const partnershipOf = (organisationId: SQL) => sql`(select op.partnership_id from organisations op where op.id = ${organisationId})`;

/**
 * Whether an organisation may hear of an event, so that no hook is told of a record its
 * organisation could not open. A report: only when its content is readable to the organisation
 * (shared on a record it may open, or kept to one of its own teams; never a private one). A task:
 * set by or for its people, teams or itself, or on a record it may open. A referral: on one of its
 * teams' desks. Never outside its partnership.
 */
function mayHear(event: OutboxEvent, organisationId: SQL): SQL {
  const id = event.recordId;
  switch (event.recordType) {
    case 'profile':
    case 'case':
    case 'location':
      return organisationCanView(event.recordType, sql`${id}::uuid`, organisationId);
    case 'report':
      return sql`exists (select 1 from ${reports} rp where rp.id = ${id} and rp.partnership_id = ${partnershipOf(organisationId)}
        and (rp.visibility = 'shared' or (rp.visibility = 'team' and rp.author_team_id in ${ownTeams(organisationId)}))
        and ${opensRecordAt(sql`rp.record_kind`, sql`rp.record_id`, organisationId)})`;
    case 'task':
      return sql`exists (select 1 from ${tasks} tk where tk.id = ${id} and tk.partnership_id = ${partnershipOf(organisationId)}
        and (tk.set_by_organisation_id = ${organisationId} or tk.assigned_organisation_id = ${organisationId}
          or tk.assigned_team_id in ${ownTeams(organisationId)}
          or tk.assigned_user_id in (select ou.id from users ou where ou.team_id in ${ownTeams(organisationId)})
          or (tk.record_id is not null and ${opensRecordAt(sql`tk.record_kind`, sql`tk.record_id`, organisationId)})))`;
    case 'referral':
      return sql`exists (select 1 from ${referrals} rf where rf.id = ${id} and rf.team_id in ${ownTeams(organisationId)})`;
    default:
      return sql`false`;
  }
}

/**
 * The enabled hooks that listen for the event and whose organisation may hear of it; null when
 * that could not be worked out (in a savepoint, so the rest of the batch goes on).
 */
export async function receivers(tx: Tx, event: OutboxEvent): Promise<string[] | null> {
  try {
    const rows = await tx.transaction((inner) => inner.select({ id: webhooks.id }).from(webhooks)
      .where(and(eq(webhooks.enabled, true), sql`${event.event} = any(${webhooks.events})`, mayHear(event, sql`${webhooks.organisationId}`))));
    return rows.map((r) => r.id);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The delivery log.
// ---------------------------------------------------------------------------------------------

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertDeliveries(tx: Tx, values: (typeof webhookDeliveries.$inferInsert)[]): Promise<DeliveryRow[]> {
  if (values.length === 0) return [];
  return tx.insert(webhookDeliveries).values(values).returning();
}

/** Takes a waiting attempt for sending; null when another job took it, or it is not waiting. */
export async function claimDelivery(tx: Tx, id: string) {
  const [delivery] = await tx.update(webhookDeliveries)
    .set({ status: 'sending', attemptedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')))
    .returning();
  if (!delivery) return null;
  const [hook] = await tx.select().from(webhooks).where(eq(webhooks.id, delivery.webhookId));
  return hook ? { delivery, hook } : null;
}

export async function finishDelivery(tx: Tx, id: string, values: Pick<DeliveryRow, 'status' | 'statusCode' | 'durationMs' | 'error' | 'nextAttemptAt'>): Promise<void> {
  await tx.update(webhookDeliveries).set({ ...values, updatedAt: new Date() }).where(eq(webhookDeliveries.id, id));
}

/** A disabled hook's waiting attempts will not be made. */
export async function cancelWaiting(tx: Tx, webhookId: string): Promise<void> {
  await tx.update(webhookDeliveries)
    .set({ status: 'cancelled', error: 'Not sent: the webhook was turned off.', updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'pending')));
}

export async function listDeliveries(tx: Tx, webhookId: string, cursor: string | null, limit: number): Promise<DeliveryRow[]> {
  return tx.select().from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), cursor ? lt(webhookDeliveries.id, cursor) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1);
}

/**
 * Attempts whose job was lost: waiting well past their time, or taken and never finished (a
 * restart mid-send). They are made waiting again and returned, to be queued once more.
 */
export async function reviveStranded(tx: Tx, before: Date): Promise<string[]> {
  const rows = await tx.update(webhookDeliveries)
    .set({ status: 'pending', updatedAt: new Date() })
    .where(and(sql`${webhookDeliveries.status} in ('pending', 'sending')`, lt(webhookDeliveries.dueAt, before), lt(webhookDeliveries.updatedAt, before)))
    .returning({ id: webhookDeliveries.id });
  return rows.map((r) => r.id);
}

/** Forgets finished attempts made before the cut-off. */
export async function pruneDeliveries(tx: Tx, before: Date): Promise<number> {
  const rows = await tx.delete(webhookDeliveries)
    .where(and(lt(webhookDeliveries.createdAt, before), sql`${webhookDeliveries.status} not in ('pending', 'sending')`))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
