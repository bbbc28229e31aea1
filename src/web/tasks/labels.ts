import { taskLabels } from '../../shared/labels/tasks.ts';
import { taskPriorities, taskPriorityLabels, taskStatusLabels, type TaskUpdateKind } from '../../shared/work.ts';

export { taskLabels, taskPriorityLabels, taskStatusLabels };

export const priorityOptions = taskPriorities.map((p) => ({ value: p, label: taskPriorityLabels[p] }));

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
