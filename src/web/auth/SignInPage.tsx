import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { me as meSchema, type SignInBody } from '../../shared/api/auth.ts';
import { call } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { isSafeReturn, type SignInState } from '../app/session.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import type { FieldErrors } from '../components/forms.ts';
import { PublicLayout } from '../components/PublicLayout.tsx';

export function SignInPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const notice = (useLocation().state as SignInState | null)?.message;
  const next = params.get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const signIn = useMutation({
    mutationFn: (body: SignInBody) => call('POST', '/auth/sign-in', meSchema, { body }),
    onSuccess: (me) => {
      queryClient.setQueryData(keys.me, me);
      const returnTo = isSafeReturn(next) ? next : '/';
      if (me.enrolmentRequired) void navigate('/enrolment', { replace: true, state: { next: returnTo } });
      else void navigate(returnTo, { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    signIn.mutate({ email: email.trim(), password, totp: totp.trim() || undefined });
  };

  return (
    <PublicLayout title="Sign in">
      {notice && !signIn.error && (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {/* Wrong details get one message that never says which detail was wrong. */}
          <FormAlert error={signIn.error} fieldErrors={fieldErrors} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            required
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            required
          />
          <TextInput
            label="Authentication code"
            description="The 6-digit code from your authenticator app. Leave blank if you are signing in for the first time."
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            value={totp}
            onChange={(e) => setTotp(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
