import type { AssigneeCannotOpenRecord } from '../../../shared/api/tasks.ts';
import { effectiveLevel } from '../../platform/access/records.ts';
import type { Context } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { subjectOf, type SharedRecord } from '../sharing/record-access.ts';
import { share } from '../sharing/service.ts';
import type { AssigneeInput } from './inputs.ts';
import * as q from './queries.ts';

/** How a message names a record: a case by its reference, never a person by name. */
function recordWords(record: SharedRecord): string {
  if (record.kind === 'case') return `case ${record.reference ?? record.id}`;
  return record.kind === 'profile' ? 'this person\'s record' : 'this location';
}

/**
 * A task on a record is followed up there, so an assignee who cannot open the record would be
 * handed work they cannot see. The tasker is told, and may share the record (view) with the
 * assignee's team or organisation in the same step if they may share it at all (edit on it);
 * anyone else is sent to the record's owners. `shareWithAssignee` is the tasker's answer.
 */
export async function letAssigneeOpen(ctx: Context, record: SharedRecord, assignee: AssigneeInput, shareWithAssignee: boolean): Promise<void> {
  const holder = await q.assigneeAccess(ctx.tx, record.kind, record.id, assignee);
  if (holder.canOpen) return;
  const canShare = effectiveLevel(ctx.actor, record.level) === 'edit';
  if (shareWithAssignee && canShare) {
    await share(ctx, record.kind, record.id, holder.teamId ? { teamId: holder.teamId, level: 'view' } : { organisationId: holder.organisationId, level: 'view' });
    return;
  }
  const owner = { team: { id: record.ownerTeamId, name: record.ownerTeamName }, organisation: { id: record.ownerOrganisationId, name: record.ownerOrganisationName } };
  const cannot = `${holder.name} cannot open ${recordWords(record)}`;
  const message = canShare
    ? `${cannot}. Share it with them (view) as you set the task, or set the task for someone who can open it.`
    : `${cannot}, and only its owners can share it: ask the ${owner.team.name} (${owner.organisation.name}) to share it with them, or set the task for someone who can open it.`;
  if (shareWithAssignee) ctx.refuse({ action: 'access.refused', ...subjectOf(record), details: { why: 'view only: cannot share it with the assignee of a task', need: 'edit' } });
  const details: AssigneeCannotOpenRecord = {
    record: { kind: record.kind, id: record.id, reference: record.reference },
    assignee: { kind: holder.kind, id: holder.id, name: holder.name },
    owner,
    canShare,
  };
  throw new ConflictError(message, 'assignee_cannot_open_record', [details]);
}
