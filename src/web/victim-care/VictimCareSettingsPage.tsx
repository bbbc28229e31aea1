import { Box, Checkbox, Fieldset, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { victimCareSettings, victimCareSettingsBody, type VictimCareSettings } from '../../shared/api/victim-care.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { SettingsFooter, useSettingsForm } from '../components/SettingsForm.tsx';
import { useVictimCareSettings } from './api.ts';
import { victimCareKeys } from './keys.ts';
import { numberProblems, ranges, settingsBody, settingsLabels, settingsValues, type SettingsValues } from './settings.ts';

const yesNo = (value: unknown) => (value ? 'Yes' : 'No');
const compared: ComparedField<SettingsValues>[] = [
  ...(Object.keys(ranges) as (keyof typeof ranges)[]).map((key) => ({ key, label: settingsLabels[key] })),
  { key: 'useLocation', label: settingsLabels.useLocation, show: yesNo },
  { key: 'anyHateIncident', label: settingsLabels.anyHateIncident, show: yesNo },
];

interface DaysProps {
  field: keyof typeof ranges;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
}

function DaysInput({ field, value, onChange, error, description }: DaysProps) {
  const [min, max] = ranges[field];
  return (
    <NumberInput
      label={settingsLabels[field]}
      description={description}
      value={value}
      onChange={(v) => onChange(String(v))}
      error={error}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      hideControls
    />
  );
}

function SettingsForm({ record }: { record: VictimCareSettings }) {
  const { form, errors, guard, save } = useSettingsForm({
    record, valuesOf: settingsValues, schema: victimCareSettings, path: '/victim-care/settings', queryKey: victimCareKeys.settings, labels: settingsLabels, what: 'Victim care settings',
  });
  const set = (field: keyof SettingsValues, value: string | boolean) => form.setValues((v) => ({ ...v, [field]: value }));
  const days = (field: keyof typeof ranges) => ({ field, value: form.values[field], onChange: (v: string) => set(field, v), error: errors.fieldErrors[field] });
  const submit = () => {
    // Each number is checked under its own field first: the schema would name only the group it sits in.
    const problems = numberProblems(form.values);
    if (Object.keys(problems).length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    const body = errors.check(victimCareSettingsBody, settingsBody(form.values, form.base.version));
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={settingsValues} fieldErrors={errors.fieldErrors} />
      <Fieldset legend="Contact with victims">
        <Stack gap="md">
          <Text size="sm">
            How often a victim hears from someone, in days, by their risk level: a new contact plan takes this unless the officer sets another.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <DaysInput {...days('high')} />
            <DaysInput {...days('medium')} />
            <DaysInput {...days('standard')} />
            <DaysInput {...days('notAssessed')} />
          </SimpleGrid>
          <Box maw={480}>
            <DaysInput
              {...days('overdueGraceDays')}
              description="The case worker sees an overdue contact at once; the team's supervisors are told once it is this many days overdue."
            />
          </Box>
        </Stack>
      </Fieldset>
      <Fieldset legend="Community trigger (ASB case review)">
        <Stack gap="md">
          <Text size="sm">
            A victim is flagged, and the partnership&apos;s ASB coordinators told, when this many ASB complaints about them from any agency fall in the period
            (one incident reported to several agencies counts once). The Act&apos;s threshold is set locally; most areas use 3 in 6 months.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DaysInput {...days('complaints')} />
            <DaysInput {...days('months')} />
          </SimpleGrid>
          <Checkbox label={settingsLabels.useLocation} description="A local variant: complaints about one place the victim lives, whoever made them." checked={form.values.useLocation} onChange={(ev) => set('useLocation', ev.currentTarget.checked)} />
          {form.values.useLocation && (
            <Box maw={480}>
              <DaysInput {...days('locationComplaints')} />
            </Box>
          )}
          <Checkbox label={settingsLabels.anyHateIncident} description="A local variant: any hate incident in the period flags the victim." checked={form.values.anyHateIncident} onChange={(ev) => set('anyHateIncident', ev.currentTarget.checked)} />
        </Stack>
      </Fieldset>
      <SettingsFooter record={record} pending={save.isPending} />
      {guard.dialog}
    </Form>
  );
}

/** The partnership's victim care settings, kept by its system administrators. */
export function VictimCareSettingsPage() {
  const query = useVictimCareSettings();
  return (
    <Page title="Victim care settings">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the settings" />
      {query.data && <SettingsForm key={query.data.version} record={query.data} />}
    </Page>
  );
}
