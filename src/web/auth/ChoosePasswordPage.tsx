import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { passwordResetCompleteBody } from '../../shared/api/auth.ts';
import { callNoReply } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';

interface Props {
  /** A reset link from "Forgot your password?", or an invitation for a new user. */
  purpose: 'reset' | 'invitation';
}

const wording = {
  reset: {
    title: 'Choose a new password',
    done: 'Your password has been changed. Sign in with your new password and the code from your authenticator app.',
    expired: 'Ask for a new link from the sign-in page with "Forgot your password?".',
  },
  invitation: {
    title: 'Choose a password',
    done: 'Your password has been saved. Sign in with your email address and this password; Concord will then help you set up an authenticator app.',
    expired: 'Ask your team administrator to send you a new invitation.',
  },
};

export function ChoosePasswordPage({ purpose }: Props) {
  const text = wording[purpose];
  const token = useSearchParams()[0].get('token') ?? '';
  const [password, setPassword] = useState('');
  const { fieldErrors, check, fromServer } = useFieldErrors({ password: 'Your new password' });
  const complete = useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      callNoReply('POST', '/auth/password-reset/complete', { body }),
    onError: fromServer,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = check(passwordResetCompleteBody, { token, password });
    if (body) complete.mutate(body);
  };

  const signInLink = (
    <Anchor component={Link} to="/sign-in">
      Go to sign in
    </Anchor>
  );

  if (complete.isSuccess) {
    // A new password never signs anyone in: the authenticator code is still needed.
    return (
      <PublicLayout title={text.title}>
        <Alert color="green" role="status" title="Password saved">
          {text.done}
        </Alert>
        {signInLink}
      </PublicLayout>
    );
  }

  const tokenUnusable = token.length < 20 || isApiError(complete.error, 'invalid_token');
  if (tokenUnusable) {
    return (
      <PublicLayout title={text.title}>
        <Alert color="red" title="This link cannot be used" role="alert">
          {isApiError(complete.error, 'invalid_token')
            ? complete.error.message
            : 'The link is incomplete. Open it again from your email, or copy the whole link into the address bar.'}{' '}
          {text.expired}
        </Alert>
        {signInLink}
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={text.title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>A long password is easier to remember and harder to guess than a short, complicated one: try three random words.</Text>
          <FormAlert error={complete.error} fieldErrors={fieldErrors} />
          <PasswordInput
            label="New password"
            description="At least 12 characters."
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            required
          />
          <Button type="submit" loading={complete.isPending}>
            Save password
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
