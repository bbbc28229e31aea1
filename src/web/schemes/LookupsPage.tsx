import { Link } from 'react-router';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { lookupMethodLabels } from '../../shared/schemes.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useLookups } from './api.ts';

/** Every emergency look-up of the register, newest first: who, from where, why, and whom it found. */
export function LookupsPage() {
  const query = useLookups();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title="Keep Safe Card look-ups">
      <Anchor component={Link} to="/schemes/keep-safe" size="sm">
        Keep Safe Card register
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the look-ups" />
      {query.data && items.length === 0 && <Text>Nobody has looked a cardholder up yet.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Organisation</Table.Th>
                <Table.Th scope="col">How</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Cardholder</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{formatDateTime(l.at)}</Table.Td>
                  <Table.Td>{l.user.name} ({l.team.name})</Table.Td>
                  <Table.Td>{l.organisation.name}</Table.Td>
                  <Table.Td>{lookupMethodLabels[l.method]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{l.reason}</Table.Td>
                  <Table.Td>
                    {l.cardholder ? (
                      <Anchor component={Link} to={`/schemes/keep-safe/cardholders/${l.cardholder.id}`} inherit>
                        {l.cardholder.name}
                      </Anchor>
                    ) : (
                      <Badge color="gray" variant="light">Not found</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.data && (
        <LoadMore shown={items.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} noun="look-ups" />
      )}
    </Page>
  );
}
