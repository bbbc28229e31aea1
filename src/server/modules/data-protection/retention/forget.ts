import type { HoldRecordKind } from '../../../../shared/retention.ts';
import type { Context } from '../../../platform/context.ts';
import { forgetStoredFiles } from '../../../platform/files/stored.ts';
import { afterCommitDelete, erasePerson, type RetentionDeps } from './anonymise.ts';
import * as q from './queries.ts';

/**
 * Deletes a record past its time and everything hanging on it, files included (D17), from a
 * retention decision only. The audit trail keeps its events (it is append-only), their values
 * erased first; a `record.deleted` tombstone says only what kind of record went, which rule
 * applied and how many rows, so nothing personal is left to find. A person is anonymised first,
 * which also forgets what was sent to them and their words in searches; a case's people stay.
 */
export async function deleteRecord(ctx: Context, deps: RetentionDeps, kind: HoldRecordKind, facts: q.RecordFacts, ruleId: string | null): Promise<Record<string, number>> {
  let counts: Record<string, number>;
  let files: { id: string; storageKey: string }[];
  if (kind === 'profile') {
    files = await q.filesOf(ctx.tx, facts.id);
    const erased = await erasePerson(ctx, deps, facts.id, facts.partnershipId);
    counts = { ...await q.deleteProfile(ctx.tx, facts.id), audit_values: erased.audit_values ?? 0, audit_values_searches: erased.audit_values_searches ?? 0 };
  } else {
    files = await q.caseFiles(ctx.tx, facts.id);
    const erased = await q.eraseCaseAuditValues(ctx.tx, facts.id);
    counts = { ...await q.deleteCase(ctx.tx, facts.id), audit_values: erased };
    afterCommitDelete(ctx, deps, files.map((f) => f.storageKey));
  }
  // A person's bytes are deleted by erasePerson after commit; the rows of every file go now.
  await forgetStoredFiles(ctx.tx, files.map((f) => f.id));
  counts.files = files.length;
  ctx.audit({
    action: 'record.deleted',
    entityType: kind,
    entityId: facts.id,
    subjectOrganisationId: facts.ownerOrganisationId,
    subjectTeamId: facts.ownerTeamId,
    details: { recordKind: kind, recordId: facts.id, ruleId, counts },
  });
  ctx.emit({ type: `${kind}.deleted`, audience: { teamIds: [facts.ownerTeamId] }, data: { id: facts.id } });
  return counts;
}
