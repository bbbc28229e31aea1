import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createLookupBody, lookup } from '../../../shared/api/records.ts';
import { lookupListLabels, type LookupList } from '../../../shared/records.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { lookupErrorsFromApi, lookupLabels, optional, type LookupValues } from './fields.ts';
import { LookupFields } from './LookupFields.tsx';
import { decodeShares, sharingBody } from './sharing.ts';

export function CreateLookupForm({ list, onDone }: { list: LookupList; onDone: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(lookupLabels);
  const [values, setValues] = useState<LookupValues>({ name: '', key: '', groupName: '', code: '', sharing: '' });
  const create = useMutation({
    mutationFn: (body: z.infer<typeof createLookupBody>) => call('POST', '/lookups', lookup, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['lookups'] });
      notifySaved(`“${created.name}” added to ${lookupListLabels[created.list].toLowerCase()}.`);
      onDone();
    },
    onError: (error) => errors.setFieldErrors(lookupErrorsFromApi(error)),
  });

  const submit = () => {
    const body = errors.check(createLookupBody, {
      list,
      name: values.name,
      key: optional(values.key) ?? undefined,
      ...(list === 'ethnicity' ? { groupName: optional(values.groupName) } : {}),
      ...(list === 'case_type' ? { code: optional(values.code), defaultSharing: sharingBody(decodeShares(values.sharing)) } : {}),
    });
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <LookupFields list={list} values={values} set={(field, value) => setValues((v) => ({ ...v, [field]: value }))} fieldErrors={errors.fieldErrors} withKey />
      <FormButtons submitLabel="Add value" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}
