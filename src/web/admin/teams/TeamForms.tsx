import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Select, Text } from '@mantine/core';
import { createTeamBody, team, updateTeamBody, type Organisation, type Team } from '../../../shared/api/structure.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { EditNameForm } from '../EditNameForm.tsx';
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
  return (
    <EditNameForm
      record={record}
      path={`/teams/${record.id}`}
      reply={team}
      body={updateTeamBody}
      label={labels.name}
      noun="Team"
      invalidates={['teams', 'users']}
      onDone={onDone}
    >
      <Text size="sm">Organisation: {record.organisation.name}</Text>
    </EditNameForm>
  );
}
