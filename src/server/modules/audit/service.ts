import type { z } from 'zod';
import type { AuditEvent, auditEventQuery } from '../../../shared/api/audit.ts';
import { auditActions } from '../../platform/audit/actions.ts';
import { mergedDetails } from '../../platform/audit/values.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import type { Context } from '../../platform/context.ts';
import { decodeCursor, pageOf } from '../../platform/cursor.ts';
import * as q from './queries.ts';

type Row = Awaited<ReturnType<typeof q.listAuditEvents>>[number];

export const presentAuditEvent = (e: Row): AuditEvent => ({
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
});

function scopeOf(ctx: Context): q.AuditScope {
  const a = ctx.actor;
  if (a.role === 'system_admin') return { kind: 'all' };
  if (a.role === 'organisation_admin') return { kind: 'organisation', organisationId: a.organisationId };
  return { kind: 'team', teamId: a.teamId };
}

/**
 * Looking at the audit trail is itself recorded: "who looked at this" applies to it too. Every
 * reader sees who did what to which record within their scope; a change's values only when they
 * could open that record now (`valuesShownTo` in queries.ts).
 */
export async function listAuditEvents(ctx: Context, query: z.infer<typeof auditEventQuery>) {
  const [beforeSeq] = (decodeCursor(query.cursor, 1) ?? []) as [number?];
  const rows = await q.listAuditEvents(ctx.tx, ctx.actor, scopeOf(ctx), {
    entityType: query.entityType,
    entityId: query.entityId,
    actorId: query.actorId,
    action: query.action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeSeq,
    limit: query.limit,
  });
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  ctx.audit({ action: 'audit.viewed', details: { filters } });
  return pageOf(rows, query.limit, presentAuditEvent, (r) => [r.seq]);
}

export function listActions() {
  return { items: [...auditActions] };
}

export async function verifyChain(ctx: Context) {
  const report = await verifyAuditChain(ctx.tx);
  ctx.audit({ action: 'audit.verified', outcome: report.intact ? 'success' : 'failed', details: { ...report } });
  return report;
}
