import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Modal, Text, Textarea, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { archiveCaseBody, closeCaseBody, reopenCaseBody, type CaseRecord } from '../../shared/api/cases.ts';
import { callNoReply } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { caseLabels } from './labels.ts';
import { useCaseRefresh } from './useCaseRefresh.ts';

type Step = 'close' | 'reopen' | 'archive';

const titles: Record<Step, string> = { close: 'Close this case', reopen: 'Reopen this case', archive: 'Archive this case' };
// Not plain "Close": the dialog's own close button already has that name.
const submitLabels: Record<Step, string> = { close: 'Close case', reopen: 'Reopen case', archive: 'Archive case' };
const done: Record<Step, string> = { close: 'Case closed.', reopen: 'Case reopened.', archive: 'Case archived. It can no longer be changed.' };
const schemas = { close: closeCaseBody, reopen: reopenCaseBody, archive: archiveCaseBody };

/** What can happen next to a case, as the server allows: close an open one, reopen or archive a closed one. */
export function CaseLifecycle({ c }: { c: CaseRecord }) {
  const [step, setStep] = useState<Step | null>(null);
  const { canClose, canReopen, canArchive } = c.permissions;
  if (!canClose && !canReopen && !canArchive) return null;
  return (
    <>
      {canClose && (
        <Button variant="default" onClick={() => setStep('close')}>
          Close case
        </Button>
      )}
      {canReopen && (
        <Button variant="default" onClick={() => setStep('reopen')}>
          Reopen case
        </Button>
      )}
      {canArchive && (
        <Button variant="default" color="red" onClick={() => setStep('archive')}>
          Archive case
        </Button>
      )}
      <Modal opened={step !== null} onClose={() => setStep(null)} title={step ? titles[step] : ''} size="lg">
        {step && <StepForm c={c} step={step} onDone={() => setStep(null)} />}
      </Modal>
    </>
  );
}

function StepForm({ c, step, onDone }: { c: CaseRecord; step: Step; onDone: () => void }) {
  const refresh = useCaseRefresh(c.id);
  const errors = useFieldErrors(caseLabels);
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: (body: z.infer<(typeof schemas)[Step]>) => callNoReply('POST', `/cases/${c.id}/${step}`, { body }),
    onSuccess: () => {
      refresh();
      notifySaved(done[step]);
      onDone();
    },
    onError: (error) => {
      // Someone changed the case meanwhile: show the page as it is now before they decide again.
      if (isApiError(error, 'conflict')) refresh();
      errors.fromServer(error);
    },
  });

  const submit = () => {
    const input = step === 'close' ? { version: c.version, outcome, reason } : step === 'reopen' ? { version: c.version, reason } : { version: c.version };
    const body = errors.check(schemas[step], input);
    if (body) send.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={send.error} fieldErrors={errors.fieldErrors} />
      {step === 'close' && (
        <TextInput
          label={caseLabels.outcome}
          description="What the case achieved, e.g. “Behaviour stopped after Acceptable Behaviour Contract”"
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          error={errors.fieldErrors.outcome}
          required
          data-autofocus
        />
      )}
      {step !== 'archive' ? (
        <Textarea
          label={caseLabels.reason}
          description={step === 'close' ? 'Why the case can close now' : 'Why the case needs work again'}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.fieldErrors.reason}
          autosize
          minRows={3}
          required
          data-autofocus={step === 'reopen' ? true : undefined}
        />
      ) : (
        <Text size="sm">
          An archived case can still be read by everyone who can see it, but nothing on it can be changed again: not its details, people,
          locations or interventions.
        </Text>
      )}
      <FormButtons submitLabel={submitLabels[step]} pending={send.isPending} onCancel={onDone} danger={step === 'archive'} />
    </Form>
  );
}
