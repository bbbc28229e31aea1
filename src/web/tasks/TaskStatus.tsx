import { Badge, Group } from '@mantine/core';
import type { TaskSummary } from '../../shared/api/tasks.ts';
import { taskStatusLabels } from './labels.ts';

// Badges cut long labels short; a status must be read whole.
const whole = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

const colours: Record<TaskSummary['status'], string> = { open: 'blue', accepted: 'teal', declined: 'orange', completed: 'gray', cancelled: 'gray' };

/** The task's status in words, and "Overdue" spelled out: never colour alone. */
export function TaskStatus({ task }: { task: Pick<TaskSummary, 'status' | 'overdue'> }) {
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={colours[task.status]} tt="none" styles={whole}>
        {taskStatusLabels[task.status]}
      </Badge>
      {task.overdue && (
        <Badge color="red" tt="none" styles={whole}>
          Overdue
        </Badge>
      )}
    </Group>
  );
}
