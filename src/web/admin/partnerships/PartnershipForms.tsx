import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createPartnershipBody, partnership, updatePartnershipBody, type Partnership,
} from '../../../shared/api/structure.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
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
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, (r) => ({ name: r.name }), partnership);
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: (body: { version: number; name?: string }) => call('PATCH', `/partnerships/${record.id}`, partnership, { body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      notifySaved(`Partnership “${saved.name}” saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  return (
    <NameForm
      name={form.values.name}
      onNameChange={(name) => form.set('name', name)}
      label="Name"
      submitLabel="Save"
      pending={save.isPending}
      error={form.theirs ? null : save.error}
      fieldErrors={errors.fieldErrors}
      onSubmit={() => {
        const body = errors.check(updatePartnershipBody, { version: form.base.version, name: form.values.name });
        if (body) save.mutate(body);
      }}
      onCancel={onDone}
    >
      {form.theirs && (
        <ConflictNotice
          fields={[{ key: 'name', label: 'Name' }]}
          loaded={{ name: form.base.name }}
          mine={form.values}
          theirs={{ name: form.theirs.name }}
          onUseTheirs={() => {
            form.takeTheirs();
            save.reset();
          }}
          onKeepMine={() => {
            form.keepMine();
            save.reset();
          }}
        />
      )}
    </NameForm>
  );
}
