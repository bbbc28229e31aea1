import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Select, Text } from '@mantine/core';
import { createTeamBody, team, updateTeamBody, type Organisation, type Team } from '../../../shared/api/structure.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { NameForm } from '../NameForm.tsx';

const labels = { organisationId: 'Organisation', name: 'Team name' };

interface CreateProps {
  /** The organisations this person may add teams to. */
  organisations: Organisation[];
  organisationId: string;
  onDone: () => void;
}

export function CreateTeamForm({ organisations, organisationId: initial, onDone }: CreateProps) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const [organisationId, setOrganisationId] = useState<string | null>(initial || null);
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: (body: { organisationId: string; name: string }) =>
      call('POST', '/teams', team, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifySaved(`Team “${created.name}” added to ${created.organisation.name}.`);
      onDone();
    },
    onError: errors.fromServer,
  });
  return (
    <NameForm
      name={name}
      onNameChange={setName}
      label={labels.name}
      submitLabel="Add team"
      pending={create.isPending}
      error={create.error}
      fieldErrors={errors.fieldErrors}
      onSubmit={() => {
        const body = errors.check(createTeamBody, { organisationId: organisationId ?? '', name }, { organisationId: 'Choose an organisation' });
        if (body) create.mutate(body);
      }}
      onCancel={onDone}
    >
      <Select
        label={labels.organisationId}
        data={organisations.map((o) => ({ value: o.id, label: o.name }))}
        value={organisationId}
        onChange={setOrganisationId}
        error={errors.fieldErrors.organisationId}
        allowDeselect={false}
        searchable
        required
      />
    </NameForm>
  );
}

export function EditTeamForm({ record, onDone }: { record: Team; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, (r) => ({ name: r.name }), team);
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: (body: { version: number; name?: string }) => call('PATCH', `/teams/${record.id}`, team, { body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySaved(`Team “${saved.name}” saved.`);
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
      label={labels.name}
      submitLabel="Save"
      pending={save.isPending}
      error={form.theirs ? null : save.error}
      fieldErrors={errors.fieldErrors}
      onSubmit={() => {
        const body = errors.check(updateTeamBody, { version: form.base.version, name: form.values.name });
        if (body) save.mutate(body);
      }}
      onCancel={onDone}
    >
      <Text size="sm">Organisation: {record.organisation.name}</Text>
      {form.theirs && (
        <ConflictNotice
          fields={[{ key: 'name', label: labels.name }]}
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
