import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ProfileMatch } from '../../shared/api/profiles.ts';
import { MatchList } from './MatchList.tsx';

interface Props {
  matches: ProfileMatch[] | null;
  pending: boolean;
  onBack: () => void;
  onConfirm: () => void;
}

/** Before a profile is created beside one that may be the same person: one person, one record. */
export function ConfirmCreate({ matches, pending, onBack, onConfirm }: Props) {
  return (
    <Modal opened={matches !== null} onClose={onBack} title="This person may already be on Concord" size="lg">
      {matches && (
        <Stack gap="md">
          <Text size="sm">
            A second profile for the same person splits what the agencies know about them. Open the existing profile, or ask
            for access to it, instead of creating another. Create a new one only if you are sure it is someone else.
          </Text>
          <MatchList matches={matches} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onBack} data-autofocus>
              Go back
            </Button>
            <Button color="orange" onClick={onConfirm} loading={pending}>
              Create anyway
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
