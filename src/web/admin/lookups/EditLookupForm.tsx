import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { lookup as lookupSchema, updateLookupBody, type Lookup } from '../../../shared/api/records.ts';
import { call } from '../../api/client.ts';
import { EditFormAlerts } from '../../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../../components/Form.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { comparedLookupFields, lookupErrorsFromApi, lookupLabels, lookupValues, optional } from './fields.ts';
import { LookupFields } from './LookupFields.tsx';
import { decodeShares, levelLabels, sharingBody, useSharingChoices } from './sharing.ts';

export function EditLookupForm({ record, onDone }: { record: Lookup; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, lookupValues, lookupSchema);
  const errors = useFieldErrors(lookupLabels);
  const { choices } = useSharingChoices(record.list === 'case_type');
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateLookupBody>) => call('PATCH', `/lookups/${record.id}`, lookupSchema, { body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['lookups'] });
      notifySaved(`“${saved.name}” saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.setFieldErrors(lookupErrorsFromApi(error));
    },
  });

  const describeSharing = (encoded: string) => {
    const shares = decodeShares(encoded);
    if (shares.length === 0) return 'Not shared';
    return shares.map((s) => `${choices.find((c) => c.value === s.target)?.label ?? 'A team'}: ${levelLabels[s.level].toLowerCase()}`).join('; ');
  };

  const submit = () => {
    // Only what changed is sent, so a save never rewrites what someone else changed meanwhile.
    const loaded = lookupValues(form.base);
    const { values } = form;
    const changes: Record<string, unknown> = { version: form.base.version };
    if (values.name !== loaded.name) changes.name = values.name;
    if (values.groupName !== loaded.groupName) changes.groupName = optional(values.groupName);
    if (values.code !== loaded.code) changes.code = optional(values.code);
    if (values.sharing !== loaded.sharing) changes.defaultSharing = sharingBody(decodeShares(values.sharing));
    if (Object.keys(changes).length === 1) {
      onDone();
      return;
    }
    const body = errors.check(updateLookupBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={comparedLookupFields(describeSharing)} valuesOf={lookupValues} fieldErrors={errors.fieldErrors} />
      <LookupFields list={record.list} values={form.values} set={form.set} fieldErrors={errors.fieldErrors} withKey={false} />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
