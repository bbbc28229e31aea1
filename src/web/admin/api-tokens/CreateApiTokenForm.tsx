import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { createApiTokenBody, createdApiToken } from '../../../shared/api/api-tokens.ts';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { useOrganisations, useTeams } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatDate, londonDayBoundary } from '../../components/format.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';

const labels = { organisationId: 'Organisation', teamId: 'Team', name: 'Name', access: 'Access', expiresAt: 'Expires on' };

type Created = z.infer<typeof createdApiToken>;

export function CreateApiTokenForm({ organisationId: initial, onDone }: { organisationId: string; onDone: () => void }) {
  const me = useMe();
  const systemAdmin = can(me, 'partnerships.manage');
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const [organisationId, setOrganisationId] = useState<string | null>(initial);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [access, setAccess] = useState<'read' | 'write'>('read');
  const [expiresOn, setExpiresOn] = useState('');
  const organisations = useOrganisations(undefined, systemAdmin);
  const teams = useTeams(organisationId, organisationId !== null);

  const create = useMutation({
    mutationFn: (body: z.infer<typeof createApiTokenBody>) =>
      call('POST', '/api-tokens', createdApiToken, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    },
    onError: errors.fromServer,
  });

  if (create.data) return <ShowTokenOnce created={create.data} onDone={onDone} />;

  const submit = () => {
    const body = errors.check(
      createApiTokenBody,
      {
        organisationId: organisationId ?? '',
        teamId: teamId ?? '',
        name,
        access,
        expiresAt: expiresOn ? londonDayBoundary(expiresOn, 'end') : undefined,
      },
      { organisationId: 'Choose an organisation', teamId: 'Choose a team' },
    );
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <TextInput
        label={labels.name}
        description="What the token is for, e.g. the system that will use it."
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.fieldErrors.name}
        required
        data-autofocus
      />
      {systemAdmin && (
        <Select
          label={labels.organisationId}
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId}
          onChange={(value) => {
            setOrganisationId(value);
            setTeamId(null);
          }}
          error={errors.fieldErrors.organisationId}
          allowDeselect={false}
          searchable
          required
        />
      )}
      <Select
        label={labels.teamId}
        description="The token sees and changes records as this team does."
        data={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={teamId}
        onChange={setTeamId}
        error={errors.fieldErrors.teamId}
        allowDeselect={false}
        searchable
        required
      />
      <Radio.Group label={labels.access} value={access} onChange={(v) => setAccess(v as 'read' | 'write')} error={errors.fieldErrors.access} required>
        <Stack gap="xs" mt="xs">
          <Radio value="read" label="Read only" />
          <Radio value="write" label="Read and write" />
        </Stack>
      </Radio.Group>
      <TextInput
        label={labels.expiresAt}
        description="Optional. The token stops working at the end of this day (UK time)."
        type="date"
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.currentTarget.value)}
        error={errors.fieldErrors.expiresAt}
      />
      <FormButtons submitLabel="Create token" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}

/** The token exists only in this reply: Concord keeps its hash, so it can never be shown again. */
function ShowTokenOnce({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="orange" title="Copy this token now. You will not see it again." role="alert">
        Concord keeps only a fingerprint of the token, so it cannot show it to you again. Put it straight into the other
        system&apos;s secret store. If it is lost, revoke it and create a new one.
      </Alert>
      <Text size="sm">
        {created.name}: {created.access === 'write' ? 'read and write' : 'read only'} access as {created.team.name}
        {created.expiresAt ? `, until ${formatDate(created.expiresAt)}` : ''}.
      </Text>
      <CopyField value={created.token} copyLabel="Copy the API token" />
      <Group justify="flex-end">
        <Button onClick={onDone}>I have copied the token</Button>
      </Group>
    </Stack>
  );
}
