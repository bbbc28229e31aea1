import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Modal, Table, Text } from '@mantine/core';
import { webhookDeliveryStatusLabels, webhookPage } from '../../../shared/api/webhooks.ts';
import { usePagedList } from '../../api/lists.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { hookState, webhookKeys } from './labels.ts';
import { WebhookForm } from './WebhookForm.tsx';

/** The organisation's webhooks: where each sends, whether it is on (and why not), and its last delivery. */
export function WebhooksPage() {
  const list = usePagedList(webhookKeys.list, '/webhooks', {}, webhookPage);
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();

  return (
    <Page title="Webhooks" actions={<Button onClick={() => setAdding(true)}>Add a webhook</Button>}>
      <Text>
        A webhook tells one of your organisation&apos;s systems when something changes in Concord: a person or case
        recorded, a report added, a task set or done, a referral received. Each message carries only the kind of change
        and the record&apos;s id, signed with your secret; your system then reads the record through the API.
      </Text>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading webhooks" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">URL</Table.Th>
                  <Table.Th scope="col">Events</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Last delivery</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((hook) => (
                  <Table.Tr key={hook.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/admin/webhooks/${hook.id}`} style={{ wordBreak: 'break-all' }}>
                        {hook.url}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{hook.events.length === 1 ? hook.events[0] : `${hook.events.length} events`}</Table.Td>
                    <Table.Td>
                      {hookState(hook)}
                      {hook.disabledReason && (
                        <Text size="xs" c="dimmed">
                          {hook.disabledReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {hook.lastDelivery
                        ? `${webhookDeliveryStatusLabels[hook.lastDelivery.status]}${hook.lastDelivery.statusCode ? ` (${hook.lastDelivery.statusCode})` : ''}, ${formatDateTime(hook.lastDelivery.at)}`
                        : 'None yet'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.items.length === 0 && <Text>No webhooks yet.</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="webhooks" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a webhook" size="lg" closeOnClickOutside={false}>
        {adding && <WebhookForm onDone={(saved) => void navigate(`/admin/webhooks/${saved.id}`)} onCancel={() => setAdding(false)} />}
      </Modal>
    </Page>
  );
}
