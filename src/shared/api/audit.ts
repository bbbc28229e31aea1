import { z } from 'zod';
import { isoTime, listQuery, page, uuid } from './common.ts';

export const auditEvent = z.object({
  id: uuid,
  seq: z.number().int(),
  at: isoTime,
  actor: z.object({ kind: z.enum(['user', 'api_token', 'client', 'system', 'anonymous']), id: uuid.nullable(), name: z.string().nullable() }),
  action: z.string(),
  outcome: z.enum(['success', 'refused', 'failed']),
  entityType: z.string().nullable(),
  entityId: uuid.nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /**
   * True when the reader may not open the record this event concerns (or, for a search or list,
   * is not the person who made it): `changes` and `reason` are then null and `details` keeps only
   * how the event came about (why, code, which record), never what the record holds.
   */
  valuesHidden: z.boolean(),
  /** True when the event's values were erased under retention or anonymisation; the chain keeps their digest. */
  valuesErased: z.boolean(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditEventPage = page(auditEvent);

export const auditEventQuery = listQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: uuid.optional(),
  actorId: uuid.optional(),
  action: z.string().max(80).optional(),
  outcome: z.enum(['success', 'refused', 'failed']).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

export const auditActionList = z.object({ items: z.array(z.string()) });

export const chainReport = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  /** Events whose transaction was still open, which the chain takes once it ends. */
  pending: z.number().int(),
  /** Events whose personal values were erased under retention or anonymisation; their digest still checks. */
  erased: z.number().int(),
});
