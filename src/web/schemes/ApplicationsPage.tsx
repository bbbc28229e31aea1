import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Select, Table, Text } from '@mantine/core';
import { applicationKindLabels, applicationStatusLabels, applicationStatuses } from '../../shared/schemes.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { schemeBase, useApplications } from './api.ts';

const statusOptions = [
  { value: 'open', label: 'Being worked (checks or approved)' },
  { value: 'all', label: 'All' },
  ...applicationStatuses.map((s) => ({ value: s, label: applicationStatusLabels[s] })),
];

/** The scheme's applications for a card, newest first: the public form's (taken in on the desk) and staff's own. */
export function ApplicationsPage() {
  const [status, setStatus] = useState('open');
  const query = useApplications(status);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title="Keep Safe Card applications">
      <Anchor component={Link} to={schemeBase} size="sm">
        Keep Safe Card register
      </Anchor>
      <Select label="Show" data={statusOptions} value={status} onChange={(v) => setStatus(v ?? 'open')} allowDeselect={false} maw={320} />
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the applications" />
      {query.data && items.length === 0 && <Text>No applications.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Applicant</Table.Th>
                <Table.Th scope="col">Date of birth</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Checks done</Table.Th>
                <Table.Th scope="col">Received</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`${schemeBase}/applications/${a.id}`} inherit>
                      {a.profile.lastName}, {a.profile.firstName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatDate(a.profile.dateOfBirth)}</Table.Td>
                  <Table.Td>{applicationKindLabels[a.kind]}</Table.Td>
                  <Table.Td><Badge variant="light">{applicationStatusLabels[a.status]}</Badge></Table.Td>
                  <Table.Td>{a.checksDone} of 4</Table.Td>
                  <Table.Td>{formatDateTime(a.createdAt)}{a.referral ? ` (${a.referral.reference})` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.data && (
        <LoadMore shown={items.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} noun="applications" />
      )}
    </Page>
  );
}
