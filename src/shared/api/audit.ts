import { z } from 'zod';
import { recordKinds } from '../records.ts';
import { isoTime, listQuery, page, uuid } from './common.ts';

/** What an id kept in a change or in an event's details points at. */
export const namedKinds = ['user', 'team', 'organisation', 'lookup', 'profile', 'case', 'location', 'action_plan'] as const;
export type NamedKind = (typeof namedKinds)[number];

/**
 * The people, teams, list values and records that the ids in an entry's changes and details point
 * at, by id, so a screen shows "Anti-social behaviour" rather than an id. The partnership's users,
 * teams, organisations and list values are named to everyone in it; a profile, case, location or
 * action plan only to a reader who may open it now, and is otherwise there with a null name.
 */
export const auditNames = z.record(z.string(), z.object({ kind: z.enum(namedKinds), name: z.string().nullable() }));
export type AuditNames = z.infer<typeof auditNames>;

/**
 * Reads the app makes by itself on every page, not a person looking at something: the reminders
 * due, which the signed-in frame asks for on each page and whenever the window is focused.
 */
export const pollingActions = ['actions.listed'] as const;

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
  /**
   * The event's own record by name: a user, team, organisation, list value or template, or a
   * profile, case or location the reader may open; null for what has no name or is not theirs to know.
   */
  entityName: z.string().nullable(),
  /**
   * The profile, case or location the event concerns: its own record, or the one its report,
   * document, task, assessment, reminder, action plan or access request is on. Its name (a
   * person's name, a case's reference and title, an address) only if the reader may open it now.
   */
  record: z.object({ kind: z.enum(recordKinds), id: uuid, name: z.string().nullable() }).nullable(),
  /** What the ids in `changes` and `details` point at; empty when the values are hidden. */
  names: auditNames,
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
  /**
   * A person's name, a case's reference or title, or a location's address: the events on the
   * records the search box finds for it (its first 20) that the reader may open.
   */
  q: z.string().trim().min(2, 'must be at least 2 characters').max(200).optional(),
  /** Leave out the reads the app makes by itself (`pollingActions`). */
  hidePolling: z.stringbool().default(false),
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
