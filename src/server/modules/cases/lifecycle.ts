import type { z } from 'zod';
import type { archiveCaseBody, closeCaseBody, reopenCaseBody } from '../../../shared/api/cases.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { staleVersion } from '../../platform/errors.ts';
import { endAccessForClosedCase } from '../portal/service.ts';
import * as q from './queries.ts';
import { announce, auditedFields, loadForChange, readCase, subjectOf, userIdOf } from './record.ts';

/**
 * A case is open, then closed with an outcome and a reason, then archived. A closed case can
 * only be reopened or archived; an archived one is read-only for good.
 */

async function apply(ctx: Context, current: q.CaseRow, version: number, patch: q.CasePatch) {
  if (!(await q.updateCase(ctx.tx, current.case.id, version, patch))) throw staleVersion(await readCase(ctx, current));
  const updated = (await q.getCase(ctx.tx, ctx.actor, current.case.id))!;
  await announce(ctx, current.case.id);
  return { updated, changes: diff({ ...current.case }, { ...updated.case }, auditedFields) };
}

export async function closeCase(ctx: Context, id: string, body: z.infer<typeof closeCaseBody>) {
  const current = await loadForChange(ctx, id, ['open']);
  const { updated, changes } = await apply(ctx, current, body.version, {
    status: 'closed', outcome: body.outcome, closureReason: body.reason, closedAt: new Date(), closedBy: userIdOf(ctx.actor),
  });
  ctx.audit({ action: 'case.closed', ...subjectOf(updated), reason: body.reason, changes });
  ctx.hook('case.changed', id);
  await endAccessForClosedCase(ctx, updated.case.id);
  return readCase(ctx, updated);
}

/** Reopening clears the outcome; the audit trail keeps what it was. */
export async function reopenCase(ctx: Context, id: string, body: z.infer<typeof reopenCaseBody>) {
  const current = await loadForChange(ctx, id, ['closed']);
  const { updated, changes } = await apply(ctx, current, body.version, { status: 'open', outcome: null, closureReason: null, closedAt: null, closedBy: null });
  ctx.audit({ action: 'case.reopened', ...subjectOf(updated), reason: body.reason, changes });
  ctx.hook('case.changed', id);
  return readCase(ctx, updated);
}

export async function archiveCase(ctx: Context, id: string, body: z.infer<typeof archiveCaseBody>) {
  const current = await loadForChange(ctx, id, ['closed']);
  const { updated, changes } = await apply(ctx, current, body.version, { status: 'archived', archivedAt: new Date() });
  ctx.audit({ action: 'case.archived', ...subjectOf(updated), changes });
  ctx.hook('case.changed', id);
  return readCase(ctx, updated);
}
