import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Group, Paper, Stack, Text, Textarea, Button } from '@mantine/core';
import { referralNote, referralNoteBody, type Referral } from '../../shared/api/referrals.ts';
import { call } from '../api/client.ts';
import { formatDateTime } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { Section } from '../records/Section.tsx';
import { referralKeys } from './keys.ts';

/** The team's notes while it triages: kept with the referral, readable only on the desk. */
export function ReferralNotes({ referral }: { referral: Referral }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const errors = useFieldErrors({ text: 'The note' });
  const add = useMutation({
    mutationFn: (body: unknown) => call('POST', `/referrals/${referral.id}/notes`, referralNote, { body }),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: referralKeys.one(referral.id) });
    },
    onError: errors.fromServer,
  });
  const submit = () => {
    const body = errors.check(referralNoteBody, { text });
    if (body) add.mutate(body);
  };
  return (
    <Section title="Notes">
      {referral.notes.length === 0 ? (
        <Text size="sm">No notes yet.</Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notes">
          {referral.notes.map((n) => (
            <Paper component="li" key={n.id} withBorder p="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {n.author.name}, {formatDateTime(n.createdAt)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {referral.permissions.canWork && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <FormAlert error={add.error} fieldErrors={errors.fieldErrors} />
            <Textarea label="Add a note" autosize minRows={2} maxLength={10_000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.fieldErrors.text} />
            <Group justify="flex-end">
              <Button type="submit" variant="default" loading={add.isPending}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
