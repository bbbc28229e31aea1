import { useMutation } from '@tanstack/react-query';
import { Textarea } from '@mantine/core';
import { agendaItem, minutesBody, type AgendaItem } from '../../shared/api/panels.ts';
import { call } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { notifySaved } from '../components/notify.ts';
import { useLeaveGuard, changedFrom } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { useMeetingRefresh } from './api.ts';
import { minutesLabels } from './labels.ts';

interface MinutesValues {
  text: string;
  risks: string;
}

const valuesOf = (item: AgendaItem): MinutesValues => ({ text: item.minutes ?? '', risks: item.risks ?? '' });
const compared: ComparedField<MinutesValues>[] = [
  { key: 'text', label: minutesLabels.text },
  { key: 'risks', label: minutesLabels.risks },
];

/**
 * The chair's minutes and the risks identified for one item. It sends the item's version, so a save
 * that crossed with another (a coordinator typing at the same time) shows both wordings to choose from.
 */
export function MinutesForm({ meetingId, item, onDone }: { meetingId: string; item: AgendaItem; onDone: () => void }) {
  const refresh = useMeetingRefresh(meetingId);
  const form = useVersionedForm(item, valuesOf, agendaItem);
  const errors = useFieldErrors(minutesLabels);
  const guard = useLeaveGuard(changedFrom(valuesOf(form.base), form.values));
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', `/meetings/${meetingId}/agenda/${item.id}/minutes`, agendaItem, { body }),
    onSuccess: () => {
      refresh();
      notifySaved(form.base.minutes || form.base.risks ? 'Minutes saved; the earlier wording is kept.' : 'Minutes saved.');
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const body = errors.check(minutesBody, { text: form.values.text, risks: form.values.risks.trim() || null, version: form.base.version });
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <Textarea
        label={minutesLabels.text}
        description="What the panel heard and decided about this case"
        value={form.values.text}
        onChange={(e) => form.set('text', e.currentTarget.value)}
        error={errors.fieldErrors.text}
        autosize
        minRows={4}
        data-autofocus
      />
      <Textarea
        label={minutesLabels.risks}
        value={form.values.risks}
        onChange={(e) => form.set('risks', e.currentTarget.value)}
        error={errors.fieldErrors.risks}
        autosize
        minRows={2}
      />
      <FormButtons submitLabel="Save minutes" pending={save.isPending} onCancel={onDone} />
      {guard.dialog}
    </Form>
  );
}
