import { z } from 'zod';
import { recordKinds } from '../records.ts';
import { taskPriorities, taskStatuses, taskUpdateKinds } from '../work.ts';
import { isoTime, listQuery, optionalText, page, ref, text, uuid, version } from './common.ts';
import { personSafety } from './profiles.ts';
import { isoDate } from './records.ts';
import { subjectRef } from './reports.ts';

export const recordRef = z.strictObject({ kind: z.enum(recordKinds), id: uuid });

/** A task goes to exactly one of a person, a team or a whole organisation. */
export const assigneeInput = z.union([
  z.strictObject({ userId: uuid }),
  z.strictObject({ teamId: uuid }),
  z.strictObject({ organisationId: uuid }),
]);

/**
 * A due date before today is usually a slip, so it is refused unless the tasker says why it is in
 * the past on purpose. Today is London's: the browser checks with its clock, the server with its
 * own, which is final. Dates compare as text (YYYY-MM-DD).
 */
export function dueOnProblem(dueOn: string, backdatedReason: string | null | undefined, today: string): string | null {
  return dueOn < today && !backdatedReason ? 'is in the past: choose a later date, or say why it is in the past on purpose' : null;
}

/**
 * Why a task is due in the past; kept in the audit trail, and only asked for when the date is
 * before today. Sent (null for none) by a caller that wants a past date refused without one; left
 * out, a new task takes its date as given, as the API was first published.
 */
const backdatedReason = optionalText(500);

// Reported with the other fields' problems, not only once they are right.
const whenObject = { when: ({ value }: { value: unknown }) => typeof value === 'object' && value !== null };

/**
 * A new task. The public API contract's names are accepted too: `subject: {type, id}` for
 * `record: {kind, id}` and `dueDate` for `dueOn`, one spelling of each, never both; the parsed
 * body has only `record` and `dueOn`.
 */
export const createTaskBody = z.strictObject({
  title: text(200),
  description: optionalText(5000),
  priority: z.enum(taskPriorities).default('normal'),
  dueOn: isoDate.optional(),
  dueDate: isoDate.optional(),
  assignee: assigneeInput,
  record: recordRef.nullish(),
  subject: subjectRef.nullish(),
  actionPlanId: uuid.nullish(),
  watcherIds: z.array(uuid).max(50).default([]),
  backdatedReason,
  /**
   * When the assignee (a person's team, a team, or an organisation) cannot open the record:
   * `false` refuses with 409 `assignee_cannot_open_record` so the tasker can decide; `true` gives
   * them view of it in the same step (only someone with edit on the record may). Left out, the task
   * is set as before and the assignee sees the record as a stub they can ask to open.
   */
  shareWithAssignee: z.boolean().optional(),
})
  .refine((b) => b.dueOn === undefined || b.dueDate === undefined, { ...whenObject, path: ['dueDate'], message: 'give dueOn or dueDate, not both' })
  .refine((b) => b.dueOn !== undefined || b.dueDate !== undefined, { ...whenObject, path: ['dueOn'], message: 'is required' })
  .refine((b) => !b.record || !b.subject, { ...whenObject, path: ['subject'], message: 'give record or subject, not both' })
  .transform(({ dueDate, subject, ...b }) => ({
    ...b,
    dueOn: (b.dueOn ?? dueDate)!,
    record: b.record ?? (subject ? { kind: subject.type, id: subject.id } : null),
  }));

/**
 * The tasker changes the task or hands it to someone else (a reassigned task starts again as
 * open); a supervisor of whoever it is set for may only hand it on. `shareWithAssignee` works as
 * when setting a task, for the new assignee.
 */
export const updateTaskBody = z.strictObject({
  version,
  title: text(200).optional(),
  description: optionalText(5000),
  priority: z.enum(taskPriorities).optional(),
  dueOn: isoDate.optional(),
  assignee: assigneeInput.optional(),
  actionPlanId: uuid.nullish(),
  backdatedReason,
  shareWithAssignee: z.boolean().optional(),
});

/**
 * With 409 `assignee_cannot_open_record`: the record, who cannot open it, and whether the tasker
 * may share it with them (`shareWithAssignee`) or has to ask its owners.
 */
export const assigneeCannotOpenRecord = z.object({
  record: z.object({ kind: z.enum(recordKinds), id: uuid, reference: z.string().nullable() }),
  assignee: z.object({ kind: z.enum(['team', 'organisation']), id: uuid, name: z.string() }),
  owner: z.object({ team: ref, organisation: ref }),
  canShare: z.boolean(),
});
export type AssigneeCannotOpenRecord = z.infer<typeof assigneeCannotOpenRecord>;

/**
 * Accepting, declining and completing may leave out `version` (the public contract does): the
 * step is then taken on the task as it is, and still only from a status it can be taken from.
 * Accepting needs no body at all.
 */
export const acceptTaskBody = z.strictObject({ version: version.optional() }).nullish();
export const declineTaskBody = z.strictObject({ version: version.optional(), reason: text(2000) });
export const completeTaskBody = z.strictObject({ version: version.optional(), result: text(5000) });
export const cancelTaskBody = z.strictObject({ version, reason: text(2000) });
export const taskProgressBody = z.strictObject({ note: text(5000) });

export const taskAssignee = z.object({
  kind: z.enum(['user', 'team', 'organisation']),
  id: uuid,
  name: z.string(),
});

export const taskUpdate = z.object({
  id: uuid,
  kind: z.enum(taskUpdateKinds),
  note: z.string().nullable(),
  author: ref,
  team: ref,
  at: isoTime,
});
export type TaskUpdate = z.infer<typeof taskUpdate>;

export const taskSummary = z.object({
  id: uuid,
  title: z.string(),
  priority: z.enum(taskPriorities),
  dueOn: z.string(),
  status: z.enum(taskStatuses),
  /** Due before today (London time) and still to do. */
  overdue: z.boolean(),
  assignee: taskAssignee,
  acceptedBy: ref.nullable(),
  setBy: ref,
  setByTeam: ref,
  /**
   * The record it is on; `title` is null when the reader cannot open that record. `safety`: on a
   * person the reader may open, their warning markers, risk, age and roles; otherwise null.
   */
  record: z.object({ kind: z.enum(recordKinds), id: uuid, title: z.string().nullable(), safety: personSafety.nullable() }).nullable(),
  actionPlan: ref.nullable(),
  updatedAt: isoTime,
  version,
});
export type TaskSummary = z.infer<typeof taskSummary>;
export const taskPage = page(taskSummary);

export const task = taskSummary.extend({
  description: z.string().nullable(),
  declineReason: z.string().nullable(),
  result: z.string().nullable(),
  completedAt: isoTime.nullable(),
  createdAt: isoTime,
  updates: z.array(taskUpdate),
  watchers: z.array(ref),
  watching: z.boolean(),
  permissions: z.object({
    canAccept: z.boolean(),
    canDecline: z.boolean(),
    canAddProgress: z.boolean(),
    canComplete: z.boolean(),
    /** The tasker: change, reassign or cancel. */
    canChange: z.boolean(),
    /** The tasker, or a supervisor of the team or officer it is set for: hand it to someone else. */
    canReassign: z.boolean(),
  }),
});
export type Task = z.infer<typeof task>;

export const taskListQuery = listQuery.extend({
  /** mine: set for me (or taken on by me); team: set for my team or organisation; set: set by me; watching: I watch. */
  view: z.enum(['mine', 'team', 'set', 'watching']).default('mine'),
  /** `todo`: open or accepted; `done`: completed, declined or cancelled. */
  state: z.enum(['todo', 'done', 'all']).default('todo'),
  overdue: z.stringbool().optional(),
});

export const recordTaskListQuery = listQuery.extend({ state: z.enum(['todo', 'done', 'all']).default('all') });

// Action plans: the tasks agreed for a case.

export const createActionPlanBody = z.strictObject({ title: text(200) });
export const updateActionPlanBody = z.strictObject({ version, title: text(200) });
export const actionPlan = z.object({
  id: uuid,
  caseId: uuid,
  title: z.string(),
  createdBy: ref,
  createdAt: isoTime,
  version,
  tasks: z.array(taskSummary),
  /** Tasks completed of all tasks not cancelled. */
  progress: z.object({ completed: z.number().int(), total: z.number().int() }),
});
export type ActionPlan = z.infer<typeof actionPlan>;
export const actionPlanList = z.object({ items: z.array(actionPlan) });

// Actions: reminders.

export const createActionBody = z.strictObject({
  title: text(200),
  notes: optionalText(5000),
  dueAt: isoTime,
  /** Members of the setter's own team to remind as well. */
  recipientIds: z.array(uuid).max(50).default([]),
  record: recordRef.nullish(),
});

export const updateActionBody = z.strictObject({
  version,
  title: text(200).optional(),
  notes: optionalText(5000),
  dueAt: isoTime.optional(),
  recipientIds: z.array(uuid).max(50).optional(),
});

export const doneActionBody = z.strictObject({ version });

export const action = z.object({
  id: uuid,
  title: z.string(),
  notes: z.string().nullable(),
  dueAt: isoTime,
  createdBy: ref,
  recipients: z.array(ref),
  record: z.object({ kind: z.enum(recordKinds), id: uuid, title: z.string().nullable() }).nullable(),
  remindedAt: isoTime.nullable(),
  doneAt: isoTime.nullable(),
  version,
  permissions: z.object({ canChange: z.boolean() }),
});
export type Action = z.infer<typeof action>;
export const actionPage = page(action);
export const actionListQuery = listQuery.extend({
  /** upcoming: not yet due; due: due and not done; done. */
  state: z.enum(['upcoming', 'due', 'done', 'all']).default('all'),
});

/** The colleagues a reminder may be shared with: enabled members of the setter's own team. */
export const actionRecipientOptions = z.object({ items: z.array(ref) });
