import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { appointment, type Appointment } from '../../shared/api/portal.ts';
import { call } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { whenText } from './appointment.ts';
import { portalKeys } from './keys.ts';

/** Cancels an appointment after asking; the client sees it as cancelled in the portal. */
export function CancelAppointmentButton({ record }: { record: Appointment }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({
    mutationFn: () => call('PATCH', `/appointments/${record.id}`, appointment, { body: { version: record.version, status: 'cancelled' } }),
    onSuccess: () => {
      setAsking(false);
      void queryClient.invalidateQueries({ queryKey: portalKeys.appointments(record.profileId) });
      notifySaved('Appointment cancelled.');
    },
    // Someone changed it meanwhile: show the appointment as it is now, and ask again.
    onError: () => void queryClient.invalidateQueries({ queryKey: portalKeys.appointments(record.profileId) }),
  });
  const close = () => {
    setAsking(false);
    cancel.reset();
  };
  return (
    <>
      <Button size="xs" variant="default" color="red" onClick={() => setAsking(true)}>
        Cancel<VisuallyHidden> the appointment on {whenText(record)}</VisuallyHidden>
      </Button>
      <Modal opened={asking} onClose={close} title="Cancel this appointment?">
        <Stack gap="md">
          <FormAlert error={cancel.error} />
          <Text size="sm">
            {whenText(record)} at {record.place}. The client sees it as cancelled in the portal and gets no reminder.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Keep it
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              Cancel the appointment
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
