import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { callNoReply } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { portalKeys } from './keys.ts';

/** Ends the client's access at once, after asking: they are signed out wherever they are. */
export function EndAccessButton({ profileId, firstName }: { profileId: string; firstName: string }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const end = useMutation({
    mutationFn: () => callNoReply('DELETE', `/profiles/${profileId}/portal-access`),
    onSuccess: () => {
      setAsking(false);
      void queryClient.invalidateQueries({ queryKey: portalKeys.access(profileId) });
      notifySaved(`${firstName}'s access to the portal has ended.`);
    },
  });
  const close = () => {
    setAsking(false);
    end.reset();
  };
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setAsking(true)}>
        End access
      </Button>
      <Modal opened={asking} onClose={close} title={`End ${firstName}'s access to the portal?`}>
        <Stack gap="md">
          <FormAlert error={end.error} />
          <Text size="sm">
            They are signed out at once and cannot sign in again unless someone invites them again. The conversation stays on this profile for
            your team.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Keep access
            </Button>
            <Button color="red" loading={end.isPending} onClick={() => end.mutate()}>
              End access
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
