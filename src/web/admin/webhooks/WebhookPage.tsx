import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Button, Group, List, Modal, Table, Text, Title } from '@mantine/core';
import { webhook, webhookDeliveryPage, webhookDeliveryStatusLabels, webhookEventLabels, webhookPinged, type Webhook } from '../../../shared/api/webhooks.ts';
import { call, callNoReply, get } from '../../api/client.ts';
import { usePagedList } from '../../api/lists.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { hookState, webhookKeys } from './labels.ts';
import { WebhookForm } from './WebhookForm.tsx';

/** One webhook: its settings, turning it off or back on, a test, and the delivery log. */
export function WebhookPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: webhookKeys.one(id), queryFn: () => get(`/webhooks/${id}`, webhook) });
  return (
    <>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the webhook" />
      {query.data && <WebhookDetails hook={query.data} />}
    </>
  );
}

function WebhookDetails({ hook }: { hook: Webhook }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookKeys.list });

  const turn = useMutation({
    mutationFn: (enabled: boolean) => call('PATCH', `/webhooks/${hook.id}`, webhook, { body: { version: hook.version, enabled } }),
    onSuccess: (saved) => {
      void refresh();
      notifySaved(saved.enabled ? 'Webhook turned back on.' : 'Webhook turned off.');
    },
  });
  const ping = useMutation({
    mutationFn: () => call('POST', `/webhooks/${hook.id}/ping`, webhookPinged, { body: {} }),
    onSuccess: () => {
      void refresh();
      notifySaved('Test sent. Its outcome appears in the delivery log.');
    },
  });

  return (
    <Page
      title="Webhook"
      actions={
        <>
          <Button variant="default" onClick={() => setEditing(true)}>Edit</Button>
          {hook.enabled && <Button variant="default" loading={ping.isPending} onClick={() => ping.mutate()}>Send a test</Button>}
          {hook.enabled
            ? <Button variant="default" loading={turn.isPending} onClick={() => turn.mutate(false)}>Turn off</Button>
            : <Button loading={turn.isPending} onClick={() => turn.mutate(true)}>Turn back on</Button>}
          <Button color="red" variant="outline" onClick={() => setDeleting(true)}>Delete</Button>
        </>
      }
    >
      <Anchor component={Link} to="/admin/webhooks">All webhooks</Anchor>
      <FormAlert error={turn.error ?? ping.error} />
      {!hook.enabled && (
        <Alert color={hook.disabledAutomatically ? 'red' : 'gray'} title={hookState(hook)}>
          {hook.disabledReason} {hook.disabledAt && `(${formatDateTime(hook.disabledAt)})`} Nothing is sent while it is off, and
          what was waiting is not sent when it is turned back on.
        </Alert>
      )}
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200} scope="row">URL</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{hook.url}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">State</Table.Th>
            <Table.Td>{hookState(hook)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Events</Table.Th>
            <Table.Td>
              <List size="sm">
                {hook.events.map((e) => <List.Item key={e}>{webhookEventLabels[e]} ({e})</List.Item>)}
              </List>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Added</Table.Th>
            <Table.Td>{formatDateTime(hook.createdAt)} by {hook.createdBy.name}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <DeliveryLog hookId={hook.id} />
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit the webhook" size="lg" closeOnClickOutside={false}>
        {editing && <WebhookForm hook={hook} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />}
      </Modal>
      {deleting && <DeleteWebhook hook={hook} onClose={() => setDeleting(false)} onDeleted={() => void navigate('/admin/webhooks')} />}
    </Page>
  );
}

/** Every attempt, newest first: what the receiver answered, how long it took, and when the next try is. */
function DeliveryLog({ hookId }: { hookId: string }) {
  const list = usePagedList(webhookKeys.deliveries(hookId), `/webhooks/${hookId}/deliveries`, {}, webhookDeliveryPage);
  return (
    <>
      <Group justify="space-between">
        <Title order={2}>Delivery log</Title>
        <Button variant="default" size="xs" onClick={() => void list.refetch()}>Refresh</Button>
      </Group>
      <Text size="sm">One line per attempt, kept for 30 days. A failed event is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 8 hours; if every attempt fails, the webhook is turned off and your administrators are told.</Text>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the delivery log" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Attempted</Table.Th>
                  <Table.Th scope="col">Event</Table.Th>
                  <Table.Th scope="col">Attempt</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                  <Table.Th scope="col">Response</Table.Th>
                  <Table.Th scope="col">Time taken</Table.Th>
                  <Table.Th scope="col">Next attempt</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{formatDateTime(d.attemptedAt, `Due ${formatDateTime(d.dueAt)}`)}</Table.Td>
                    <Table.Td>
                      {d.event}
                      <Text size="xs" c="dimmed" ff="monospace">{d.eventId}</Text>
                    </Table.Td>
                    <Table.Td>{d.attempt}</Table.Td>
                    <Table.Td>
                      {webhookDeliveryStatusLabels[d.status]}
                      {d.error && <Text size="xs" c="dimmed">{d.error}</Text>}
                    </Table.Td>
                    <Table.Td>{d.statusCode ?? '—'}</Table.Td>
                    <Table.Td>{d.durationMs === null ? '—' : `${d.durationMs} ms`}</Table.Td>
                    <Table.Td>{formatDateTime(d.nextAttemptAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.items.length === 0 && <Text>Nothing sent yet.</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="attempts" />
        </>
      )}
    </>
  );
}

function DeleteWebhook({ hook, onClose, onDeleted }: { hook: Webhook; onClose: () => void; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => callNoReply('DELETE', `/webhooks/${hook.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: webhookKeys.list });
      notifySaved('Webhook deleted.');
      onDeleted();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Delete this webhook?">
      <Form onSubmit={() => remove.mutate()}>
        <FormAlert error={remove.error} />
        <Text>Nothing more is sent to {hook.url}, and its delivery log is deleted with it.</Text>
        <FormButtons submitLabel="Delete webhook" pending={remove.isPending} onCancel={onClose} danger />
      </Form>
    </Modal>
  );
}
