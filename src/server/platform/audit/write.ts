import { auditEvents } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor, RequestOrigin } from '../access/actor.ts';
import type { AuditEntry } from './actions.ts';

/** Who is acting, as the audit trail records it. Anonymous covers sign-in attempts and resets. */
export type AuditActor = Actor | { kind: 'system'; name: string } | null;

export async function writeAuditEvents(tx: Tx, actor: AuditActor, origin: RequestOrigin, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map(({ actor: entryActor, ...e }) => {
      const who = entryActor ?? actor;
      const person = who && who.kind !== 'system' ? who : null;
      return {
        actorKind: who ? who.kind : ('anonymous' as const),
        actorId: person?.id ?? null,
        actorName: who?.name ?? null,
        partnershipId: person?.partnershipId ?? null,
        organisationId: person?.organisationId ?? null,
        teamId: person?.teamId ?? null,
        action: e.action,
        outcome: e.outcome ?? 'success',
        entityType: e.entityType ?? null,
        entityId: e.entityId ?? null,
        subjectOrganisationId: e.subjectOrganisationId ?? null,
        subjectTeamId: e.subjectTeamId ?? null,
        ip: origin.ip,
        reason: e.reason ?? null,
        changes: e.changes && Object.keys(e.changes).length > 0 ? e.changes : null,
        details: e.details ?? null,
        // Set by the chain trigger; placeholders satisfy the column constraints.
        prevHash: '',
        hash: '',
      };
    }),
  );
}
