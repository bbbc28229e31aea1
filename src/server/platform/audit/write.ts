import { sql, type SQL, type WithSubquery } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { auditEvents, auditValues } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { isStaff, type AnyActor, type RequestOrigin } from '../access/actor.ts';
import type { AuditEntry } from './actions.ts';
import { splitDetails } from './values.ts';

/** Who is acting, as the audit trail records it. Anonymous covers sign-in attempts and resets. */
export type AuditActor = AnyActor | { kind: 'system'; name: string } | null;

const cte = new QueryBuilder();

const asJson = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** An event's row and its personal values, as the trail stores them. */
function rowOf(actor: AuditActor, origin: RequestOrigin, { actor: entryActor, ...e }: AuditEntry) {
  const who = entryActor ?? actor;
  const staff = isStaff(who) ? who : null;
  const client = who?.kind === 'client' ? who : null;
  const id = uuidv7();
  const { structural, personal } = splitDetails(e.details);
  const changes = e.changes && Object.keys(e.changes).length > 0 ? e.changes : null;
  const reason = e.reason ?? null;
  const values = reason !== null || changes || personal ? { eventId: id, reason, changes, details: personal } : null;
  return {
    values,
    event: {
      id,
      // An unidentified caller of a public route is recorded as anonymous, as before kinds existed.
      actorKind: !who || who.kind === 'public' ? ('anonymous' as const) : who.kind,
      actorId: staff?.id ?? client?.id ?? null,
      // A client is the person the record is about: their name would outlive anonymising them in
      // the append-only trail, so only their id is kept and the name is read where it is shown.
      actorName: who && who.kind !== 'public' && who.kind !== 'client' ? who.name : null,
      partnershipId: staff?.partnershipId ?? client?.partnershipId ?? null,
      organisationId: staff?.organisationId ?? null,
      teamId: staff?.teamId ?? null,
      action: e.action,
      outcome: e.outcome ?? 'success',
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      subjectOrganisationId: e.subjectOrganisationId ?? null,
      subjectTeamId: e.subjectTeamId ?? null,
      ip: origin.ip,
      details: structural,
      // Digested by the database, over the jsonb it stores, so verification recomputes it exactly.
      valuesDigest: values
        ? sql`audit_values_digest(${reason}::text, ${asJson(changes)}::jsonb, ${asJson(personal)}::jsonb)`
        : null,
    },
  };
}

/**
 * Writes the events and their values in the caller's transaction. Nothing here waits on another
 * writer: the chain is extended afterwards, by the chainer (`chain.ts`).
 */
export async function writeAuditEvents(tx: Tx, actor: AuditActor, origin: RequestOrigin, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => rowOf(actor, origin, entry));
  await tx.insert(auditEvents).values(rows.map((r) => r.event));
  const values = rows.flatMap((r) => (r.values ? [r.values] : []));
  if (values.length > 0) await tx.insert(auditValues).values(values);
}

/** The record a read found and may show, as `readAudit` takes it: at most one row, none when the read is refused. */
export type AuditSubjectRow = SQL<{ subject_organisation_id: string; subject_team_id: string }>;

/**
 * A read's audit event as common table expressions (`db.with(...readAudit(...)).select(...)`),
 * for a page read in one statement: the event is written by the statement that reads the record
 * (a single statement is atomic, so the read is audited in its transaction), and only if
 * `subject` has a row, that is if the reader may see the record. The record's owners come from
 * that row; the rest of the event is as `writeAuditEvents` would write it.
 */
export function readAudit(actor: AuditActor, origin: RequestOrigin, entry: AuditEntry, subject: AuditSubjectRow): WithSubquery[] {
  const { event, values } = rowOf(actor, origin, entry);
  const written = cte.$with('audit_event', { id: sql<string>`id` }).as(sql`
    insert into ${auditEvents} (id, actor_kind, actor_id, actor_name, partnership_id, organisation_id, team_id, action, outcome,
                                entity_type, entity_id, subject_organisation_id, subject_team_id, ip, details, values_digest)
    select ${event.id}::uuid, ${event.actorKind}, ${event.actorId}::uuid, ${event.actorName}::text, ${event.partnershipId}::uuid,
           ${event.organisationId}::uuid, ${event.teamId}::uuid, ${event.action}, ${event.outcome}, ${event.entityType}::text,
           ${event.entityId}::uuid, s.subject_organisation_id, s.subject_team_id, ${event.ip}::text, ${asJson(event.details)}::jsonb,
           ${event.valuesDigest ?? sql`null::text`}
      from (${subject}) s
    returning id`);
  if (!values) return [written];
  return [written, cte.$with('audit_value', { eventId: sql<string>`event_id` }).as(sql`
    insert into ${auditValues} (event_id, reason, changes, details)
    select id, ${values.reason}::text, ${asJson(values.changes)}::jsonb, ${asJson(values.details)}::jsonb from audit_event
    returning event_id`)];
}
