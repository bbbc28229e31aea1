import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Paper, Text } from '@mantine/core';
import type { z } from 'zod';
import type { RecordKind } from '../../shared/records.ts';
import { action as actionSchema, createActionBody } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { actionKeys } from './keys.ts';
import { londonDayAndTime, londonInstant } from './london.ts';
import { optionalNotes, ReminderFields, reminderLabels, type ReminderValues } from './ReminderFields.tsx';

/** A new reminder starts at the next full hour, in London. */
function blank(): ReminderValues {
  const next = new Date();
  next.setMinutes(60, 0, 0);
  return { title: '', notes: '', ...londonDayAndTime(next), recipientIds: [] };
}

interface Props {
  /** The record the person came from, when they set the reminder from it. */
  record: { kind: RecordKind; id: string } | null;
  onLeaveRecord: () => void;
}

export function NewReminderForm({ record, onLeaveRecord }: Props) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(blank);
  const errors = useFieldErrors(reminderLabels);
  const idempotency = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (body: z.infer<typeof createActionBody>) => call('POST', '/actions', actionSchema, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(actionKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['actions'] });
      notifySaved(`Reminder set for ${formatDateTime(saved.dueAt)}.`);
      idempotency.reset();
      setValues(blank());
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const dueAt = londonInstant(values.day, values.time);
    if (!dueAt) {
      errors.setFieldErrors({ dueAt: 'Enter the date and the time to be reminded' });
      return;
    }
    const body = errors.check(createActionBody, { title: values.title, notes: optionalNotes(values.notes), dueAt, recipientIds: values.recipientIds, record });
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      {record && (
        <Paper withBorder p="sm" bg="gray.0">
          <Group justify="space-between" gap="sm">
            <Text size="sm">On the {record.kind} you came from.</Text>
            <Button size="xs" variant="default" onClick={onLeaveRecord}>
              Not on a {record.kind}
            </Button>
          </Group>
        </Paper>
      )}
      <ReminderFields values={values} set={(field, value) => setValues((v) => ({ ...v, [field]: value }))} fieldErrors={errors.fieldErrors} />
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          Set reminder
        </Button>
      </Group>
    </Form>
  );
}
