import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Checkbox, Code, Group, PasswordInput, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { connectionTest, mfaAmrValues, signInSettings, signInSettingsBody, type SignInSettings } from '../../../shared/api/single-sign-on.ts';
import { call, get } from '../../api/client.ts';
import { useOrganisations } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import type { ComparedField } from '../../components/changes.ts';
import { EditFormAlerts } from '../../components/EditFormAlerts.tsx';
import { Form } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../../components/useLeaveGuard.tsx';
import { useVersionedForm } from '../../components/useVersionedForm.ts';

const settingsKey = (organisationId: string) => ['organisation-sign-in', organisationId] as const;

const labels = {
  issuerUrl: 'Issuer URL',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  enabled: 'Staff may sign in with the organisation’s account',
  trustProviderMfa: 'Accept the provider’s second factor instead of the Concord code',
  mfaAcrValues: 'Authentication levels (acr) that count as a second factor',
  ssoOnly: 'Only through the organisation’s account: no passwords',
};

type Values = Omit<SignInSettings, 'organisation' | 'configured' | 'version' | 'clientSecretSet' | 'redirectUri'> & { clientSecret: string };
const valuesOf = (s: SignInSettings): Values => ({
  issuerUrl: s.issuerUrl,
  clientId: s.clientId,
  clientSecret: '',
  enabled: s.enabled,
  trustProviderMfa: s.trustProviderMfa,
  mfaAcrValues: s.mfaAcrValues,
  ssoOnly: s.ssoOnly,
});
const compared: ComparedField<Values>[] = [
  { key: 'issuerUrl', label: labels.issuerUrl },
  { key: 'clientId', label: labels.clientId },
  { key: 'enabled', label: labels.enabled },
  { key: 'trustProviderMfa', label: labels.trustProviderMfa },
  { key: 'mfaAcrValues', label: labels.mfaAcrValues, show: (v) => (Array.isArray(v) && v.length > 0 ? v.join(', ') : '(none)') },
  { key: 'ssoOnly', label: labels.ssoOnly },
];

function SettingsForm({ record }: { record: SignInSettings }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, valuesOf, signInSettings);
  const errors = useFieldErrors(labels);
  const guard = useLeaveGuard(changedFrom(valuesOf(form.base), form.values));
  const path = `/organisations/${record.organisation.id}/sign-in`;
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', path, signInSettings, { body }),
    onSuccess: (saved) => {
      guard.allow();
      queryClient.setQueryData(settingsKey(record.organisation.id), saved);
      notifySaved('Sign-in settings saved.');
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  const test = useMutation({ mutationFn: () => call('POST', `${path}/test`, connectionTest, { body: {} }) });
  const submit = () => {
    const { clientSecret, ...rest } = form.values;
    const body = errors.check(signInSettingsBody, { version: form.base.version, ...rest, ...(clientSecret ? { clientSecret } : {}) });
    if (body) save.mutate(body);
  };
  const { values } = form;
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <Box maw={640}>
        <Stack gap="md">
          <Text>
            Register Concord with your organisation&apos;s identity provider (for example Microsoft Entra ID or your force&apos;s own
            service) as a web application, with this redirect URI: <Code>{record.redirectUri}</Code>
          </Text>
          <TextInput
            type="url"
            label={labels.issuerUrl}
            description="The provider's issuer, whose /.well-known/openid-configuration Concord reads. An https:// address."
            required
            value={values.issuerUrl}
            onChange={(e) => form.set('issuerUrl', e.currentTarget.value)}
            error={errors.fieldErrors.issuerUrl}
          />
          <TextInput
            label={labels.clientId}
            required
            value={values.clientId}
            onChange={(e) => form.set('clientId', e.currentTarget.value)}
            error={errors.fieldErrors.clientId}
          />
          <PasswordInput
            label={labels.clientSecret}
            description={record.clientSecretSet
              ? 'A secret is saved; it is never shown. Leave this blank to keep it, or enter a new one to replace it.'
              : 'Given by the provider when Concord was registered. Kept encrypted and never shown again.'}
            required={!record.clientSecretSet}
            autoComplete="new-password"
            value={values.clientSecret}
            onChange={(e) => form.set('clientSecret', e.currentTarget.value)}
            error={errors.fieldErrors.clientSecret}
          />
          <Checkbox
            label={labels.enabled}
            description="Shown on the sign-in page as “Sign in with your organisation’s account”. Each person still needs a Concord account with the same email address."
            checked={values.enabled}
            onChange={(e) => form.set('enabled', e.currentTarget.checked)}
          />
          <Checkbox
            label={labels.trustProviderMfa}
            description={`When the provider says it asked for a second factor (its amr names one of ${mfaAmrValues.join(', ')}, or its acr is one listed below), nobody is asked for the code from their Concord authenticator app. Otherwise they still are.`}
            checked={values.trustProviderMfa}
            onChange={(e) => form.set('trustProviderMfa', e.currentTarget.checked)}
          />
          {values.trustProviderMfa && (
            <TagsInput
              label={labels.mfaAcrValues}
              description="Optional. Type a value and press Enter."
              value={values.mfaAcrValues}
              onChange={(v) => form.set('mfaAcrValues', v)}
              error={errors.fieldErrors.mfaAcrValues}
            />
          )}
          <Checkbox
            label={labels.ssoOnly}
            description="The organisation's staff cannot sign in with a password. System administrators still can, so nobody is locked out if the provider fails."
            checked={values.ssoOnly}
            onChange={(e) => form.set('ssoOnly', e.currentTarget.checked)}
          />
        </Stack>
      </Box>
      <Group justify="space-between">
        <Group>
          {record.configured && (
            <Button variant="default" onClick={() => test.mutate()} loading={test.isPending}>
              Test the connection
            </Button>
          )}
        </Group>
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Group>
      <FormAlert error={test.error} />
      {test.data && (
        <Alert color={test.data.ok ? 'green' : 'red'} role="status" title={test.data.ok ? 'The provider answered' : 'The connection failed'}>
          {test.data.message}
        </Alert>
      )}
      {guard.dialog}
    </Form>
  );
}

/** An organisation's single sign-on, kept by its own administrators and the partnership's system administrators. */
export function SignInSettingsPage() {
  const me = useMe();
  const systemAdmin = can(me, 'partnerships.manage');
  const organisations = useOrganisations(me.partnership.id, systemAdmin);
  const [organisationId, setOrganisationId] = useState<string | null>(me.organisation.id);
  const query = useQuery({
    queryKey: settingsKey(organisationId ?? ''),
    queryFn: () => get(`/organisations/${organisationId}/sign-in`, signInSettings),
    enabled: organisationId !== null,
  });
  return (
    <Page title="Single sign-on">
      <Text>
        Staff of an organisation with its own identity provider can sign in to Concord with their work account. Everyone else
        keeps their Concord password and authenticator app.
      </Text>
      {systemAdmin && (
        <Select
          label="Organisation"
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId}
          onChange={setOrganisationId}
          searchable
          allowDeselect={false}
          w={360}
        />
      )}
      <QueryStatus isPending={query.isPending && organisationId !== null} error={query.error} onRetry={() => void query.refetch()} label="Loading the sign-in settings" />
      {query.data && <SettingsForm key={`${query.data.organisation.id}-${query.data.version}`} record={query.data} />}
    </Page>
  );
}
