import { Box, Stack, TextInput } from '@mantine/core';
import { portalSettings, portalSettingsBody, type PortalSettings } from '../../shared/api/portal.ts';
import { defaultExitUrl, defaultPortalName } from '../../shared/portal.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { SettingsFooter, useSettingsForm } from '../components/SettingsForm.tsx';
import { usePortalSettings } from './api.ts';
import { portalKeys } from './keys.ts';

const labels = { serviceName: 'Name of the portal', exitUrl: 'Where “Exit this page” goes' };
type Values = { serviceName: string; exitUrl: string };
const valuesOf = (s: PortalSettings): Values => ({ serviceName: s.serviceName, exitUrl: s.exitUrl });
const compared: ComparedField<Values>[] = [
  { key: 'serviceName', label: labels.serviceName },
  { key: 'exitUrl', label: labels.exitUrl },
];

function SettingsForm({ record }: { record: PortalSettings }) {
  const { form, errors, guard, save, canEdit } = useSettingsForm({
    record, valuesOf, schema: portalSettings, path: '/portal-settings', queryKey: portalKeys.settings, labels, what: 'Portal settings',
  });
  const submit = () => {
    const body = errors.check(portalSettingsBody, { version: form.base.version, ...form.values });
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <Box maw={560}>
        <Stack gap="md">
          <TextInput
            label={labels.serviceName}
            description={`Clients see it in the portal's page titles and header, and every email and text message they get from Concord names it, and nothing else: choose a name that does not say what the service is for, because someone else may read their phone. The sign-in pages always say “${defaultPortalName}”.`}
            required
            readOnly={!canEdit}
            value={form.values.serviceName}
            onChange={(e) => form.set('serviceName', e.currentTarget.value)}
            error={errors.fieldErrors.serviceName}
          />
          <TextInput
            type="url"
            label={labels.exitUrl}
            description={`The neutral site that replaces the portal at once when a client presses “Exit this page”. An https:// address; Concord's default is ${defaultExitUrl}.`}
            required
            readOnly={!canEdit}
            value={form.values.exitUrl}
            onChange={(e) => form.set('exitUrl', e.currentTarget.value)}
            error={errors.fieldErrors.exitUrl}
          />
        </Stack>
      </Box>
      <SettingsFooter record={record} pending={save.isPending} />
      {guard.dialog}
    </Form>
  );
}

/** How the client portal presents itself to the partnership's clients, kept by its system administrators. */
export function PortalSettingsPage() {
  const query = usePortalSettings();
  return (
    <Page title="Portal settings">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the settings" />
      {query.data && <SettingsForm key={query.data.version} record={query.data} />}
    </Page>
  );
}
