import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { cardholderStatuses, cardholderStatusLabels, type CardholderStatus } from '../../shared/schemes.ts';
import { can, useMe } from '../app/session.ts';
import { formatDate } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useRegister } from './api.ts';

const statusOptions = cardholderStatuses.map((s) => ({ value: s, label: cardholderStatusLabels[s] }));

/** The Keep Safe Card register, by surname, for the scheme's staff and administrators. */
export function RegisterPage() {
  const me = useMe();
  const [status, setStatus] = useState<CardholderStatus | null>(null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const query = useRegister({ status: status ?? undefined, q: q || undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title="Keep Safe Card register"
      actions={(
        <Group>
          <Button component={Link} to="/schemes/keep-safe/applications" variant="default">
            Applications
          </Button>
          {can(me, 'schemes.approve') && (
            <Button component={Link} to="/schemes/keep-safe/lookups" variant="default">
              Look-ups
            </Button>
          )}
        </Group>
      )}
    >
      <Group align="flex-end" component="form" onSubmit={(e) => { e.preventDefault(); setQ(typed.trim()); }}>
        <TextInput label="Name or card number" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
        <Button type="submit" variant="default">Search</Button>
        <Select label="Status" placeholder="Any status" data={statusOptions} value={status} onChange={(v) => setStatus(v as CardholderStatus | null)} clearable />
      </Group>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the register" />
      {query.data && items.length === 0 && <Text>No cardholder matches.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Cardholder</Table.Th>
                <Table.Th scope="col">Date of birth</Table.Th>
                <Table.Th scope="col">Card number</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Review by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/schemes/keep-safe/cardholders/${h.id}`} inherit>
                      {h.profile.lastName}, {h.profile.firstName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatDate(h.profile.dateOfBirth)}</Table.Td>
                  <Table.Td ff="monospace">{h.card?.printed ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={h.status === 'active' ? 'green' : h.status === 'review_due' ? 'orange' : 'gray'} variant="light">
                      {cardholderStatusLabels[h.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(h.reviewDueOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.data && (
        <LoadMore shown={items.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} noun="cardholders" />
      )}
    </Page>
  );
}
