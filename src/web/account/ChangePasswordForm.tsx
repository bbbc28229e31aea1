import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, PasswordInput } from '@mantine/core';
import { changePasswordBody } from '../../shared/api/auth.ts';
import { callNoReply } from '../api/client.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';

const labels = { currentPassword: 'Current password', newPassword: 'New password' };

export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const errors = useFieldErrors(labels);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => callNoReply('POST', '/account/password', { body }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(changePasswordBody, { currentPassword, newPassword });
    if (body) change.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      {change.isSuccess && (
        <Alert color="green" role="status" title="Password changed">
          Use your new password next time you sign in. Your other sessions have been signed out.
        </Alert>
      )}
      <FormAlert error={change.error} fieldErrors={errors.fieldErrors} />
      <PasswordInput
        label={labels.currentPassword}
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.currentTarget.value)}
        error={errors.fieldErrors.currentPassword}
        required
      />
      <PasswordInput
        label={labels.newPassword}
        description="At least 12 characters. Three random words make a strong password that is easy to remember."
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNewPassword(e.currentTarget.value)}
        error={errors.fieldErrors.newPassword}
        required
      />
      <div>
        <Button type="submit" loading={change.isPending}>
          Change password
        </Button>
      </div>
    </Form>
  );
}
