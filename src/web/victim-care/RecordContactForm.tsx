import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { recordContactBody, victimContact, type ContactPlan } from '../../shared/api/victim-care.ts';
import { contactChannelLabels, contactChannels, type ContactChannel } from '../../shared/victim-care.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { fromLondonClock, londonClock } from '../reports/londonTime.ts';
import { NotSafeIcon } from './Icons.tsx';
import { listText } from './labels.ts';
import { channelSafety, safetyWords } from './plan.ts';

const labels = { at: 'When', channel: 'How', reached: 'Did you reach them?', voicemailLeft: 'Left a voicemail', note: 'Note' };

interface Values {
  channel: ContactChannel | '';
  reached: '' | 'yes' | 'no';
  voicemailLeft: boolean;
  date: string;
  time: string;
  note: string;
}

const isSafe = (plan: ContactPlan, channel: ContactChannel) => {
  const field = channelSafety[channel];
  return field ? plan[field] : true;
};

/**
 * A contact with the victim, or an attempt that did not reach them. Channels the plan does not
 * mark safe cannot be chosen, and the form says why, so nothing is recorded as sent by them.
 */
export function RecordContactForm({ plan, onDone }: { plan: ContactPlan; onDone: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [start] = useState<Values>(() => ({ channel: '', reached: '', voicemailLeft: false, ...londonClock(new Date()), note: '' }));
  const [values, setValues] = useState(start);
  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const errors = useFieldErrors(labels);
  const guard = useLeaveGuard(changedFrom(start, values));
  const done = () => {
    guard.allow();
    onDone();
  };
  const save = useMutation({
    mutationFn: (body: unknown) => call('POST', `/profiles/${plan.profileId}/contacts`, victimContact, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      notifySaved(saved.reached ? 'Contact recorded: the next contact date has moved on.' : 'Attempt recorded. The contact is still due.');
      done();
    },
    onError: (error) => errors.fromServer(error),
  });
  const unsafe = contactChannels.filter((c) => !isSafe(plan, c));
  const submit = () => {
    const body = errors.check(
      recordContactBody,
      {
        at: fromLondonClock(values.date, values.time) ?? '',
        channel: values.channel,
        reached: values.reached === '' ? undefined : values.reached === 'yes',
        voicemailLeft: values.channel === 'phone' ? values.voicemailLeft : undefined,
        note: values.note.trim() || null,
      },
      { channel: 'Choose how you contacted them', reached: 'Say whether you reached them' },
      { at: fromLondonClock(values.date, values.time) ? null : 'Give the date and time of the contact' },
    );
    if (body) save.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <Group grow align="flex-start">
        <TextInput type="date" label="Date" required value={values.date} onChange={(e) => set('date', e.currentTarget.value)} error={errors.fieldErrors.at} />
        <TextInput type="time" label="Time" description="UK time" required value={values.time} onChange={(e) => set('time', e.currentTarget.value)} />
      </Group>
      <NativeSelect
        label={labels.channel}
        required
        value={values.channel}
        onChange={(e) => set('channel', e.currentTarget.value as ContactChannel | '')}
        error={errors.fieldErrors.channel}
        data={[
          { value: '', label: 'Choose how' },
          ...contactChannels.map((c) => ({ value: c, label: isSafe(plan, c) ? contactChannelLabels[c] : `${contactChannelLabels[c]} (not safe)`, disabled: !isSafe(plan, c) })),
        ]}
      />
      {unsafe.length > 0 && (
        <Group gap={6} wrap="nowrap" align="flex-start" c="red.9">
          <NotSafeIcon />
          <Text size="sm" fw={600}>
            The plan says {listText(unsafe.map((c) => safetyWords[channelSafety[c]!].toLowerCase()))} {unsafe.length === 1 ? 'is' : 'are'} not safe for this
            victim, so {unsafe.length === 1 ? 'it cannot' : 'they cannot'} be chosen. Change the plan first if the victim tells you otherwise.
          </Text>
        </Group>
      )}
      {values.channel === 'phone' && (
        <Checkbox
          label={labels.voicemailLeft}
          description={plan.safeToVoicemail ? undefined : 'Not safe: the plan says no voicemail for this victim.'}
          disabled={!plan.safeToVoicemail}
          checked={values.voicemailLeft}
          onChange={(e) => set('voicemailLeft', e.currentTarget.checked)}
          error={errors.fieldErrors.voicemailLeft}
        />
      )}
      <Radio.Group label={labels.reached} required value={values.reached} onChange={(v) => set('reached', v as Values['reached'])} error={errors.fieldErrors.reached}>
        <Stack gap="xs" mt="xs">
          <Radio value="yes" label="Yes: a contact" description="The next contact date moves on from this one." />
          <Radio value="no" label="No: an attempt" description="It is recorded, but the contact stays due." />
        </Stack>
      </Radio.Group>
      <Textarea label={labels.note} description="What was said or why they could not be reached. The victim may ask to see this record." value={values.note} onChange={(e) => set('note', e.currentTarget.value)} error={errors.fieldErrors.note} autosize minRows={2} maxRows={8} />
      <FormButtons submitLabel="Record it" pending={save.isPending} onCancel={done} />
      {guard.dialog}
    </Form>
  );
}
