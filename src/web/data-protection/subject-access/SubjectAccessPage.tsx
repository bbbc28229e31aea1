import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { subjectAccessExport, type SubjectAccessExport } from '../../../shared/api/subject-access.ts';
import { openSarStatuses } from '../../../shared/subject-access.ts';
import { call } from '../../api/client.ts';
import { Details } from '../../components/Details.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { subjectAccessKeys, useSubjectAccess } from './api.ts';
import { ClockBar } from './ClockBar.tsx';
import { statusColours, statusLabels } from './labels.ts';

type Step = 'extend' | 'pause' | 'cancel';

const stepText: Record<Step, { title: string; button: string; reason: string; done: string }> = {
  extend: { title: 'Extend by two months', button: 'Extend', reason: 'Why the request is complex', done: 'The request was extended.' },
  pause: { title: 'Pause the clock', button: 'Pause the clock', reason: 'What you asked the person to clarify', done: 'The clock is paused.' },
  cancel: { title: 'Cancel the request', button: 'Cancel the request', reason: 'Why it is cancelled', done: 'The request was cancelled.' },
};

/** Extend, pause or cancel: each asks for its reason (and an extension for the day the person was told). */
function ClockStep({ sar, step, onClose }: { sar: SubjectAccessExport; step: Step; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [told, setTold] = useState('');
  const act = useMutation({
    mutationFn: () => call('POST', `/subject-access-exports/${sar.id}/${step}`, subjectAccessExport, { body: step === 'extend' ? { reason, personToldOn: told } : { reason } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(subjectAccessKeys.one(sar.id), updated);
      void queryClient.invalidateQueries({ queryKey: subjectAccessKeys.all });
      notifySaved(stepText[step].done);
      onClose();
    },
  });
  const text = stepText[step];
  return (
    <Modal opened onClose={onClose} title={text.title}>
      <Stack gap="md">
        {step === 'extend' && <Text size="sm">A complex request can be extended once, by two months, if the person is told within the first month.</Text>}
        <FormAlert error={act.error} />
        <Textarea label={text.reason} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {step === 'extend' && <TextInput type="date" label="Day the person was told" required value={told} onChange={(e) => setTold(e.currentTarget.value)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Back
          </Button>
          <Button color={step === 'cancel' ? 'red' : undefined} loading={act.isPending} onClick={() => act.mutate()}>
            {text.button}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Resume({ sar }: { sar: SubjectAccessExport }) {
  const queryClient = useQueryClient();
  const resume = useMutation({
    mutationFn: () => call('POST', `/subject-access-exports/${sar.id}/resume`, subjectAccessExport, { body: {} }),
    onSuccess: (updated) => {
      queryClient.setQueryData(subjectAccessKeys.one(sar.id), updated);
      notifySaved('The clock is running again.');
    },
  });
  return (
    <Button variant="outline" loading={resume.isPending} onClick={() => resume.mutate()}>
      Restart the clock (clarified today)
    </Button>
  );
}

function Reviews({ sar }: { sar: SubjectAccessExport }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" striped>
        <Table.Caption>Each organisation reviews its own items before release</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Organisation</Table.Th>
            <Table.Th scope="col">Items</Table.Th>
            <Table.Th scope="col">Review</Table.Th>
            <Table.Th scope="col">Reviewed by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sar.reviews.map((r) => (
            <Table.Tr key={r.organisation.id}>
              <Table.Td>{r.organisation.name}</Table.Td>
              <Table.Td>{r.items}</Table.Td>
              <Table.Td>
                {r.status === 'done' ? 'Done' : r.canReview ? (
                  <Anchor component={Link} to={`/data-protection/subject-access/${sar.id}/review/${r.organisation.id}`} inherit>
                    Review {r.organisation.name}&apos;s items
                  </Anchor>
                ) : 'Waiting'}
              </Table.Td>
              <Table.Td>{r.reviewedBy ? `${r.reviewedBy.name}, ${formatDateTime(r.reviewedAt)}` : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One request: its clock, each agency's review, the clock's steps for its handlers, and the download once ready. */
export function SubjectAccessPage() {
  const { id = '' } = useParams();
  const query = useSubjectAccess(id);
  const [step, setStep] = useState<Step | null>(null);
  const sar = query.data;
  const open = sar ? openSarStatuses.includes(sar.status) : false;
  return (
    <Page title={sar ? `Subject access request ${sar.reference}` : 'Subject access request'}>
      <Anchor component={Link} to="/data-protection/subject-access" size="sm">
        All subject access requests
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the request" />
      {sar && (
        <Stack gap="lg">
          <Group gap="xs">
            <Badge size="lg" color={statusColours[sar.status]} variant="light">{statusLabels[sar.status]}</Badge>
            {sar.status === 'failed' && <Text c="red">Something went wrong ({sar.failure}). Start the request again.</Text>}
          </Group>
          <ClockBar clock={sar.clock} open={open} />
          {sar.downloadUrl && (
            <Alert color="green" title="Ready to download">
              <Stack gap="xs">
                <Text size="sm">The download is open until {formatDateTime(sar.downloadExpiresAt)}; then the file is deleted. Every download is recorded.</Text>
                <Group>
                  <Button component="a" href={sar.downloadUrl} download>
                    Download the ZIP
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Details
            items={[
              { label: 'Person', value: <Anchor component={Link} to={`/profiles/${sar.profile.id}?section=data-protection`}>{sar.profile.title}</Anchor> },
              { label: 'Handled by', value: sar.organisation.name },
              ...(sar.permissions.canHandle
                ? [
                    { label: 'Started by', value: sar.startedBy?.name ?? '—' },
                    { label: 'Requested by', value: sar.requester ?? '—' },
                    { label: 'Notes', value: sar.notes ?? '—' },
                    { label: 'Downloads', value: String(sar.downloads) },
                  ]
                : []),
            ]}
          />
          <Stack gap="xs">
            <Title order={2} size="h4">Reviews</Title>
            {sar.reviews.length > 0 ? <Reviews sar={sar} /> : <Text size="sm" c="dimmed">The items are still being collected.</Text>}
          </Stack>
          {sar.permissions.canHandle && open && (
            <Group>
              {!sar.clock.extended && <Button variant="outline" onClick={() => setStep('extend')}>Extend by two months</Button>}
              {sar.clock.pausedSince ? <Resume sar={sar} /> : <Button variant="outline" onClick={() => setStep('pause')}>Pause the clock</Button>}
              <Button variant="outline" color="red" onClick={() => setStep('cancel')}>Cancel the request</Button>
            </Group>
          )}
          {step && <ClockStep sar={sar} step={step} onClose={() => setStep(null)} />}
        </Stack>
      )}
    </Page>
  );
}
