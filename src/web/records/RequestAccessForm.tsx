import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Textarea } from '@mantine/core';
import { createAccessRequestBody } from '../../shared/api/records.ts';
import { callNoReply } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { recordPath, type AnyRecordKind } from './kinds.ts';

const labels = { reason: 'Reason' };

interface Props {
  kind: AnyRecordKind;
  id: string;
  onSent: () => void;
  onCancel: () => void;
}

/** Asks the team that holds a record to open it to this person's team, saying why. */
export function RequestAccessForm({ kind, id, onSent, onCancel }: Props) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(labels);
  const idempotency = useIdempotencyKey();
  const send = useMutation({
    mutationFn: (body: { reason: string }) =>
      callNoReply('POST', `/${recordPath(kind)}/${id}/access-requests`, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['access-requests'] });
      onSent();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const body = errors.check(createAccessRequestBody, { reason });
    if (body) send.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={send.error} fieldErrors={errors.fieldErrors} />
      <Textarea
        label={labels.reason}
        description="Why your team needs to see this record. The team that holds it reads this when they decide."
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors.reason}
        autosize
        minRows={3}
        maxLength={1000}
        required
        data-autofocus
      />
      <FormButtons submitLabel="Send request" pending={send.isPending} onCancel={onCancel} />
    </Form>
  );
}
