import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createPartnershipBody, partnership, updatePartnershipBody, type Partnership,
} from '../../../shared/api/structure.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { EditNameForm } from '../EditNameForm.tsx';
import { NameForm } from '../NameForm.tsx';

const labels = { name: 'Name' };

export function CreatePartnershipForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: (body: { name: string }) =>
      call('POST', '/partnerships', partnership, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      notifySaved(`Partnership “${created.name}” added.`);
      onDone();
    },
    onError: errors.fromServer,
  });
  return (
    <NameForm
      name={name}
      onNameChange={setName}
      label="Name"
      submitLabel="Add partnership"
      pending={create.isPending}
      error={create.error}
      fieldErrors={errors.fieldErrors}
      onSubmit={() => {
        const body = errors.check(createPartnershipBody, { name });
        if (body) create.mutate(body);
      }}
      onCancel={onDone}
    />
  );
}

export function EditPartnershipForm({ record, onDone }: { record: Partnership; onDone: () => void }) {
  return (
    <EditNameForm
      record={record}
      path={`/partnerships/${record.id}`}
      reply={partnership}
      body={updatePartnershipBody}
      label={labels.name}
      noun="Partnership"
      invalidates={['partnerships']}
      onDone={onDone}
    />
  );
}
