import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SimpleGrid, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { createMeetingBody, meeting } from '../../shared/api/panels.ts';
import { londonInstant } from '../actions/london.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { meetingKeys, panelKeys } from './keys.ts';
import { meetingLabels } from './labels.ts';

/** A meeting of the panel: when, and where or online. The agenda is built on the meeting's page. */
export function ArrangeMeetingForm({ panelId, onDone }: { panelId: string; onDone: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(meetingLabels);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const [place, setPlace] = useState('');
  const [onlineLink, setOnlineLink] = useState('');

  const create = useMutation({
    mutationFn: (body: z.infer<typeof createMeetingBody>) => call('POST', '/meetings', meeting, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      queryClient.setQueryData(meetingKeys.one(created.id), created);
      void queryClient.invalidateQueries({ queryKey: panelKeys.all });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      notifySaved('Meeting arranged.');
      void navigate(`/meetings/${created.id}`);
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const startsAt = londonInstant(day, time);
    const body = errors.check(
      createMeetingBody,
      { panelId, startsAt: startsAt ?? '', place: place.trim() || null, onlineLink: onlineLink.trim() || null },
      {},
      { startsAt: startsAt ? null : 'Give the date and time of the meeting' },
    );
    if (body) create.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label={meetingLabels.day} type="date" required value={day} onChange={(e) => setDay(e.currentTarget.value)} error={errors.fieldErrors.startsAt} data-autofocus />
        <TextInput label={meetingLabels.time} description="UK time" type="time" required value={time} onChange={(e) => setTime(e.currentTarget.value)} />
      </SimpleGrid>
      <TextInput label={meetingLabels.place} description="Room and building, if it meets in person" value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={errors.fieldErrors.place} maxLength={500} />
      <TextInput
        label={meetingLabels.onlineLink}
        description="The link to join, if it meets online"
        type="url"
        value={onlineLink}
        onChange={(e) => setOnlineLink(e.currentTarget.value)}
        error={errors.fieldErrors.onlineLink}
        maxLength={2000}
      />
      <FormButtons submitLabel="Arrange meeting" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}
