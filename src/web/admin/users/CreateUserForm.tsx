import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Text } from '@mantine/core';
import type { Team } from '../../../shared/api/structure.ts';
import { createUserBody, user } from '../../../shared/api/users.ts';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { useMe } from '../../app/session.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { assignableRoles } from '../../../shared/roles.ts';
import { userLabels } from './labels.ts';
import { optional, UserFields, type UserFormValues } from './UserFields.tsx';

interface Props {
  /** The teams this person may add users to. */
  teams: Team[];
  teamId: string;
  onDone: () => void;
}

export function CreateUserForm({ teams, teamId, onDone }: Props) {
  const me = useMe();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(userLabels);
  const [values, setValues] = useState<UserFormValues>({
    teamId: teamId || null,
    name: '',
    email: '',
    role: 'practitioner',
    isSupervisor: false,
    isCoordinator: false,
    schemeLookUp: false,
    jobTitle: '',
    phone: '',
  });
  const create = useMutation({
    mutationFn: (body: z.infer<typeof createUserBody>) =>
      call('POST', '/users', user, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      notifySaved(`${created.name} added. We have emailed them an invitation to choose a password.`);
      onDone();
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(
      createUserBody,
      { ...values, teamId: values.teamId ?? '', jobTitle: optional(values.jobTitle), phone: optional(values.phone) },
      { teamId: 'Choose a team', role: 'Choose a role' },
    );
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm">
        Concord emails the new user an invitation to choose a password. When they first sign in, it helps them set up an
        authenticator app.
      </Text>
      <UserFields values={values} onChange={setValues} fieldErrors={errors.fieldErrors} teams={teams} roles={assignableRoles(me.role)} />
      <FormButtons submitLabel="Add user" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}
