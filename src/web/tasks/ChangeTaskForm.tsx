import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Text } from '@mantine/core';
import { task, updateTaskBody, type Task } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { AssigneePicker, assigneeBody, type AssigneeValue } from './AssigneePicker.tsx';
import { BackdatedReasonField, backdatedProblem, isBackdated } from './BackdatedReason.tsx';
import { taskKeys } from './keys.ts';
import { taskLabels } from './labels.ts';
import { TaskDetailsFields, type TaskDetails } from './TaskDetailsFields.tsx';

const detailsOf = (t: Task): TaskDetails => ({ title: t.title, description: t.description ?? '', priority: t.priority, dueOn: t.dueOn });

/** The tasker changes the task, or hands it to someone else (who then has to accept it afresh). */
export function ChangeTaskForm({ t, onDone }: { t: Task; onDone: () => void }) {
  const queryClient = useQueryClient();
  const errors = useFieldErrors(taskLabels);
  const [details, setDetails] = useState(() => detailsOf(t));
  const [assignee, setAssignee] = useState<AssigneeValue>({ kind: t.assignee.kind, id: t.assignee.id });
  const [backdatedReason, setBackdatedReason] = useState('');
  // Only a new date needs a reason: a task already overdue keeps its date through other changes.
  const backdated = details.dueOn !== t.dueOn && isBackdated(details.dueOn);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => call('PATCH', `/tasks/${t.id}`, task, { body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(taskKeys.one(t.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      notifySaved('Task saved.');
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'conflict')) void queryClient.invalidateQueries({ queryKey: taskKeys.one(t.id) });
      errors.fromServer(error);
    },
  });

  const submit = () => {
    const loaded = detailsOf(t);
    const changed = Object.fromEntries(Object.entries(details).filter(([field, value]) => value !== loaded[field as keyof TaskDetails]));
    if ('description' in changed) changed.description = details.description || null;
    const reassigned = assignee.kind !== t.assignee.kind || assignee.id !== t.assignee.id;
    const body = errors.check(
      updateTaskBody,
      { version: t.version, ...changed, ...(reassigned ? { assignee: assigneeBody(assignee) } : {}), ...(backdated ? { backdatedReason } : {}) },
      { assignee: 'Choose who the task is for' },
      { dueOn: backdated ? backdatedProblem(details.dueOn, backdatedReason) : null },
    );
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <TaskDetailsFields values={details} onChange={setDetails} fieldErrors={errors.fieldErrors} />
      {backdated && <BackdatedReasonField value={backdatedReason} onChange={setBackdatedReason} error={errors.fieldErrors.backdatedReason} />}
      <AssigneePicker value={assignee} onChange={setAssignee} known={{ id: t.assignee.id, name: t.assignee.name }} error={errors.fieldErrors.assignee} />
      <Text size="sm">Handing the task to someone else starts it again: they have to accept it.</Text>
      <FormButtons submitLabel="Save task" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
