import { useMutation } from '@tanstack/react-query';
import { Text, Textarea } from '@mantine/core';
import { research as researchSchema, researchBody, type Research } from '../../shared/api/panels.ts';
import { call } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { useMeetingRefresh } from './api.ts';
import { researchLabels } from './labels.ts';

const written = researchSchema.pick({ version: true, known: true, opinion: true, withheld: true, withheldReason: true });
type Written = Pick<Research, 'version' | 'known' | 'opinion' | 'withheld' | 'withheldReason'>;
type ResearchValues = { known: string; opinion: string; withheld: string; withheldReason: string };

// Nothing written yet: version 0 stands for "none", and is not sent.
const nothingYet: Written = { version: 0, known: '', opinion: null, withheld: null, withheldReason: null };
const valuesOf = (r: Written): ResearchValues => ({ known: r.known, opinion: r.opinion ?? '', withheld: r.withheld ?? '', withheldReason: r.withheldReason ?? '' });
const compared: ComparedField<ResearchValues>[] = (Object.keys(researchLabels) as (keyof ResearchValues)[]).map((key) => ({ key, label: researchLabels[key] }));
const blankToNull = (s: string) => (s.trim() === '' ? null : s);

interface Props {
  meetingId: string;
  itemId: string;
  /** This agency's research on the item, when it has written some. */
  mine: Research | null;
  organisation: string;
  onDone: () => void;
}

/**
 * One agency's research for an agenda item, before the meeting: what its records hold (facts)
 * kept apart from its opinion, and what it holds but withheld, with the reason.
 */
export function ResearchForm({ meetingId, itemId, mine, organisation, onDone }: Props) {
  const refresh = useMeetingRefresh(meetingId);
  const form = useVersionedForm<Written, ResearchValues>(mine ?? nothingYet, valuesOf, written);
  const errors = useFieldErrors(researchLabels);
  const guard = useLeaveGuard(changedFrom(valuesOf(form.base), form.values));
  const save = useMutation({
    mutationFn: (body: unknown) => call('PUT', `/meetings/${meetingId}/agenda/${itemId}/research`, researchSchema, { body }),
    onSuccess: () => {
      refresh();
      notifySaved(`Research of ${organisation} saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const v = form.values;
    const body = errors.check(researchBody, {
      known: v.known,
      opinion: blankToNull(v.opinion),
      withheld: blankToNull(v.withheld),
      withheldReason: blankToNull(v.withheldReason),
      version: form.base.version > 0 ? form.base.version : undefined,
    }, {}, { withheldReason: v.withheld.trim() && !v.withheldReason.trim() ? 'Say why it was withheld' : null });
    if (body) save.mutate(body);
  };

  const set = (field: keyof ResearchValues) => (e: React.ChangeEvent<HTMLTextAreaElement>) => form.set(field, e.currentTarget.value);
  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <Text size="sm">Seen by the chair and by the members who may open this record.</Text>
      <Textarea
        label={researchLabels.known}
        description="What your agency's records hold: dates, incidents, contacts, orders. Facts only."
        value={form.values.known}
        onChange={set('known')}
        error={errors.fieldErrors.known}
        autosize
        minRows={3}
        data-autofocus
      />
      <Textarea label={researchLabels.opinion} description="Your agency's view, kept apart from the facts" value={form.values.opinion} onChange={set('opinion')} error={errors.fieldErrors.opinion} autosize minRows={2} />
      <Textarea
        label={researchLabels.withheld}
        description="Anything your agency holds but is not sharing here"
        value={form.values.withheld}
        onChange={set('withheld')}
        error={errors.fieldErrors.withheld}
        autosize
        minRows={2}
      />
      <Textarea
        label={researchLabels.withheldReason}
        description="Needed when something is withheld"
        value={form.values.withheldReason}
        onChange={set('withheldReason')}
        error={errors.fieldErrors.withheldReason}
        autosize
        minRows={2}
      />
      <FormButtons submitLabel="Save research" pending={save.isPending} onCancel={onDone} />
      {guard.dialog}
    </Form>
  );
}
