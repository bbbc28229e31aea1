import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditEvents, auditValues } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { isStaff, type AnyActor, type RequestOrigin } from '../access/actor.ts';
import type { AuditEntry } from './actions.ts';
import { splitDetails } from './values.ts';

/** Who is acting, as the audit trail records it. Anonymous covers sign-in attempts and resets. */
export type AuditActor = AnyActor | { kind: 'system'; name: string } | null;

const asJson = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * Writes the events and their values in the caller's transaction. Nothing here waits on another
 * writer: the chain is extended afterwards, by the chainer (`chain.ts`).
 */
export async function writeAuditEvents(tx: Tx, actor: AuditActor, origin: RequestOrigin, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ actor: entryActor, ...e }) => {
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
  });
  await tx.insert(auditEvents).values(rows.map((r) => r.event));
  const values = rows.flatMap((r) => (r.values ? [r.values] : []));
  if (values.length > 0) await tx.insert(auditValues).values(values);
}
