import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { messageOf } from '../api/errors.ts';
import { notifyProblem, notifySaved } from '../components/notify.ts';
import { useDiscardDraft } from './api.ts';

/** Throws a draft away, after asking: the team's answers go with it. */
export function AssessmentDiscard({ id, onDiscarded }: { id: string; onDiscarded: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const discard = useDiscardDraft(id);
  if (!confirming) {
    return <Button variant="subtle" color="red" c="red.9" onClick={() => setConfirming(true)}>Discard draft</Button>;
  }
  return (
    <Stack gap="xs" role="group" aria-label="Discard the draft">
      <Text size="sm">Discard this draft? Its answers cannot be got back.</Text>
      <Group gap="xs">
        <Button variant="default" onClick={() => setConfirming(false)}>Keep it</Button>
        <Button
          color="red.8"
          loading={discard.isPending}
          onClick={() => discard.mutate(undefined, {
            onSuccess: () => {
              notifySaved('Draft discarded.');
              onDiscarded();
            },
            onError: (error) => notifyProblem('The draft was not discarded', messageOf(error)),
          })}
        >
          Discard
        </Button>
      </Group>
    </Stack>
  );
}
