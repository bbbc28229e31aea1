import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Group, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { subjectAccessStarted } from '../../../shared/api/subject-access.ts';
import { call } from '../../api/client.ts';
import { can, useMe } from '../../app/session.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { subjectAccessKeys, useSubjectAccessList } from './api.ts';
import { SubjectAccessTable } from './SubjectAccessTable.tsx';

function StartRequest({ profileId }: { profileId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [receivedOn, setReceivedOn] = useState('');
  const [requester, setRequester] = useState('');
  const [notes, setNotes] = useState('');
  const start = useMutation({
    mutationFn: () => call('POST', `/profiles/${profileId}/subject-access-exports`, subjectAccessStarted, {
      body: { receivedOn: receivedOn || undefined, requester: requester || null, notes: notes || null },
      idempotencyKey: crypto.randomUUID(),
    }),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: subjectAccessKeys.all });
      void navigate(`/data-protection/subject-access/${started.id}`);
    },
  });
  const close = () => {
    setOpen(false);
    start.reset();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Start a subject access request</Button>
      <Modal opened={open} onClose={close} title="Start a subject access request">
        <Stack gap="md">
          <Text size="sm">
            Concord gathers everything the partnership holds about this person. Each organisation whose records are included reviews its own before you can download them.
          </Text>
          <FormAlert error={start.error} />
          <TextInput
            type="date"
            label="Date the request was received"
            description="The statutory month runs from this day. Leave empty for today."
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
          />
          <TextInput label="Who made the request" description="The person, or who acts for them" value={requester} onChange={(e) => setRequester(e.currentTarget.value)} />
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={start.isPending} onClick={() => start.mutate()}>
              Start the request
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The profile's subject access requests, and starting one: for organisation and system administrators only. */
export function SubjectAccessPanel({ profileId }: { profileId: string }) {
  const me = useMe();
  const allowed = can(me, 'subject_access.manage');
  if (!allowed) return null;
  return <Panel profileId={profileId} />;
}

function Panel({ profileId }: { profileId: string }) {
  const list = useSubjectAccessList({ profileId });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="subject-access-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="subject-access-heading">
            Subject access requests
          </Title>
          <StartRequest profileId={profileId} />
        </Group>
        <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading subject access requests" />
        {list.data && <SubjectAccessTable items={list.data.items} caption="This person's subject access requests" showPerson={false} />}
      </Stack>
    </Card>
  );
}
