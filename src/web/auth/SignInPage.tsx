import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { me as meSchema, type SignInBody } from '../../shared/api/auth.ts';
import { ssoOutcomeMessages, ssoStartReply, type SsoOutcome } from '../../shared/api/single-sign-on.ts';
import { call } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { isSafeReturn, type SignInState } from '../app/session.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import type { FieldErrors } from '../components/forms.ts';
import { PublicLayout } from '../components/PublicLayout.tsx';

const isOutcome = (value: string | null): value is Exclude<SsoOutcome, 'code'> => value !== null && value !== 'code' && Object.hasOwn(ssoOutcomeMessages, value);

export function SignInPage() {
  const [params] = useSearchParams();
  const outcome = params.get('sso');
  if (outcome === 'code') return <ProviderCodePage />;
  return <PasswordSignInPage outcome={isOutcome(outcome) ? outcome : null} />;
}

/** After the organisation's provider has confirmed who someone is: the Concord code, when it is still needed. */
function ProviderCodePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [totp, setTotp] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const finish = useMutation({
    mutationFn: (code: string) => call('POST', '/auth/sso/code', meSchema, { body: { totp: code } }),
    onSuccess: (me) => {
      queryClient.setQueryData(keys.me, me);
      void navigate('/', { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = totp.trim() ? {} : { totp: 'Enter the code from your authenticator app' };
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) finish.mutate(totp.trim());
  };
  return (
    <PublicLayout title="Enter your code">
      <Text>{ssoOutcomeMessages.code}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={finish.error} fieldErrors={fieldErrors} />
          <TextInput
            label="Authentication code"
            description="The 6-digit code from your authenticator app."
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            value={totp}
            onChange={(e) => setTotp(e.currentTarget.value)}
            error={fieldErrors.totp}
            required
          />
          <Button type="submit" loading={finish.isPending}>
            Continue
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm">
            Start again
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}

function PasswordSignInPage({ outcome }: { outcome: Exclude<SsoOutcome, 'code'> | null }) {
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

  // The provider's page is another site: the browser leaves Concord for it and comes back to the callback.
  const sso = useMutation({
    mutationFn: (address: string) => call('POST', '/auth/sso/start', ssoStartReply, { body: { email: address } }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  const startSso = () => {
    signIn.reset();
    const errors: FieldErrors = email.trim() ? {} : { email: 'Enter your email address' };
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) sso.mutate(email.trim());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    sso.reset();
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
      {outcome && !signIn.error && !sso.error && (
        <Alert color="red" title="You are not signed in" role="alert">
          {ssoOutcomeMessages[outcome]}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {/* Wrong details get one message that never says which detail was wrong. */}
          <FormAlert error={signIn.error ?? sso.error} fieldErrors={fieldErrors} />
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
          <Divider label="or" labelPosition="center" />
          <Text size="sm" id="sso-hint">
            If your organisation lets you use your work account, enter your email above and continue with it. No password is needed here.
          </Text>
          <Button type="button" variant="default" onClick={startSso} loading={sso.isPending} aria-describedby="sso-hint">
            Sign in with your organisation&apos;s account
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
