import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Modal, Text } from '@mantine/core';
import { meeting as meetingSchema, type Meeting } from '../../shared/api/panels.ts';
import { call } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useMeetingRefresh } from './api.ts';

/** Ends the meeting: its referrals count as heard. Minutes may still be corrected; each earlier wording is kept. */
export function CloseMeeting({ meeting: m }: { meeting: Meeting }) {
  const [open, setOpen] = useState(false);
  const refresh = useMeetingRefresh(m.id);
  const close = useMutation({
    mutationFn: () => call('POST', `/meetings/${m.id}/close`, meetingSchema),
    onSuccess: (saved) => {
      refresh(saved);
      notifySaved('Meeting closed.');
      setOpen(false);
    },
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Close meeting
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Close this meeting" size="lg">
        <Form onSubmit={() => close.mutate()}>
          <FormAlert error={close.error} />
          <Text size="sm">
            Every case on the agenda is then counted as heard. Minutes can still be corrected afterwards; each earlier wording is kept.
            Actions stay open as tasks until they are done, and the panel&apos;s next meeting lists those still open.
          </Text>
          <FormButtons submitLabel="Close meeting" pending={close.isPending} onCancel={() => setOpen(false)} />
        </Form>
      </Modal>
    </>
  );
}
