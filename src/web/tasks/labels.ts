import { taskPriorities, taskPriorityLabels, taskStatusLabels, type TaskUpdateKind } from '../../shared/work.ts';

export { taskPriorityLabels, taskStatusLabels };

export const priorityOptions = taskPriorities.map((p) => ({ value: p, label: taskPriorityLabels[p] }));

/** The field names of the task forms, as people see them. */
export const taskLabels = {
  title: 'What needs doing',
  description: 'Details',
  priority: 'Priority',
  dueOn: 'Due by',
  backdatedReason: 'Why the due date is in the past',
  assignee: 'Set for',
  watcherIds: 'Also tell',
  actionPlanId: 'Action plan',
  reason: 'Reason',
  note: 'Progress',
  result: 'Result',
};

/** How each step reads in the progress log. */
export const updateLabels: Record<TaskUpdateKind, string> = {
  set: 'Set the task',
  accepted: 'Accepted',
  declined: 'Declined',
  progress: 'Progress',
  completed: 'Completed',
  reassigned: 'Reassigned',
  cancelled: 'Cancelled',
  changed: 'Changed the task',
};

export const stateOptions = [
  { value: 'todo', label: 'To do' },
  { value: 'done', label: 'Finished' },
  { value: 'all', label: 'All' },
];
