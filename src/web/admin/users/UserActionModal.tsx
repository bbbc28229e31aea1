import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Modal, Table, Text, Textarea } from '@mantine/core';
import { disableUserBody, enableUserBody, user as userSchema, type User } from '../../../shared/api/users.ts';
import { call } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { keys } from '../../api/keys.ts';
import { changedFields, show } from '../../components/changes.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { comparedUserFields, userLabels, userValues } from './labels.ts';

export type UserAction = 'disable' | 'enable' | 'reset-authenticator' | 'invitation';

const wording: Record<UserAction, { title: string; button: string; explain: string; done: (name: string) => string }> = {
  disable: {
    title: 'Disable user',
    button: 'Disable user',
    explain: 'They are signed out everywhere at once and cannot sign in until someone enables them again. Their records and audit trail are kept.',
    done: (name) => `${name} has been disabled and signed out.`,
  },
  enable: {
    title: 'Enable user',
    button: 'Enable user',
    explain: 'They can sign in again with their existing password and authenticator app.',
    done: (name) => `${name} has been enabled.`,
  },
  'reset-authenticator': {
    title: 'Reset authenticator',
    button: 'Reset authenticator',
    explain: 'Use this when they have lost or replaced their phone. The next time they sign in, they set up an authenticator app again.',
    done: (name) => `${name} will set up a new authenticator app at their next sign-in.`,
  },
  invitation: {
    title: 'Resend invitation',
    button: 'Send invitation',
    explain: 'We email them a new link to choose a password. Earlier links stop working.',
    done: (name) => `A new invitation has been sent to ${name}.`,
  },
};

interface Props {
  user: User;
  action: UserAction;
  onClose: () => void;
}

/** Each action carries the version the page shows, so it never acts on details nobody has seen. */
function bodyFor(action: UserAction, user: User, reason: string): Record<string, unknown> {
  return action === 'disable' ? { version: user.version, reason } : { version: user.version };
}

/** Confirms one action on a user; a disable needs a reason, which goes into the audit trail. */
export function UserActionModal({ user, action, onClose }: Props) {
  const text = wording[action];
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(userLabels);
  const [reason, setReason] = useState('');
  // The user as this person saw them, kept when someone else's change got there first.
  const [seen, setSeen] = useState<User | null>(null);

  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      call('POST', `/users/${user.id}/${action}`, userSchema, {
        body,
        idempotencyKey: action === 'invitation' ? idempotency.keyFor(body) : undefined,
      }),
    onSuccess: (saved) => {
      idempotency.reset();
      queryClient.setQueryData(keys.user(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySaved(text.done(saved.name));
      onClose();
    },
    onError: (error) => {
      const current = isApiError(error, 'conflict') ? userSchema.safeParse(error.currentRecord) : null;
      if (current?.success) {
        setSeen(user);
        queryClient.setQueryData(keys.user(user.id), current.data);
      } else errors.fromServer(error);
    },
  });

  const submit = () => {
    const body = action === 'invitation' ? {} : errors.check(action === 'disable' ? disableUserBody : enableUserBody, bodyFor(action, user, reason));
    if (!body) return;
    setSeen(null);
    run.mutate(body);
  };

  const changed = seen ? changedFields(comparedUserFields, userValues(seen), userValues(user)) : [];

  return (
    <Modal opened onClose={onClose} title={`${text.title}: ${user.name}`} size="lg">
      <Form onSubmit={submit}>
        {seen ? (
          <Alert color="orange" title="Someone else changed this user since you opened the page" role="alert">
            <Text size="sm" mb="xs">
              Nothing has been done yet. Check their latest details, then confirm again if you still want to go ahead.
            </Text>
            {changed.length > 0 && (
              <Table withTableBorder fz="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Detail</Table.Th>
                    <Table.Th scope="col">When you opened it</Table.Th>
                    <Table.Th scope="col">Now</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changed.map((f) => (
                    <Table.Tr key={f.key}>
                      <Table.Th scope="row">{f.label}</Table.Th>
                      <Table.Td>{show(f, userValues(seen)[f.key])}</Table.Td>
                      <Table.Td>{show(f, userValues(user)[f.key])}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Alert>
        ) : (
          <FormAlert error={run.error} fieldErrors={errors.fieldErrors} />
        )}
        <Text>{text.explain}</Text>
        {action === 'disable' && (
          <Textarea
            label={userLabels.reason}
            description="Why they no longer need access, for example that they have left the organisation. This is kept in the audit trail."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.fieldErrors.reason}
            autosize
            minRows={2}
            maxLength={500}
            required
            data-autofocus
          />
        )}
        <FormButtons submitLabel={text.button} pending={run.isPending} onCancel={onClose} danger={action === 'disable'} />
      </Form>
    </Modal>
  );
}
