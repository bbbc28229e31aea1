import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { interventionStatusLabels, interventionStatuses, type InterventionStatus } from '../../shared/records.ts';
import type { FieldErrors } from '../components/forms.ts';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import { interventionLabels, type InterventionFormValues } from './interventionValues.ts';

const statusOptions = interventionStatuses.map((s) => ({ value: s, label: interventionStatusLabels[s] }));

interface Props {
  values: InterventionFormValues;
  onChange: (values: InterventionFormValues) => void;
  fieldErrors: FieldErrors;
}

export function InterventionFields({ values, onChange, fieldErrors }: Props) {
  const set = <K extends keyof InterventionFormValues>(field: K, value: InterventionFormValues[K]) => onChange({ ...values, [field]: value });
  // Retired types too, so a step of a type since retired keeps its name; only the chosen one is offered.
  const types = useLookups('intervention', { includeRetired: true });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={interventionLabels.interventionType}
          description="The step in the ASB toolkit"
          data={lookupOptions(types.data?.items ?? [], values.interventionType ? [values.interventionType] : [])}
          value={values.interventionType}
          onChange={(id) => set('interventionType', id)}
          error={fieldErrors.interventionType}
          searchable
          allowDeselect={false}
          required
          data-autofocus
        />
        <Select
          label={interventionLabels.status}
          data={statusOptions}
          value={values.status}
          onChange={(status) => status && set('status', status as InterventionStatus)}
          error={fieldErrors.status}
          allowDeselect={false}
          required
        />
        <TextInput label={interventionLabels.startDate} type="date" value={values.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={fieldErrors.startDate} />
        <TextInput label={interventionLabels.endDate} type="date" value={values.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={fieldErrors.endDate} />
      </SimpleGrid>
      <TextInput label={interventionLabels.outcome} value={values.outcome} onChange={(e) => set('outcome', e.currentTarget.value)} error={fieldErrors.outcome} autoComplete="off" />
      <Textarea label={interventionLabels.notes} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={fieldErrors.notes} autosize minRows={2} maxRows={8} />
    </>
  );
}
