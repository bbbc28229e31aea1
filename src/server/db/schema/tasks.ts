import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordKinds } from '../../../shared/records.ts';
import { taskPriorities, taskStatuses, taskUpdateKinds } from '../../../shared/work.ts';
import { at, id, timestamps, version } from './columns.ts';
import { cases } from './cases.ts';
import { inList } from './sharing.ts';
import { organisations, partnerships, teams, users } from './structure.ts';

/** The tasks agreed for a case, grouped under a heading ("Safety plan", "Tenancy support"). */
export const actionPlans = pgTable('action_plans', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  title: text('title').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  version: version(),
  ...timestamps,
}, (t) => [index('action_plans_case_idx').on(t.caseId)]);

/**
 * Work set by one person (the tasker) for a user, a team or a whole organisation, on a record or
 * standalone. A team or organisation task is taken on by one of its members when they accept it.
 */
export const tasks = pgTable('tasks', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: recordKinds }),
  recordId: uuid('record_id'),
  actionPlanId: uuid('action_plan_id').references(() => actionPlans.id),
  title: text('title').notNull(),
  description: text('description'),
  priority: text('priority', { enum: taskPriorities }).notNull().default('normal'),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  assignedUserId: uuid('assigned_user_id').references(() => users.id),
  assignedTeamId: uuid('assigned_team_id').references(() => teams.id),
  assignedOrganisationId: uuid('assigned_organisation_id').references(() => organisations.id),
  status: text('status', { enum: taskStatuses }).notNull().default('open'),
  /** The member who accepted a task set for a team or organisation (or the assignee themselves). */
  acceptedBy: uuid('accepted_by').references(() => users.id),
  declineReason: text('decline_reason'),
  result: text('result'),
  completedAt: at('completed_at'),
  setBy: uuid('set_by').notNull().references(() => users.id),
  setByTeamId: uuid('set_by_team_id').notNull().references(() => teams.id),
  setByOrganisationId: uuid('set_by_organisation_id').notNull().references(() => organisations.id),
  /** When the overdue notice went out, so that it goes once per due date. */
  overdueNotifiedAt: at('overdue_notified_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  index('tasks_record_idx').on(t.recordKind, t.recordId, t.dueOn).where(sql`${t.recordId} is not null`),
  index('tasks_assigned_user_idx').on(t.assignedUserId, t.status, t.dueOn).where(sql`${t.assignedUserId} is not null`),
  index('tasks_assigned_team_idx').on(t.assignedTeamId, t.status, t.dueOn).where(sql`${t.assignedTeamId} is not null`),
  index('tasks_assigned_organisation_idx').on(t.assignedOrganisationId, t.status, t.dueOn).where(sql`${t.assignedOrganisationId} is not null`),
  index('tasks_set_by_idx').on(t.setBy, t.status, t.dueOn),
  index('tasks_partnership_due_idx').on(t.partnershipId, t.dueOn),
  index('tasks_action_plan_idx').on(t.actionPlanId).where(sql`${t.actionPlanId} is not null`),
  // The overdue sweep: tasks still to do, by due date.
  index('tasks_due_idx').on(t.dueOn).where(sql`${t.status} in ('open', 'accepted') and ${t.overdueNotifiedAt} is null`),
  check('tasks_assignee_check', sql`num_nonnulls(${t.assignedUserId}, ${t.assignedTeamId}, ${t.assignedOrganisationId}) = 1`),
  check('tasks_record_check', sql`(${t.recordKind} is null) = (${t.recordId} is null)`),
  check('tasks_record_kind_check', sql`${t.recordKind} is null or ${t.recordKind} in (${inList(recordKinds)})`),
  check('tasks_priority_check', sql`${t.priority} in (${inList(taskPriorities)})`),
  check('tasks_status_check', sql`${t.status} in (${inList(taskStatuses)})`),
]);

/** A task's progress log: every step, with who took it and what they said. */
export const taskUpdates = pgTable('task_updates', {
  id: id(),
  taskId: uuid('task_id').notNull().references(() => tasks.id),
  kind: text('kind', { enum: taskUpdateKinds }).notNull(),
  note: text('note'),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorTeamId: uuid('author_team_id').notNull().references(() => teams.id),
  authorOrganisationId: uuid('author_organisation_id').notNull().references(() => organisations.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  index('task_updates_task_idx').on(t.taskId, t.createdAt),
  check('task_updates_kind_check', sql`${t.kind} in (${inList(taskUpdateKinds)})`),
]);

/** People told of every step of a task besides its tasker and assignee. */
export const taskWatchers = pgTable('task_watchers', {
  taskId: uuid('task_id').notNull().references(() => tasks.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  addedAt: at('added_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_watchers_user_idx').on(t.userId)]);

/**
 * A reminder a person sets for a date and time, for themselves or shared with named members of
 * their team, optionally on a record. At the time it pops up in the app and is emailed.
 */
export const actions = pgTable('actions', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  recordKind: text('record_kind', { enum: recordKinds }),
  recordId: uuid('record_id'),
  title: text('title').notNull(),
  notes: text('notes'),
  dueAt: at('due_at').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdByTeamId: uuid('created_by_team_id').notNull().references(() => teams.id),
  createdByOrganisationId: uuid('created_by_organisation_id').notNull().references(() => organisations.id),
  /** When the reminder went out; null until then. */
  remindedAt: at('reminded_at'),
  doneAt: at('done_at'),
  version: version(),
  ...timestamps,
}, (t) => [
  index('actions_created_by_idx').on(t.createdBy, t.dueAt),
  index('actions_record_idx').on(t.recordKind, t.recordId, t.dueAt).where(sql`${t.recordId} is not null`),
  // The reminder sweep: those not yet sent, by time.
  index('actions_due_idx').on(t.dueAt).where(sql`${t.remindedAt} is null and ${t.doneAt} is null`),
  check('actions_record_check', sql`(${t.recordKind} is null) = (${t.recordId} is null)`),
  check('actions_record_kind_check', sql`${t.recordKind} is null or ${t.recordKind} in (${inList(recordKinds)})`),
]);

/** The team members an action is shared with. */
export const actionRecipients = pgTable('action_recipients', {
  actionId: uuid('action_id').notNull().references(() => actions.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.actionId, t.userId] }), index('action_recipients_user_idx').on(t.userId)]);
