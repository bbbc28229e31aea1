import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Select } from '@mantine/core';
import type { z } from 'zod';
import { linkProfileBody } from '../../shared/api/cases.ts';
import type { SearchResult } from '../../shared/api/search.ts';
import { profileRoleLabels, profileRoles, type ProfileRole } from '../../shared/records.ts';
import { callNoReply } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { RecordPicker } from './RecordPicker.tsx';

const roleOptions = profileRoles.map((r) => ({ value: r, label: profileRoleLabels[r] }));
const labels = { profileId: 'Person', role: 'Role in this case' };

interface Props {
  caseId: string;
  linked: string[];
  onAdded: (name: string, role: ProfileRole) => void;
  onCancel: () => void;
}

export function AddProfileForm({ caseId, linked, onAdded, onCancel }: Props) {
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const [chosen, setChosen] = useState<SearchResult | null>(null);
  const [role, setRole] = useState<ProfileRole | null>(null);
  const add = useMutation({
    mutationFn: (body: z.infer<typeof linkProfileBody>) =>
      callNoReply('POST', `/cases/${caseId}/profiles`, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (_, body) => {
      idempotency.reset();
      onAdded(chosen?.title ?? 'The person', body.role);
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(linkProfileBody, { profileId: chosen?.id ?? '', role: role ?? '' }, { profileId: 'Choose a person from the results', role: 'Choose their role in this case' });
    if (body) add.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={add.error} fieldErrors={errors.fieldErrors} />
      <RecordPicker
        kind="profile"
        label="Search people"
        description="Name, date of birth or an alias"
        linked={linked}
        chosen={chosen}
        onChoose={setChosen}
        error={errors.fieldErrors.profileId}
      />
      <Select
        label={labels.role}
        data={roleOptions}
        value={role}
        onChange={(value) => setRole(value as ProfileRole | null)}
        error={errors.fieldErrors.role}
        allowDeselect={false}
        required
      />
      <FormButtons submitLabel="Add to case" pending={add.isPending} onCancel={onCancel} />
    </Form>
  );
}
