import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Textarea } from '@mantine/core';
import { cancelTaskBody, completeTaskBody, declineTaskBody, task, taskProgressBody, type Task } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { taskKeys } from './keys.ts';
import { taskLabels } from './labels.ts';

/** The steps that take a few words: why it is declined or cancelled, how it is going, what came of it. */
export const steps = {
  decline: { title: 'Decline this task', path: 'decline', field: 'reason', schema: declineTaskBody, versioned: true, submit: 'Decline task', done: 'Task declined.', description: 'The person who set it sees your reason and can hand it to someone else.' },
  progress: { title: 'Add progress', path: 'updates', field: 'note', schema: taskProgressBody, versioned: false, submit: 'Add progress', done: 'Progress added.', description: 'What has been done so far. Everyone who can see the task can read it.' },
  complete: { title: 'Complete this task', path: 'complete', field: 'result', schema: completeTaskBody, versioned: true, submit: 'Complete task', done: 'Task completed.', description: 'What came of it: the person who set it is told.' },
  cancel: { title: 'Cancel this task', path: 'cancel', field: 'reason', schema: cancelTaskBody, versioned: true, submit: 'Cancel task', done: 'Task cancelled.', description: 'Whoever the task is for is told.' },
} as const;
export type Step = keyof typeof steps;

export function StepForm({ t, step, onDone }: { t: Task; step: Step; onDone: () => void }) {
  const config = steps[step];
  const queryClient = useQueryClient();
  const errors = useFieldErrors(taskLabels);
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) => call('POST', `/tasks/${t.id}/${config.path}`, task, { body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(taskKeys.one(t.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['action-plans'] });
      notifySaved(config.done);
      onDone();
    },
    onError: (error) => {
      // Someone else moved the task on meanwhile: show it as it is now before they decide again.
      if (isApiError(error, 'conflict')) void queryClient.invalidateQueries({ queryKey: taskKeys.one(t.id) });
      errors.fromServer(error);
    },
  });

  const submit = () => {
    const input = { [config.field]: text, ...(config.versioned ? { version: t.version } : {}) };
    const body = errors.check(config.schema, input) as Record<string, unknown> | null;
    if (body) send.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={send.error} fieldErrors={errors.fieldErrors} />
      <Textarea
        label={taskLabels[config.field]}
        description={config.description}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.fieldErrors[config.field]}
        autosize
        minRows={3}
        required
        data-autofocus
      />
      <FormButtons submitLabel={config.submit} pending={send.isPending} onCancel={onDone} danger={step === 'cancel' || step === 'decline'} />
    </Form>
  );
}
