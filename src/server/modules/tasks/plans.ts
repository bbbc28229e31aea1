import type { z } from 'zod';
import type { ActionPlan, createActionPlanBody, updateActionPlanBody } from '../../../shared/api/tasks.ts';
import { mayChangeContribution } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, staleVersion } from '../../platform/errors.ts';
import { audienceOf, contributableRecord, viewableRecord, type SharedRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';
import { listingSubject, presentSummary, subjectSafety } from './task.ts';

const planSubject = (plan: q.PlanRow, record: SharedRecord) => ({
  entityType: 'action_plan' as const,
  entityId: plan.id,
  subjectOrganisationId: record.ownerOrganisationId,
  subjectTeamId: record.ownerTeamId,
});

async function present(ctx: Context, plans: q.PlanRow[]): Promise<ActionPlan[]> {
  const tasks = await q.tasksOfPlans(ctx.tx, ctx.actor, plans.map((p) => p.id));
  const safety = await subjectSafety(ctx, tasks);
  return plans.map((plan) => {
    const own = tasks.filter((t) => t.task.actionPlanId === plan.id);
    const counted = own.filter((t) => t.task.status !== 'cancelled');
    return {
      id: plan.id,
      caseId: plan.caseId,
      title: plan.title,
      createdBy: { id: plan.createdById, name: plan.createdByName },
      createdAt: plan.createdAt.toISOString(),
      version: plan.version,
      tasks: own.map((t) => presentSummary(t, safety)),
      progress: { completed: counted.filter((t) => t.task.status === 'completed').length, total: counted.length },
    };
  });
}

/** Those who can open the case hear that its plans changed; their screens refetch what they may see. */
async function tell(ctx: Context, record: SharedRecord, planId: string) {
  ctx.emit({ type: 'task.changed', audience: await audienceOf(ctx, record), data: { actionPlanId: planId } });
}

export async function listPlans(ctx: Context, caseId: string): Promise<{ items: ActionPlan[] }> {
  const record = await viewableRecord(ctx, 'case', caseId);
  const items = await present(ctx, await q.plansOfCase(ctx.tx, record.id));
  ctx.audit({ action: 'tasks.listed', ...listingSubject(record), details: { record: { kind: record.kind, id: record.id }, actionPlans: items.length, count: items.reduce((n, p) => n + p.tasks.length, 0) } });
  return { items };
}

/** Anyone who may add to a case may group its tasks under a plan. */
export async function createPlan(ctx: Context, caseId: string, body: z.infer<typeof createActionPlanBody>): Promise<ActionPlan> {
  const record = await contributableRecord(ctx, 'case', caseId);
  const id = await q.insertPlan(ctx.tx, { partnershipId: ctx.actor.partnershipId, caseId: record.id, title: body.title, createdBy: ctx.actor.id });
  const plan = (await q.getPlan(ctx.tx, ctx.actor.partnershipId, id))!;
  ctx.audit({ action: 'action_plan.created', ...planSubject(plan, record), details: { caseId: record.id, title: body.title } });
  await tell(ctx, record, id);
  return (await present(ctx, [plan]))[0]!;
}

/**
 * Its author, or someone who can edit the case, renames a plan: a partner with view access adds
 * plans of its own but does not rewrite another agency's.
 */
export async function updatePlan(ctx: Context, id: string, body: z.infer<typeof updateActionPlanBody>): Promise<ActionPlan> {
  const plan = await q.getPlan(ctx.tx, ctx.actor.partnershipId, id);
  if (!plan) throw new NotFoundError('action plan');
  const record = await contributableRecord(ctx, 'case', plan.caseId);
  if (!mayChangeContribution(ctx.actor, plan.createdById, record)) {
    ctx.refuse({ action: 'access.refused', ...planSubject(plan, record), details: { why: 'may not change this action plan' } });
    throw new ForbiddenError('Only its author, or someone who can edit the case, can change this action plan.');
  }
  if (!(await q.updatePlan(ctx.tx, id, body.version, body.title))) throw staleVersion((await present(ctx, [plan]))[0]);
  const updated = (await q.getPlan(ctx.tx, ctx.actor.partnershipId, id))!;
  ctx.audit({ action: 'action_plan.updated', ...planSubject(updated, record), changes: { title: { before: plan.title, after: updated.title } } });
  await tell(ctx, record, id);
  return (await present(ctx, [updated]))[0]!;
}
