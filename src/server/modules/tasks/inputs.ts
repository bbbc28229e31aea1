import type { z } from 'zod';
import type { assigneeInput } from '../../../shared/api/tasks.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { contributableRecord, type SharedRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';

export type AssigneeInput = z.infer<typeof assigneeInput>;
export interface Assignee { assignedUserId: string | null; assignedTeamId: string | null; assignedOrganisationId: string | null }

/** A person, team or organisation of the actor's partnership; a disabled account cannot take work on. */
export async function resolveAssignee(ctx: Context, input: AssigneeInput): Promise<Assignee> {
  const none = { assignedUserId: null, assignedTeamId: null, assignedOrganisationId: null };
  if ('userId' in input) {
    const [user] = await q.partnershipUsers(ctx.tx, ctx.actor.partnershipId, [input.userId]);
    if (!user) throw new ValidationError([{ field: 'assignee', problem: 'is not a person in this partnership' }]);
    if (user.disabled) throw new ValidationError([{ field: 'assignee', problem: 'is a disabled account' }]);
    return { ...none, assignedUserId: user.id };
  }
  if ('teamId' in input) {
    if (!(await q.findTeam(ctx.tx, ctx.actor.partnershipId, input.teamId))) throw new ValidationError([{ field: 'assignee', problem: 'is not a team of this partnership' }]);
    return { ...none, assignedTeamId: input.teamId };
  }
  if (!(await q.findOrganisation(ctx.tx, ctx.actor.partnershipId, input.organisationId))) {
    throw new ValidationError([{ field: 'assignee', problem: 'is not an organisation of this partnership' }]);
  }
  return { ...none, assignedOrganisationId: input.organisationId };
}

export async function checkWatchers(ctx: Context, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  const found = await q.partnershipUsers(ctx.tx, ctx.actor.partnershipId, unique);
  if (found.length !== unique.length || found.some((u) => u.disabled)) {
    throw new ValidationError([{ field: 'watcherIds', problem: 'must all be active people in this partnership' }]);
  }
  return unique;
}

/**
 * The action plan a task goes in, which must be one of the case the task is on. A task put in a
 * plan without naming its record goes on the plan's case.
 */
export async function resolvePlan(ctx: Context, planId: string, record: SharedRecord | null): Promise<{ planId: string; record: SharedRecord }> {
  const plan = await q.getPlan(ctx.tx, ctx.actor.partnershipId, planId);
  if (!plan) throw new ValidationError([{ field: 'actionPlanId', problem: 'is not an action plan of this partnership' }]);
  const onRecord = record ?? await contributableRecord(ctx, 'case', plan.caseId);
  if (onRecord.kind !== 'case' || onRecord.id !== plan.caseId) throw new ValidationError([{ field: 'actionPlanId', problem: 'is not a plan of the case the task is on' }]);
  return { planId: plan.id, record: onRecord };
}
