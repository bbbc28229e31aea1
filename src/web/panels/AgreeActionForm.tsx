import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Text, Textarea, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { agendaActionCreated, createAgendaActionBody } from '../../shared/api/panels.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { AssigneePicker, assigneeBody, type AssigneeValue } from '../tasks/AssigneePicker.tsx';
import { useMeetingRefresh } from './api.ts';
import { actionLabels } from './labels.ts';

interface Props {
  meetingId: string;
  itemId: string;
  onDone: () => void;
}

/** An action the panel agreed on an item: it becomes a task on the item's record for a person, team or agency. */
export function AgreeActionForm({ meetingId, itemId, onDone }: Props) {
  const refresh = useMeetingRefresh(meetingId);
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(actionLabels);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [assignee, setAssignee] = useState<AssigneeValue>({ kind: 'organisation', id: null });

  const agree = useMutation({
    mutationFn: (body: z.infer<typeof createAgendaActionBody>) =>
      call('POST', `/meetings/${meetingId}/agenda/${itemId}/actions`, agendaActionCreated, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      refresh();
      notifySaved('Action agreed; it is set as a task.');
      onDone();
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(
      createAgendaActionBody,
      { title, description: description.trim() || null, assignee: assigneeBody(assignee), dueDate },
      { dueDate: 'Give the date it is due by' },
      { assignee: assignee.id ? null : 'Choose who does it' },
    );
    if (body) agree.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={agree.error} fieldErrors={errors.fieldErrors} />
      <TextInput
        label={actionLabels.title}
        description="A short line, e.g. “Fit a door viewer”. It goes in the email to whoever does it: never put a person’s name in it."
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.fieldErrors.title}
        maxLength={200}
        required
        data-autofocus
      />
      <Textarea label={actionLabels.description} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.fieldErrors.description} autosize minRows={2} />
      <AssigneePicker value={assignee} onChange={setAssignee} error={errors.fieldErrors.assignee} />
      <TextInput label={actionLabels.dueDate} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={errors.fieldErrors.dueDate} required w={200} />
      <Text size="sm" c="dimmed">
        The task goes on the item&apos;s record. Whoever it is for sees the task even if they cannot open the record.
      </Text>
      <FormButtons submitLabel="Agree action" pending={agree.isPending} onCancel={onDone} />
    </Form>
  );
}
