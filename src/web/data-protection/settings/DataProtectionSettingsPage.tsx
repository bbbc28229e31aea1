import { Checkbox, NumberInput, SimpleGrid } from '@mantine/core';
import { dataProtectionSettings, dataProtectionSettingsBody, type DataProtectionSettings } from '../../../shared/api/agreements.ts';
import type { ComparedField } from '../../components/changes.ts';
import { EditFormAlerts } from '../../components/EditFormAlerts.tsx';
import { Form } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { SettingsFooter, useSettingsForm } from '../../components/SettingsForm.tsx';
import { dataProtectionKeys, useDataProtectionSettings } from '../api.ts';

type NumberField = 'reviewReminderDays' | 'lawfulBasisReviewMonths' | 'downloadDays';

/** The settings as their form holds them: numbers as typed. */
interface Values extends Record<NumberField, string> {
  redactOtherAgencyStaff: boolean;
}

const labels: Record<keyof Values, string> = {
  reviewReminderDays: 'Days of notice before a review',
  lawfulBasisReviewMonths: 'Months before a lawful basis is reviewed',
  downloadDays: 'Days a subject access download stays open',
  redactOtherAgencyStaff: 'In subject access exports, name other agencies’ staff only by their organisation',
};

/** The range each number may take, as the server's schema holds it. */
const ranges: Record<NumberField, [min: number, max: number]> = { reviewReminderDays: [1, 90], lawfulBasisReviewMonths: [1, 60], downloadDays: [1, 60] };

const fields = Object.keys(ranges) as NumberField[];
const compared: ComparedField<Values>[] = (Object.keys(labels) as (keyof Values)[]).map((key) => ({
  key,
  label: labels[key],
  show: (value) => (typeof value === 'boolean' ? (value ? 'Yes' : 'No') : value),
}));
const valuesOf = (s: DataProtectionSettings): Values => ({
  reviewReminderDays: String(s.reviewReminderDays),
  lawfulBasisReviewMonths: String(s.lawfulBasisReviewMonths),
  downloadDays: String(s.downloadDays),
  redactOtherAgencyStaff: s.redactOtherAgencyStaff,
});

/** Each number out of its range, under its own field, before anything is sent. */
function numberProblems(v: Values): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const [min, max] = ranges[field];
    const n = Number(v[field]);
    if (v[field].trim() === '' || !Number.isInteger(n) || n < min || n > max) problems[field] = `${labels[field]}: give a whole number from ${min} to ${max}`;
  }
  return problems;
}

const descriptions: Record<keyof Values, string> = {
  reviewReminderDays: 'Those who keep a sharing agreement or a person’s lawful basis are told this many days before its review date.',
  lawfulBasisReviewMonths: 'A lawful basis recorded without a review date is due for review this many months later.',
  downloadDays: 'A subject access request’s ZIP can be downloaded for this many days once ready; then it is deleted.',
  redactOtherAgencyStaff: 'Staff of the organisation handling the request are named; others become “a member of staff of” their organisation.',
};

function SettingsForm({ record }: { record: DataProtectionSettings }) {
  const { form, errors, guard, save, canEdit } = useSettingsForm({
    record, valuesOf, schema: dataProtectionSettings, path: '/data-protection/settings', queryKey: dataProtectionKeys.settings, labels, what: 'Data protection settings',
  });
  const submit = () => {
    const problems = numberProblems(form.values);
    if (Object.keys(problems).length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    const body = errors.check(dataProtectionSettingsBody, {
      reviewReminderDays: Number(form.values.reviewReminderDays),
      lawfulBasisReviewMonths: Number(form.values.lawfulBasisReviewMonths),
      downloadDays: Number(form.values.downloadDays),
      redactOtherAgencyStaff: form.values.redactOtherAgencyStaff,
      version: form.base.version,
    });
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={820}>
        {fields.map((field) => (
          <NumberInput
            key={field}
            label={labels[field]}
            description={descriptions[field]}
            value={form.values[field]}
            onChange={(v) => form.set(field, String(v))}
            error={errors.fieldErrors[field]}
            min={ranges[field][0]}
            max={ranges[field][1]}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            readOnly={!canEdit}
          />
        ))}
      </SimpleGrid>
      <Checkbox
        label={labels.redactOtherAgencyStaff}
        description={descriptions.redactOtherAgencyStaff}
        checked={form.values.redactOtherAgencyStaff}
        onChange={(e) => form.set('redactOtherAgencyStaff', e.currentTarget.checked)}
        disabled={!canEdit}
      />
      <SettingsFooter record={record} pending={save.isPending} />
      {guard.dialog}
    </Form>
  );
}

/** The partnership's data protection settings, kept by its system administrators. */
export function DataProtectionSettingsPage() {
  const query = useDataProtectionSettings();
  return (
    <Page title="Data protection settings">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the settings" />
      {query.data && <SettingsForm key={query.data.version} record={query.data} />}
    </Page>
  );
}
