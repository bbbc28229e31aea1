import { auditEvents } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import { isStaff, type AnyActor, type RequestOrigin } from '../access/actor.ts';
import type { AuditEntry } from './actions.ts';

/** Who is acting, as the audit trail records it. Anonymous covers sign-in attempts and resets. */
export type AuditActor = AnyActor | { kind: 'system'; name: string } | null;

export async function writeAuditEvents(tx: Tx, actor: AuditActor, origin: RequestOrigin, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map(({ actor: entryActor, ...e }) => {
      const who = entryActor ?? actor;
      const staff = isStaff(who) ? who : null;
      const client = who?.kind === 'client' ? who : null;
      return {
        // An unidentified caller of a public route is recorded as anonymous, as before kinds existed.
        actorKind: !who || who.kind === 'public' ? ('anonymous' as const) : who.kind,
        actorId: staff?.id ?? client?.id ?? null,
        actorName: who && who.kind !== 'public' ? who.name : null,
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
