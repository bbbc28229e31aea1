import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Stack } from '@mantine/core';
import { accessRequest } from '../../shared/api/records.ts';
import { get } from '../api/client.ts';
import { useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { AccessRequestCard } from './AccessRequestCard.tsx';
import { DecideModal, type Deciding } from './DecideForm.tsx';
import { accessRequestKeys } from './keys.ts';

/** One request, where the emails about it lead: to decide it, or to see the decision. */
export function AccessRequestPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useQuery({ queryKey: accessRequestKeys.one(id), queryFn: () => get(`/access-requests/${id}`, accessRequest) });
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const r = query.data;
  return (
    <Page title={r ? `Access request: ${r.record.title}` : 'Access request'}>
      <Anchor component={Link} to="/access-requests" size="sm">
        All access requests
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the request" />
      {r && (
        <Stack component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          <AccessRequestCard request={r} box={r.requester.id === me.id ? 'mine' : 'to-decide'} onDecide={(request, decision) => setDeciding({ request, decision })} />
        </Stack>
      )}
      <DecideModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Page>
  );
}
