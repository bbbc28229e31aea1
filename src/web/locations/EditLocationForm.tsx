import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { location as locationSchema, updateLocationBody, type Location } from '../../shared/api/locations.ts';
import { call } from '../api/client.ts';
import { changedFields } from '../components/forms.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { locationKeys } from './keys.ts';
import { comparedLocationFields, locationLabels, placeName } from './labels.ts';
import { LocationFields } from './LocationFields.tsx';
import { coordinateErrors, locationInput, locationValues } from './values.ts';

export function EditLocationForm({ record, onDone }: { record: Location; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, locationValues, locationSchema);
  const errors = useFieldErrors(locationLabels);
  const guard = useLeaveGuard(changedFrom(locationValues(form.base), form.values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateLocationBody>) => call('PATCH', `/locations/${record.id}`, locationSchema, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(locationKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['locations'] });
      notifySaved(`${placeName(saved)} saved.`);
      done();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const coordinates = coordinateErrors(form.values);
    if (Object.keys(coordinates).length > 0) {
      errors.setFieldErrors(coordinates);
      return;
    }
    const changes = changedFields(locationInput(form.values), locationInput(locationValues(form.base)), form.base.version);
    const body = errors.check(updateLocationBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={comparedLocationFields} valuesOf={locationValues} fieldErrors={errors.fieldErrors} />
      <LocationFields values={form.values} onChange={form.setValues} fieldErrors={errors.fieldErrors} />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}
