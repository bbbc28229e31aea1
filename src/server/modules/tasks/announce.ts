import type { NotificationKind, TaskUpdateKind } from '../../../shared/work.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Context } from '../../platform/context.ts';
import type { Audience } from '../../platform/events/types.ts';
import { notify, tellInterested, type Notice } from '../notifications/notify.ts';
import { audienceOf, findRecord, type SharedRecord } from '../sharing/record-access.ts';
import * as q from './queries.ts';
import type { TaskRow } from './task.ts';

export const taskLink = (id: string) => `/tasks/${id}`;

/** "3 Dec 2026": dates in messages as on screen. */
export function formatDue(dueOn: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dueOn}T00:00:00Z`));
}

type AssigneeFields = Pick<TaskRow['task'], 'acceptedBy' | 'assignedUserId' | 'assignedTeamId' | 'assignedOrganisationId'>;

/** The people a task is for now: whoever took it on, the assigned person, or every member of the assigned team or organisation. */
export async function assigneePeople(tx: Tx, t: AssigneeFields): Promise<string[]> {
  if (t.acceptedBy) return [t.acceptedBy];
  if (t.assignedUserId) return [t.assignedUserId];
  if (t.assignedTeamId) return q.membersOf(tx, { teamId: t.assignedTeamId });
  return q.membersOf(tx, { organisationId: t.assignedOrganisationId! });
}

const kinds: Partial<Record<TaskUpdateKind, NotificationKind>> = {
  accepted: 'task_accepted',
  declined: 'task_declined',
  progress: 'task_updated',
  completed: 'task_completed',
  changed: 'task_updated',
  cancelled: 'task_updated',
  reassigned: 'task_updated',
};

const verbs: Record<TaskUpdateKind, string> = {
  set: 'set',
  accepted: 'accepted',
  declined: 'declined',
  progress: 'added progress to',
  completed: 'completed',
  changed: 'changed',
  cancelled: 'cancelled',
  reassigned: 'reassigned',
};

function partiesOf(t: TaskRow['task'], watchers: string[]): Audience {
  return {
    userIds: [t.setBy, ...(t.assignedUserId ? [t.assignedUserId] : []), ...(t.acceptedBy ? [t.acceptedBy] : []), ...watchers],
    teamIds: [t.setByTeamId, ...(t.assignedTeamId ? [t.assignedTeamId] : [])],
    organisationIds: t.assignedOrganisationId ? [t.assignedOrganisationId] : [],
  };
}

function merge(a: Audience, b: Partial<Audience>): Audience {
  return {
    userIds: [...new Set([...(a.userIds ?? []), ...(b.userIds ?? [])])],
    teamIds: [...new Set([...(a.teamIds ?? []), ...(b.teamIds ?? [])])],
    organisationIds: [...new Set([...(a.organisationIds ?? []), ...(b.organisationIds ?? [])])],
  };
}

/**
 * How a notice (and so an email) names the record a task is on: a case by its reference, a
 * person's record or a place never by name or address.
 */
function onRecord(record: SharedRecord | null): string {
  if (!record) return '';
  if (record.kind === 'case') return ` on case ${record.reference ?? record.id}`;
  return record.kind === 'profile' ? ' on a person\'s record' : ' on a location';
}

/**
 * Who is told of a step, and in what words: never the client, only who did what to which task.
 * The assignee is told the task's title and where it is, as the tasker wrote them.
 */
async function noticesFor(ctx: Context, row: TaskRow, record: SharedRecord | null, step: TaskUpdateKind, previous: TaskRow | null, watchers: string[]): Promise<Notice[]> {
  const t = row.task;
  const by = `${ctx.actor.name} (${await q.teamName(ctx.tx, ctx.actor.teamId)})`;
  const base = { link: taskLink(t.id), subjectId: t.id, record: t.recordKind && t.recordId ? { kind: t.recordKind, id: t.recordId } : null };
  const notices: Notice[] = [];
  if (step === 'set' || step === 'reassigned') {
    const forWhom = t.assignedUserId ? 'you' : t.assignedTeamId ? 'your team' : 'your organisation';
    for (const userId of await assigneePeople(ctx.tx, t)) {
      notices.push({ ...base, userId, kind: 'task_assigned', message: `${by} set a task for ${forWhom}${onRecord(record)}, due ${formatDue(t.dueOn)}: "${t.title}".` });
    }
    if (step === 'set') return notices;
  }
  const kind = kinds[step]!;
  const verb = verbs[step];
  const tellSetter = t.setBy !== ctx.actor.id;
  // A cancelled task is news to whoever was doing it, whoever cancelled it.
  const tellAssignees = !tellSetter || step === 'cancelled';
  if (tellSetter) notices.push({ ...base, userId: t.setBy, kind, message: `${by} ${verb} your task.` });
  if (tellAssignees) {
    for (const userId of await assigneePeople(ctx.tx, previous?.task ?? t)) notices.push({ ...base, userId, kind, message: `${by} ${verb} a task set for you.` });
  }
  for (const userId of watchers) notices.push({ ...base, userId, kind, message: `${by} ${verb} a task you watch.` });
  return notices;
}

/**
 * Tells everyone concerned of a step in a task's life: notifications to its tasker, assignee and
 * watchers as the step calls for; `task.changed` to its parties and everyone who can open its
 * record; the record's timeline and those interested in the record. `previous` is the task as it
 * was before a reassignment, so those it was taken from hear too.
 */
export async function announce(ctx: Context, row: TaskRow, step: TaskUpdateKind, previous: TaskRow | null = null): Promise<void> {
  const t = row.task;
  const watchers = await q.watcherIds(ctx.tx, t.id);
  const record = t.recordKind && t.recordId ? await findRecord(ctx, t.recordKind, t.recordId) : null;
  await notify(ctx, await noticesFor(ctx, row, record, step, previous, watchers));
  let audience = partiesOf(t, watchers);
  if (previous) audience = merge(audience, partiesOf(previous.task, []));
  if (record) {
    const viewers = await audienceOf(ctx, record);
    audience = merge(audience, viewers);
    ctx.emit({ type: 'timeline.changed', audience: viewers, data: { kind: record.kind, id: record.id, entry: 'task' } });
    await tellInterested(ctx, record, step === 'set' ? 'A task was set' : 'A task was updated');
  }
  ctx.emit({ type: 'task.changed', audience, data: { id: t.id, actionPlanId: t.actionPlanId } });
}

/** The overdue notice, told once to the tasker and the people the task is for. */
export function overdueNotices(t: { id: string; setBy: string; dueOn: string; recordKind: TaskRow['task']['recordKind']; recordId: string | null }, assignees: string[]): Notice[] {
  const base = { kind: 'task_overdue' as const, link: taskLink(t.id), subjectId: t.id, record: t.recordKind && t.recordId ? { kind: t.recordKind, id: t.recordId } : null };
  return [
    { ...base, userId: t.setBy, message: `A task you set is overdue: it was due ${formatDue(t.dueOn)}.` },
    ...assignees.map((userId) => ({ ...base, userId, message: `A task set for you is overdue: it was due ${formatDue(t.dueOn)}.` })),
  ];
}
