import { NumberInput, SimpleGrid } from '@mantine/core';
import { insightSettings, insightSettingsBody, type InsightSettings } from '../../shared/api/insights.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { SettingsFooter, useSettingsForm } from '../components/SettingsForm.tsx';
import { useInsightSettings } from './api.ts';
import { insightKeys } from './keys.ts';

/** The settings as their form holds them: numbers as typed. */
interface Values {
  staleAfterDays: string;
  repeatVictimIncidents: string;
}

const labels: Record<keyof Values, string> = {
  staleAfterDays: 'Days without an update',
  repeatVictimIncidents: 'Incidents that make a repeat victim',
};

/** The range each number may take, as the server's schema holds it. */
const ranges: Record<keyof Values, [min: number, max: number]> = { staleAfterDays: [1, 365], repeatVictimIncidents: [2, 50] };

const fields = Object.keys(ranges) as (keyof Values)[];
const compared: ComparedField<Values>[] = fields.map((key) => ({ key, label: labels[key] }));
const valuesOf = (s: InsightSettings): Values => ({ staleAfterDays: String(s.staleAfterDays), repeatVictimIncidents: String(s.repeatVictimIncidents) });

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
  staleAfterDays: 'A person on an open case with nothing recorded for longer than this shows on the compliance view as not updated in time.',
  repeatVictimIncidents: 'A victim with at least this many ASB complaints and hate incidents in a dashboard’s period counts as a repeat victim.',
};

function SettingsForm({ record }: { record: InsightSettings }) {
  const { form, errors, guard, save, canEdit } = useSettingsForm({
    record, valuesOf, schema: insightSettings, path: '/insights/settings', queryKey: insightKeys.settings, labels, what: 'Insight settings',
  });
  const submit = () => {
    const problems = numberProblems(form.values);
    if (Object.keys(problems).length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    const body = errors.check(insightSettingsBody, {
      staleAfterDays: Number(form.values.staleAfterDays),
      repeatVictimIncidents: Number(form.values.repeatVictimIncidents),
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
      <SettingsFooter record={record} pending={save.isPending} />
      {guard.dialog}
    </Form>
  );
}

/** The partnership's insight settings, kept by its system administrators. */
export function InsightSettingsPage() {
  const query = useInsightSettings();
  return (
    <Page title="Insight settings">
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the settings" />
      {query.data && <SettingsForm key={query.data.version} record={query.data} />}
    </Page>
  );
}
