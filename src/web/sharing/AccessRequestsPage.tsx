import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Stack, Tabs, Text } from '@mantine/core';
import { accessRequestPage } from '../../shared/api/records.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { AccessRequestCard } from './AccessRequestCard.tsx';
import { DecideModal, type Deciding } from './DecideForm.tsx';
import { accessRequestKeys } from './keys.ts';
import { statusOptions } from './labels.ts';

type Box = 'mine' | 'to-decide';

function RequestList({ box, status }: { box: Box; status: string | undefined }) {
  const query = { box, status, limit: 50 };
  const list = usePagedList(accessRequestKeys.list(query), '/access-requests', query, accessRequestPage);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  return (
    <Stack gap="md">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading access requests" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text>{box === 'mine' ? 'You have not asked for access to any record.' : 'No one has asked your team for access.'}</Text>
          ) : (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.items.map((r) => (
                <AccessRequestCard key={r.id} request={r} box={box} onDecide={(request, decision) => setDeciding({ request, decision })} />
              ))}
            </Stack>
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="requests" />
        </>
      )}
      <DecideModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

export function AccessRequestsPage() {
  const me = useMe();
  const canDecide = can(me, 'access_requests.decide');
  const [params, setParams] = useSearchParams();
  const box: Box = canDecide && params.get('box') === 'to-decide' ? 'to-decide' : 'mine';
  const status = params.get('status') ?? undefined;

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const filter = (
    <Select label="Status" placeholder="Any status" data={statusOptions} value={status ?? null} onChange={(v) => setParam('status', v)} clearable w={260} />
  );

  return (
    <Page title="Access requests">
      {canDecide ? (
        <Tabs value={box} onChange={(v) => setParam('box', v === 'to-decide' ? v : null)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="mine">Requests I made</Tabs.Tab>
            <Tabs.Tab value="to-decide">Requests to decide</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine" pt="md">
            <Stack gap="md">
              {filter}
              <RequestList box="mine" status={status} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="to-decide" pt="md">
            <Stack gap="md">
              {filter}
              <RequestList box="to-decide" status={status} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Stack gap="md">
          <Text>Records you asked other teams to open to your team.</Text>
          {filter}
          <RequestList box="mine" status={status} />
        </Stack>
      )}
    </Page>
  );
}
