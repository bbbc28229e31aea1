import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { caseRecord, createCaseBody, type CaseRecord } from '../../shared/api/cases.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { CaseFields } from './CaseFields.tsx';
import { caseLabels } from './labels.ts';
import { caseInput, dateErrors, type CaseFormValues } from './values.ts';

interface Props {
  initial: CaseFormValues;
  /** The operation or master case this one is part of. */
  parent: CaseRecord | null;
  onCreated: (created: CaseRecord) => void;
  onCancel: () => void;
}

export function CreateCaseForm({ initial, parent, onCreated, onCancel }: Props) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(caseLabels);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(changedFrom(initial, values));
  const create = useMutation({
    mutationFn: (body: z.infer<typeof createCaseBody>) => call('POST', '/cases', caseRecord, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      guard.allow();
      onCreated(created);
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const dates = dateErrors(values);
    if (Object.keys(dates).length > 0) {
      errors.setFieldErrors(dates);
      return;
    }
    const body = errors.check(createCaseBody, { ...caseInput(values), ...(parent ? { parentCaseId: parent.id } : {}) }, { caseType: 'Choose a case type' });
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <CaseFields
        values={values}
        onChange={setValues}
        fieldErrors={errors.fieldErrors}
        known={{ people: parent ? [parent.leadOfficer, parent.singlePointOfContact] : [], organisation: parent?.leadOrganisation ?? null }}
      />
      <FormButtons
        submitLabel={parent ? 'Add sub-case' : 'Add case'}
        pending={create.isPending}
        onCancel={() => {
          guard.allow();
          onCancel();
        }}
      />
      {guard.dialog}
    </Form>
  );
}
