import type { z } from 'zod';
import type { interventionBody, updateInterventionBody } from '../../../shared/api/cases.ts';
import { diff } from '../../platform/audit/diff.ts';
import type { Context } from '../../platform/context.ts';
import { NotFoundError, staleVersion, ValidationError } from '../../platform/errors.ts';
import { resolveLookup } from '../lookups/service.ts';
import { changedLookup, checkDates } from './checks.ts';
import * as q from './queries.ts';
import { announce, loadForChange, presentIntervention, subjectOf, userIdOf } from './record.ts';

/** The ASB toolkit's steps taken on a case (warning letter, ABC, CPN, injunction …), with dates and outcomes. */

const auditedFields = ['interventionTypeId', 'status', 'startDate', 'endDate', 'outcome', 'notes'] as const;

export async function addIntervention(ctx: Context, caseId: string, body: z.infer<typeof interventionBody>) {
  const kase = await loadForChange(ctx, caseId);
  const type = await resolveLookup(ctx, 'intervention', body.interventionType, 'interventionType');
  const problems = checkDates(body, null);
  if (problems.length > 0) throw new ValidationError(problems);
  const id = await q.insertIntervention(ctx.tx, {
    caseId,
    interventionTypeId: type.id,
    status: body.status,
    startDate: body.startDate ?? null,
    endDate: body.endDate ?? null,
    outcome: body.outcome ?? null,
    notes: body.notes ?? null,
    createdBy: userIdOf(ctx.actor),
  });
  const [created] = await q.interventionsOf(ctx.tx, caseId, id);
  await q.touchCase(ctx.tx, caseId);
  ctx.audit({ action: 'case.intervention_added', ...subjectOf(kase), details: { interventionId: id }, changes: diff(null, { ...created!.intervention }, auditedFields) });
  await announce(ctx, caseId);
  return presentIntervention(created!);
}

export async function updateIntervention(ctx: Context, caseId: string, interventionId: string, body: z.infer<typeof updateInterventionBody>) {
  const kase = await loadForChange(ctx, caseId);
  const [current] = await q.interventionsOf(ctx.tx, caseId, interventionId);
  if (!current) throw new NotFoundError('intervention');
  const { version, interventionType, ...fields } = body;
  const interventionTypeId = await changedLookup(ctx, 'intervention', interventionType, current.type, 'interventionType');
  const problems = checkDates(fields, current.intervention);
  if (problems.length > 0) throw new ValidationError(problems);
  if (!(await q.updateIntervention(ctx.tx, interventionId, version, { ...fields, ...(interventionTypeId ? { interventionTypeId } : {}) }))) {
    throw staleVersion(presentIntervention(current));
  }
  const [updated] = await q.interventionsOf(ctx.tx, caseId, interventionId);
  await q.touchCase(ctx.tx, caseId);
  ctx.audit({
    action: 'case.intervention_updated',
    ...subjectOf(kase),
    details: { interventionId },
    changes: diff({ ...current.intervention }, { ...updated!.intervention }, auditedFields),
  });
  await announce(ctx, caseId);
  return presentIntervention(updated!);
}
