import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { enrolBody, enrolment, me as meSchema } from '../../shared/api/auth.ts';
import { call, get } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { isSafeReturn, useMeQuery } from '../app/session.ts';
import { SignOutButton } from '../app/SignOutButton.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';

/** "JBSWY3DPEHPK3PXP" as "JBSW Y3DP EHPK 3PXP": easier to type into a phone without losing place. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function EnrolmentPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = (useLocation().state as { next?: string } | null)?.next ?? null;
  const { data: me } = useMeQuery();
  // Each request may issue a new secret, so the one on screen must not be swapped under the person.
  const setup = useQuery({
    queryKey: keys.enrolment,
    queryFn: () => get('/auth/enrolment', enrolment),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    enabled: me?.enrolmentRequired === true,
  });
  const [code, setCode] = useState('');
  const { fieldErrors, check, fromServer } = useFieldErrors({ totp: 'Authentication code' });

  const confirm = useMutation({
    mutationFn: (body: { totp: string }) => call('POST', '/auth/enrolment', meSchema, { body }),
    onSuccess: (fullMe) => {
      queryClient.setQueryData(keys.me, fullMe);
      queryClient.removeQueries({ queryKey: keys.enrolment });
      void navigate(isSafeReturn(next) ? next : '/', { replace: true });
    },
    onError: fromServer,
  });

  if (me && !me.enrolmentRequired) return <Navigate to="/" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = check(enrolBody, { totp: code });
    if (body) confirm.mutate(body);
  };

  return (
    <PublicLayout title="Set up your authenticator app" width={560}>
      <Text>
        Concord asks for a code from an authenticator app each time you sign in, so that your password
        alone is not enough to open people&apos;s records. You only need to do this once.
      </Text>
      <QueryStatus isPending={setup.isPending} error={setup.error} onRetry={() => void setup.refetch()} label="Loading your setup key" />
      {setup.data && (
        <Stack gap="md">
          <List type="ordered" spacing="xs">
            <List.Item>Open an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.</List.Item>
            <List.Item>Add an account in the app and scan this QR code, or type in the setup key below it.</List.Item>
            <List.Item>Enter the 6-digit code the app shows for Concord, then choose Confirm.</List.Item>
          </List>
          <Image
            src={setup.data.qrCodeDataUrl}
            alt="QR code to add Concord to your authenticator app"
            w={200}
            h={200}
            fit="contain"
          />
          <Stack gap={4}>
            <Text fw={600} id="setup-key-label">
              Setup key
            </Text>
            <Text size="sm" c="dimmed">
              If you cannot scan the QR code, type this key into the app. It is not case sensitive.
            </Text>
            <div aria-labelledby="setup-key-label" role="group">
              <CopyField value={setup.data.secret} display={grouped(setup.data.secret)} copyLabel="Copy the setup key" />
            </div>
          </Stack>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <FormAlert error={confirm.error} fieldErrors={fieldErrors} />
              <TextInput
                label="Authentication code"
                description="The 6-digit code your authenticator app shows for Concord."
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={10}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={fieldErrors.totp}
                required
              />
              <Group justify="space-between">
                <Button type="submit" loading={confirm.isPending}>
                  Confirm
                </Button>
                <SignOutButton variant="default" />
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
    </PublicLayout>
  );
}
