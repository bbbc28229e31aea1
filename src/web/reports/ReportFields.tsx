import { Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { reportLabels } from '../../shared/labels/reports.ts';
import { visibilities, visibilityLabels, type Visibility } from '../../shared/work.ts';
import type { FieldErrors } from '../components/forms.ts';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import { ReportEditor } from './ReportEditor.tsx';

export interface ReportValues {
  reportType: string;
  date: string;
  time: string;
  body: string;
  visibility: Visibility;
}

export { reportLabels };

interface Props {
  values: ReportValues;
  onChange: (values: ReportValues) => void;
  fieldErrors: FieldErrors;
  /** Shown even when retired, so editing an old report keeps its type's name. */
  currentTypeId?: string;
}

export function ReportFields({ values, onChange, fieldErrors, currentTypeId }: Props) {
  const types = useLookups('report_type', { includeRetired: Boolean(currentTypeId) });
  const set = <K extends keyof ReportValues>(field: K, value: ReportValues[K]) => onChange({ ...values, [field]: value });
  return (
    <Stack gap="md">
      <Select
        label={reportLabels.reportType}
        required
        data={lookupOptions(types.data?.items ?? [], currentTypeId ? [currentTypeId] : [])}
        value={values.reportType || null}
        onChange={(v) => set('reportType', v ?? '')}
        error={fieldErrors.reportType}
        placeholder="Choose a type"
        allowDeselect={false}
      />
      <Group grow align="flex-start">
        <TextInput type="date" label={reportLabels.date} required value={values.date} onChange={(e) => set('date', e.currentTarget.value)} error={fieldErrors.occurredAt} />
        <TextInput type="time" label={reportLabels.time} description="UK time" required value={values.time} onChange={(e) => set('time', e.currentTarget.value)} />
      </Group>
      <ReportEditor label={reportLabels.body} value={values.body} onChange={(html) => set('body', html)} error={fieldErrors.body} />
      <Radio.Group label={reportLabels.visibility} required value={values.visibility} onChange={(v) => set('visibility', v as Visibility)} error={fieldErrors.visibility}>
        <Stack gap="xs" mt="xs">
          {visibilities.map((v) => <Radio key={v} value={v} label={visibilityLabels[v]} />)}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
