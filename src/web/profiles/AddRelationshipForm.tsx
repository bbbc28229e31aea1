import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Select, Textarea } from '@mantine/core';
import { createRelationshipBody, type ProfileSummary } from '../../shared/api/profiles.ts';
import { relationshipKinds, relationshipLabels, type RelationshipKind } from '../../shared/records.ts';
import { callNoReply } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { fullName } from './labels.ts';
import { ProfilePicker } from './ProfilePicker.tsx';

const labels = { otherProfileId: 'The other person', kind: 'Relationship', notes: 'Notes' };

/** Each kind read from this person's side; one-way kinds (parent, carer) offer both directions. */
const kindOptions = relationshipKinds.flatMap((kind) => {
  const { from, to } = relationshipLabels[kind];
  const options = [{ value: `${kind}:from`, label: from }];
  if (to !== from) options.push({ value: `${kind}:to`, label: to });
  return options;
});

export function AddRelationshipForm({ profileId, name, onDone }: { profileId: string; name: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [other, setOther] = useState<ProfileSummary | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const errors = useFieldErrors(labels);
  const idempotency = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      callNoReply('POST', `/profiles/${profileId}/relationships`, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      notifySaved(`Relationship with ${other ? fullName(other) : 'them'} added.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const [k, direction] = (kind ?? '').split(':');
    const body = errors.check(
      createRelationshipBody,
      { otherProfileId: other?.id ?? '', kind: (k || undefined) as RelationshipKind | undefined, direction, notes: notes.trim() || null },
      { otherProfileId: 'Choose the other person', kind: 'Choose how they are related' },
    );
    if (body) add.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={add.error} fieldErrors={errors.fieldErrors} />
      <ProfilePicker label={labels.otherProfileId} value={other} onChange={setOther} excludeId={profileId} error={errors.fieldErrors.otherProfileId} />
      <Select
        label={labels.kind}
        description={`${name} is …`}
        data={kindOptions}
        value={kind}
        onChange={setKind}
        error={errors.fieldErrors.kind ?? errors.fieldErrors.direction}
        required
      />
      <Textarea label={labels.notes} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.fieldErrors.notes} autosize minRows={2} maxLength={500} />
      <FormButtons submitLabel="Add relationship" pending={add.isPending} onCancel={onDone} />
    </Form>
  );
}
