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

const slot = (name: string) => sql.placeholder(`audit_${name}`);

/** Details as jsonb with `computed` written over those of their names. */
function withComputed(details: SQL, computed: Record<string, SQL> | null): SQL {
  if (!computed) return details;
  const pairs = Object.entries(computed).map(([name, value]) => sql`${name}::text, ${value}`);
  return sql`(coalesce(${details}, '{}'::jsonb) || jsonb_build_object(${sql.join(pairs, sql`, `)}))`;
}

/**
 * A read's audit event as common table expressions (`db.with(...readAudit(subject)).select(...)`),
 * for a page read in one statement built once (`db/prepared.ts` `builtOnce`): the event is written
 * by the statement that reads the record (a single statement is atomic, so the read is audited in
 * its transaction), and only if `subject` has a row, that is if the reader may see the record. The
 * record's owners come from that row; every other value is a placeholder that `readAuditParams`
 * fills as `writeAuditEvents` would write it. `computed` are details that only the statement
 * knows (how many rows it found), as SQL over its other expressions: each is written over the
 * entry's detail of that name, on the event or in its values as `splitDetails` places the name.
 */
export function readAudit(subject: AuditSubjectRow, computed: Record<string, SQL> = {}): WithSubquery[] {
  const { structural, personal } = splitDetails(computed) as { structural: Record<string, SQL> | null; personal: Record<string, SQL> | null };
  const hasValues = personal ? sql`true` : sql`${slot('has_values')}::boolean`;
  const [reason, changes, details] = [sql`${slot('reason')}::text`, sql`${slot('changes')}::jsonb`, withComputed(sql`${slot('values_details')}::jsonb`, personal)];
  const written = cte.$with('audit_event', { id: sql<string>`id` }).as(sql`
    insert into ${auditEvents} (id, actor_kind, actor_id, actor_name, partnership_id, organisation_id, team_id, action, outcome,
                                entity_type, entity_id, subject_organisation_id, subject_team_id, ip, details, values_digest)
    select ${slot('id')}::uuid, ${slot('actor_kind')}, ${slot('actor_id')}::uuid, ${slot('actor_name')}::text, ${slot('partnership_id')}::uuid,
           ${slot('organisation_id')}::uuid, ${slot('team_id')}::uuid, ${slot('action')}, ${slot('outcome')}, ${slot('entity_type')}::text,
           ${slot('entity_id')}::uuid, s.subject_organisation_id, s.subject_team_id, ${slot('ip')}::text, ${withComputed(sql`${slot('details')}::jsonb`, structural)},
           case when ${hasValues} then audit_values_digest(${reason}, ${changes}, ${details}) end
      from (${subject}) s
    returning id`);
  const value = cte.$with('audit_value', { eventId: sql<string>`event_id` }).as(sql`
    insert into ${auditValues} (event_id, reason, changes, details)
    select id, ${reason}, ${changes}, ${details} from audit_event where ${hasValues}
    returning event_id`);
  return [written, value];
}

/** The values of `readAudit`'s placeholders for one event. */
export function readAuditParams(actor: AuditActor, origin: RequestOrigin, entry: AuditEntry): Record<`audit_${string}`, unknown> {
  const { event, values } = rowOf(actor, origin, entry);
  return {
    audit_id: event.id, audit_actor_kind: event.actorKind, audit_actor_id: event.actorId, audit_actor_name: event.actorName,
    audit_partnership_id: event.partnershipId, audit_organisation_id: event.organisationId, audit_team_id: event.teamId,
    audit_action: event.action, audit_outcome: event.outcome, audit_entity_type: event.entityType, audit_entity_id: event.entityId,
    audit_ip: event.ip, audit_details: asJson(event.details), audit_has_values: values !== null,
    audit_reason: values?.reason ?? null, audit_changes: asJson(values?.changes ?? null), audit_values_details: asJson(values?.details ?? null),
  };
}
