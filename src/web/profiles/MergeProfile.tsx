import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Text, Textarea } from '@mantine/core';
import { mergeProfilesBody, type Profile, type ProfileSummary } from '../../shared/api/profiles.ts';
import { callNoReply } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { fullName } from './labels.ts';
import { ProfilePicker } from './ProfilePicker.tsx';

const labels = { duplicateId: 'Duplicate profile', reason: 'Reason' };

function MergeForm({ profile: p, onDone }: { profile: Profile; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [duplicate, setDuplicate] = useState<ProfileSummary | null>(null);
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(labels);
  const merge = useMutation({
    mutationFn: (body: { duplicateId: string; reason: string }) => callNoReply('POST', `/profiles/${p.id}/merge`, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      notifySaved(`${duplicate ? fullName(duplicate) : 'The duplicate'} merged into this profile.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const body = errors.check(mergeProfilesBody, { duplicateId: duplicate?.id ?? '', reason }, { duplicateId: 'Choose the duplicate profile' });
    if (body) merge.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <Text size="sm">
        The duplicate is folded into {fullName(p)}; afterwards it only points here. Check that both profiles are the same
        person first: a merge cannot be undone from this screen.
      </Text>
      <FormAlert error={merge.error} fieldErrors={errors.fieldErrors} />
      <ProfilePicker label={labels.duplicateId} value={duplicate} onChange={setDuplicate} excludeId={p.id} error={errors.fieldErrors.duplicateId} />
      {duplicate && (
        <Alert color="orange" title="Check it is the same person">
          {fullName(duplicate)} will be merged into {fullName(p)}.
        </Alert>
      )}
      <Textarea
        label={labels.reason}
        description="Why these are the same person, for the record's history."
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors.reason}
        autosize
        minRows={2}
        maxLength={1000}
        required
      />
      <FormButtons submitLabel="Merge profiles" pending={merge.isPending} onCancel={onDone} danger />
    </Form>
  );
}

/** For team admins: fold a duplicate of this person into this profile. */
export function MergeProfileButton({ profile }: { profile: Profile }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Merge a duplicate
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Merge a duplicate into this profile" size="lg">
        {open && <MergeForm profile={profile} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
