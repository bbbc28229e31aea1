import { Group, Select, Textarea, TextInput } from '@mantine/core';
import type { TaskPriority } from '../../shared/work.ts';
import type { FieldErrors } from '../components/forms.ts';
import { priorityOptions, taskLabels } from './labels.ts';

export interface TaskDetails {
  title: string;
  description: string;
  priority: TaskPriority;
  dueOn: string;
}

interface Props {
  values: TaskDetails;
  onChange: (values: TaskDetails) => void;
  fieldErrors: FieldErrors;
}

/** What the task is, how urgent, and by when: the same fields to set a task and to change it. */
export function TaskDetailsFields({ values, onChange, fieldErrors }: Props) {
  const set = <K extends keyof TaskDetails>(field: K, value: TaskDetails[K]) => onChange({ ...values, [field]: value });
  return (
    <>
      <TextInput
        label={taskLabels.title}
        description="A short line, e.g. “Visit the tenant about the noise”. It goes in the email to whoever the task is for: never put a person’s name in it."
        value={values.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={fieldErrors.title}
        required
        data-autofocus
      />
      <Textarea
        label={taskLabels.description}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={fieldErrors.description}
        autosize
        minRows={3}
      />
      <Group grow align="flex-start">
        <Select
          label={taskLabels.priority}
          data={priorityOptions}
          value={values.priority}
          onChange={(p) => set('priority', (p ?? 'normal') as TaskPriority)}
          allowDeselect={false}
          error={fieldErrors.priority}
        />
        <TextInput label={taskLabels.dueOn} type="date" value={values.dueOn} onChange={(e) => set('dueOn', e.currentTarget.value)} error={fieldErrors.dueOn} required />
      </Group>
    </>
  );
}
