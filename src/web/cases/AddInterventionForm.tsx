import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { interventionBody } from '../../shared/api/cases.ts';
import { callNoReply } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { InterventionFields } from './InterventionFields.tsx';
import { emptyIntervention, interventionInput, interventionLabels } from './interventionValues.ts';

export function AddInterventionForm({ caseId, onAdded, onCancel }: { caseId: string; onAdded: () => void; onCancel: () => void }) {
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(interventionLabels);
  const [values, setValues] = useState(emptyIntervention);
  const add = useMutation({
    mutationFn: (body: z.infer<typeof interventionBody>) =>
      callNoReply('POST', `/cases/${caseId}/interventions`, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      onAdded();
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(interventionBody, interventionInput(values), { interventionType: 'Choose an intervention' });
    if (body) add.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={add.error} fieldErrors={errors.fieldErrors} />
      <InterventionFields values={values} onChange={setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Add intervention" pending={add.isPending} onCancel={onCancel} />
    </Form>
  );
}
