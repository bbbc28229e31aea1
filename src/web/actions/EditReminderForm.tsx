import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { action as actionSchema, updateActionBody, type Action } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { actionKeys } from './keys.ts';
import { londonInstant } from './london.ts';
import { optionalNotes, ReminderFields, reminderLabels, reminderValues, type ReminderValues } from './ReminderFields.tsx';

const compared: ComparedField<ReminderValues>[] = [
  { key: 'title', label: reminderLabels.title },
  { key: 'notes', label: reminderLabels.notes },
  { key: 'day', label: reminderLabels.day },
  { key: 'time', label: reminderLabels.time },
  { key: 'recipientIds', label: reminderLabels.recipientIds, show: (ids) => `${(ids as string[]).length} of your team` },
];

const sameSet = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();

export function EditReminderForm({ reminder, onDone }: { reminder: Action; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(reminder, reminderValues, actionSchema);
  const errors = useFieldErrors(reminderLabels);
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateActionBody>) => call('PATCH', `/actions/${reminder.id}`, actionSchema, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(actionKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['actions'] });
      notifySaved('Reminder saved.');
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const { title, notes, day, time, recipientIds } = form.values;
    const dueAt = londonInstant(day, time);
    if (!dueAt) {
      errors.setFieldErrors({ dueAt: 'Enter the date and the time to be reminded' });
      return;
    }
    // Only what changed is sent: an unchanged time must not set the reminder off again.
    const loaded = reminderValues(form.base);
    const changes: Record<string, unknown> = { version: form.base.version };
    if (title !== loaded.title) changes.title = title;
    if (notes !== loaded.notes) changes.notes = optionalNotes(notes);
    if (day !== loaded.day || time !== loaded.time) changes.dueAt = dueAt;
    if (!sameSet(recipientIds, loaded.recipientIds)) changes.recipientIds = recipientIds;
    const body = errors.check(updateActionBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={reminderValues} fieldErrors={errors.fieldErrors} />
      <ReminderFields values={form.values} set={form.set} fieldErrors={errors.fieldErrors} sharedWith={reminder.recipients} />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
