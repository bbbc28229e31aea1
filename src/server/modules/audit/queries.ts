import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export type AuditScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'team'; teamId: string };

/** An administrator sees what their people did and what was done to their records. */
function scoped(scope: AuditScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return or(eq(auditEvents.organisationId, scope.organisationId), eq(auditEvents.subjectOrganisationId, scope.organisationId));
    case 'team':
      return or(eq(auditEvents.teamId, scope.teamId), eq(auditEvents.subjectTeamId, scope.teamId));
  }
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  outcome?: 'success' | 'refused' | 'failed';
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export async function listAuditEvents(tx: Tx, scope: AuditScope, f: AuditFilter) {
  return tx
    .select()
    .from(auditEvents)
    .where(and(
      scoped(scope),
      f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
      f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
      f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
      f.action ? eq(auditEvents.action, f.action) : undefined,
      f.outcome ? eq(auditEvents.outcome, f.outcome) : undefined,
      f.from ? gte(auditEvents.at, f.from) : undefined,
      // Times go out to the millisecond but are kept to the microsecond: `to` covers its whole millisecond.
      f.to ? lt(auditEvents.at, new Date(f.to.getTime() + 1)) : undefined,
      f.beforeSeq !== undefined ? lt(auditEvents.seq, f.beforeSeq) : undefined,
    ))
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1);
}
