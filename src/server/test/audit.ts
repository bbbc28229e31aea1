import { and, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../shared/api/audit.ts';
import { auditEvents, auditValues } from '../db/schema/index.ts';
import { presentAuditEvent } from '../modules/audit/service.ts';
import type { TestApp } from './harness.ts';

/**
 * The audit trail as it is stored, newest first, in the shape the viewer gives: for tests of
 * what a module writes. The viewer (GET /api/v1/audit-events) shows a change's values only to a
 * reader who could open the record, so a system administrator reading it no longer sees them;
 * a test of what was written reads it here instead, and a test of who sees what uses the viewer.
 */
export async function storedAuditEvents(
  t: TestApp,
  filter: { entityId?: string; entityType?: string; action?: string; actorId?: string; limit?: number } = {},
): Promise<AuditEvent[]> {
  const where: (SQL | undefined)[] = [
    filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
    filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
  ];
  const rows = await t.database.db
    .select({ ...getTableColumns(auditEvents), reason: auditValues.reason, changes: auditValues.changes, personal: auditValues.details })
    .from(auditEvents)
    .leftJoin(auditValues, eq(auditValues.eventId, auditEvents.id))
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit ?? 200);
  return rows.map((e) => presentAuditEvent({ ...e, valuesHidden: false, valuesErased: e.valuesDigest !== null && e.personal === null && e.reason === null && e.changes === null }));
}
