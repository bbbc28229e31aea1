import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { passwordResetRequestBody, passwordResetRequestReply } from '../../shared/api/auth.ts';
import { call } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const { fieldErrors, check, fromServer } = useFieldErrors({ email: 'Email' });
  const request = useMutation({
    mutationFn: (body: { email: string }) => call('POST', '/auth/password-reset', passwordResetRequestReply, { body }),
    onError: fromServer,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = check(passwordResetRequestBody, { email });
    if (body) request.mutate(body);
  };

  return (
    <PublicLayout title="Reset your password">
      {request.data ? (
        // The same reply whether or not the address has an account, so it tells no one who has one.
        <Alert color="blue" role="status" title="Check your email">
          {request.data.message}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>Enter the email address you sign in with. We will send you a link to choose a new password.</Text>
            <FormAlert error={request.error} fieldErrors={fieldErrors} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
              required
            />
            <Button type="submit" loading={request.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        Back to sign in
      </Anchor>
    </PublicLayout>
  );
}
