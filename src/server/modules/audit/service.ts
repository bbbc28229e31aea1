import type { z } from 'zod';
import { pollingActions, type AuditEvent, type auditEventQuery, type AuditNames } from '../../../shared/api/audit.ts';
import type { RecordKind } from '../../../shared/records.ts';
import { auditActions } from '../../platform/audit/actions.ts';
import { idsIn, namesFor, namesOf } from '../../platform/audit/names.ts';
import { mergedDetails } from '../../platform/audit/values.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import { search } from '../search/service.ts';
import * as q from './queries.ts';

type Row = Awaited<ReturnType<typeof q.listAuditEvents>>[number];

/** What a page's events name: each entity's name and the record it concerns. */
interface Named {
  entityName: string | null;
  record: AuditEvent['record'];
}

/**
 * An event as the viewer shows it; what it names is looked up for the page (`namedEntities`,
 * `namesOf`). A record's name goes with the event's values: a report only the police team may
 * read does not tell a council administrator which person it is about.
 */
export function presentAuditEvent(e: Row, named?: Named, names: AuditNames = {}): AuditEvent {
  const record = named?.record ? { ...named.record, name: e.valuesHidden ? null : named.record.name } : null;
  return {
    id: e.id,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
    action: e.action,
    outcome: e.outcome,
    entityType: e.entityType,
    entityId: e.entityId,
    ip: e.ip,
    reason: e.reason ?? null,
    changes: (e.changes as AuditEvent['changes']) ?? null,
    details: mergedDetails(e.details, e.personal),
    valuesHidden: e.valuesHidden,
    valuesErased: e.valuesErased,
    entityName: record?.id === e.entityId ? record.name : (named?.entityName ?? null),
    record,
    names,
  };
}

function scopeOf(ctx: Context): q.AuditScope {
  const a = ctx.actor;
  if (a.role === 'system_admin') return { kind: 'all' };
  if (a.role === 'organisation_admin') return { kind: 'organisation', organisationId: a.organisationId };
  return { kind: 'team', teamId: a.teamId };
}

const keyOf = (type: string, id: string) => `${type}:${id}`;

/**
 * Names the entities of a page, by type, then the records they are or hang off, by kind: a
 * handful of statements however long the page.
 */
async function namedEntities(ctx: Context, rows: Row[]): Promise<Map<string, Named>> {
  const wanted = new Map<string, Set<string>>();
  for (const r of rows) if (r.entityType && r.entityId) wanted.set(r.entityType, (wanted.get(r.entityType) ?? new Set()).add(r.entityId));
  const entities: (q.EntityRow & { type: string })[] = [];
  for (const [type, ids] of wanted) entities.push(...(await q.entities(ctx.tx, ctx.actor, type, [...ids])).map((row) => ({ ...row, type })));

  const recordIds = new Map<RecordKind, Set<string>>();
  for (const e of entities) if (e.record_kind && e.record_id) recordIds.set(e.record_kind, (recordIds.get(e.record_kind) ?? new Set()).add(e.record_id));
  const recordNames = new Map<string, string | null>();
  for (const [kind, ids] of recordIds) for (const r of await q.recordNames(ctx.tx, ctx.actor, kind, [...ids])) recordNames.set(keyOf(kind, r.id), r.name);

  const named = new Map<string, Named>();
  for (const e of entities) {
    const record = e.record_kind && e.record_id ? { kind: e.record_kind, id: e.record_id, name: recordNames.get(keyOf(e.record_kind, e.record_id)) ?? null } : null;
    named.set(keyOf(e.type, e.id), { entityName: record?.id === e.id ? record.name : e.name, record });
  }
  return named;
}

/**
 * The records the one search box finds for the words (a person by name, a case by reference or
 * title, a place by address) that the reader may open: a locked stub's name is not theirs to
 * connect with what was done to it. The search records the words as its own event, whose values
 * are the searcher's alone, so the audit view keeps only the records found.
 */
async function recordsFor(ctx: Context, words: string) {
  const { items } = await search(ctx, { q: words, limit: 20 });
  return items.filter((r) => r.accessible).map(({ kind, id }) => ({ kind, id }));
}

/**
 * Looking at the audit trail is itself recorded: "who looked at this" applies to it too. Every
 * reader sees who did what to which record within their scope; a change's values only when they
 * could open that record now (`valuesShownTo` in queries.ts).
 */
export async function listAuditEvents(ctx: Context, query: z.infer<typeof auditEventQuery>) {
  const [beforeSeq] = (decodeCursor(query.cursor, 1) ?? []) as [number?];
  const records = query.q ? await recordsFor(ctx, query.q) : undefined;
  const rows = await q.listAuditEvents(ctx.tx, ctx.actor, scopeOf(ctx), {
    entityType: query.entityType,
    entityId: query.entityId,
    records,
    leaveOut: query.hidePolling ? pollingActions : undefined,
    actorId: query.actorId,
    action: query.action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeSeq,
    limit: query.limit,
  });
  const shown = rows.slice(0, query.limit);
  const named = await namedEntities(ctx, shown);
  // Ids inside the values are named only where the values are shown at all.
  const refs = new Map(shown.map((r) => [r.id, r.valuesHidden ? new Map() : idsIn(r.changes, mergedDetails(r.details, r.personal))]));
  const names = await namesOf(ctx.tx, ctx.actor, new Map([...refs.values()].flatMap((ids) => [...ids])));
  const { cursor: _cursor, limit: _limit, q: _words, ...filters } = query;
  ctx.audit({ action: 'audit.viewed', details: { filters, ...(records ? { records } : {}) } });
  return pageOf(rows, query.limit, (r) => presentAuditEvent(r, r.entityType && r.entityId ? named.get(keyOf(r.entityType, r.entityId)) : undefined, namesFor(names, refs.get(r.id)!)), (r) => [r.seq]);
}

export function listActions() {
  return { items: [...auditActions] };
}

export async function verifyChain(ctx: Context) {
  const report = await verifyAuditChain(ctx.tx);
  ctx.audit({ action: 'audit.verified', outcome: report.intact ? 'success' : 'failed', details: { ...report } });
  return report;
}
