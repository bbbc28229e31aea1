import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Modal } from '@mantine/core';
import { task, type Task } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import { isApiError, messageOf } from '../api/errors.ts';
import { notifySaved } from '../components/notify.ts';
import { ChangeTaskForm } from './ChangeTaskForm.tsx';
import { taskKeys } from './keys.ts';
import { StepForm, steps, type Step } from './StepForm.tsx';

/** The steps this person may take now, as the server says; nothing else is offered. */
export function TaskActions({ t }: { t: Task }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | 'change' | null>(null);
  const { canAccept, canDecline, canAddProgress, canComplete, canChange } = t.permissions;

  const done = (updated: Task, message: string) => {
    queryClient.setQueryData(taskKeys.one(t.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['action-plans'] });
    notifySaved(message);
  };
  const accept = useMutation({
    mutationFn: () => call('POST', `/tasks/${t.id}/accept`, task, { body: { version: t.version } }),
    onSuccess: (updated) => done(updated, 'Task accepted. It is yours to do.'),
    onError: (error) => {
      if (isApiError(error, 'conflict')) void queryClient.invalidateQueries({ queryKey: taskKeys.one(t.id) });
    },
  });
  const watch = useMutation({
    mutationFn: () => call(t.watching ? 'DELETE' : 'PUT', `/tasks/${t.id}/watching`, task),
    onSuccess: (updated) => done(updated, updated.watching ? 'You will be told of every step of this task.' : 'You no longer watch this task.'),
  });

  return (
    <>
      <Group gap="sm">
        {canAccept && (
          <Button onClick={() => accept.mutate()} loading={accept.isPending}>
            Accept task
          </Button>
        )}
        {canDecline && (
          <Button variant="default" onClick={() => setStep('decline')}>
            Decline…
          </Button>
        )}
        {canAddProgress && (
          <Button variant="default" onClick={() => setStep('progress')}>
            Add progress
          </Button>
        )}
        {canComplete && <Button onClick={() => setStep('complete')}>Complete task…</Button>}
        {canChange && (
          <Button variant="default" onClick={() => setStep('change')}>
            Change or reassign
          </Button>
        )}
        {canChange && (
          <Button variant="default" color="red" onClick={() => setStep('cancel')}>
            Cancel task…
          </Button>
        )}
        <Button variant="subtle" onClick={() => watch.mutate()} loading={watch.isPending} aria-pressed={t.watching}>
          {t.watching ? 'Stop watching' : 'Watch this task'}
        </Button>
      </Group>
      {(accept.error || watch.error) && (
        <Alert color="red" title="There is a problem" role="alert">
          {messageOf(accept.error ?? watch.error)}
        </Alert>
      )}
      <Modal opened={step !== null} onClose={() => setStep(null)} title={step === 'change' ? 'Change this task' : step ? steps[step].title : ''} size="lg">
        {step === 'change' && <ChangeTaskForm t={t} onDone={() => setStep(null)} />}
        {step && step !== 'change' && <StepForm t={t} step={step} onDone={() => setStep(null)} />}
      </Modal>
    </>
  );
}
