import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { intervention as interventionSchema, updateInterventionBody, type Intervention } from '../../shared/api/cases.ts';
import { callNoReply } from '../api/client.ts';
import { changedFields } from '../components/forms.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { useLookups } from '../records/lookups.ts';
import { InterventionFields } from './InterventionFields.tsx';
import { comparedInterventionFields, interventionInput, interventionLabels, interventionValues } from './interventionValues.ts';

interface Props {
  caseId: string;
  record: Intervention;
  onSaved: () => void;
  onCancel: () => void;
}

export function EditInterventionForm({ caseId, record, onSaved, onCancel }: Props) {
  const form = useVersionedForm(record, interventionValues, interventionSchema);
  const types = useLookups('intervention', { includeRetired: true });
  const typeName = (id: string | null) => (types.data?.items ?? []).find((t) => t.id === id)?.name ?? form.theirs?.interventionType.name ?? '(blank)';
  const errors = useFieldErrors(interventionLabels);
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateInterventionBody>) => callNoReply('PATCH', `/cases/${caseId}/interventions/${record.id}`, { body }),
    onSuccess: onSaved,
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const changes = changedFields(interventionInput(form.values), interventionInput(interventionValues(form.base)), form.base.version);
    const body = errors.check(updateInterventionBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={comparedInterventionFields(typeName)} valuesOf={interventionValues} fieldErrors={errors.fieldErrors} />
      <InterventionFields values={form.values} onChange={form.setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={onCancel} />
    </Form>
  );
}
