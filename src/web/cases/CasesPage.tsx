import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { casePage } from '../../shared/api/cases.ts';
import { caseStatuses } from '../../shared/records.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { formatDate } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { scopeOptions } from '../locations/scopes.ts';
import { lookupOptions, useLookups } from '../records/lookups.ts';
import { ownerText } from '../records/OwnerLine.tsx';
import { caseKeys } from './keys.ts';
import { statusColours, statusLabels, statusOptions } from './labels.ts';

export function CasesPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? 'all';
  const status = caseStatuses.find((s) => s === params.get('status'));
  const caseType = params.get('caseType') ?? undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const caseTypes = useLookups('case_type');
  const query = { scope, status, caseType, q };
  const list = usePagedList(caseKeys.list(query), '/cases', query, casePage);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Cases"
      actions={can(me, 'records.edit') && (
        <Button component={Link} to="/cases/new">
          Add case
        </Button>
      )}
    >
      <Group align="flex-end" gap="md">
        <TextInput label="Search cases" description="Reference or title" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <Select label="Show" data={scopeOptions} value={scope} onChange={(value) => setFilter('scope', value === 'all' ? null : value)} allowDeselect={false} w={200} />
        <Select label="Status" placeholder="Any status" data={statusOptions} value={status ?? null} onChange={(value) => setFilter('status', value)} clearable w={160} />
        <Select
          label="Case type"
          placeholder="Any type"
          data={lookupOptions(caseTypes.data?.items ?? [])}
          value={caseType ?? null}
          onChange={(value) => setFilter('caseType', value)}
          clearable
          searchable
          w={240}
        />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading cases" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Reference</Table.Th>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Dates</Table.Th>
                  <Table.Th scope="col">Held by</Table.Th>
                  <Table.Th scope="col">Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/cases/${c.id}`}>
                        {c.reference}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{c.title}</Table.Td>
                    <Table.Td>{c.caseType.name}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColours[c.status]} variant="light">
                        {statusLabels[c.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.startDate || c.endDate ? `${formatDate(c.startDate)} to ${formatDate(c.endDate)}` : '—'}</Table.Td>
                    <Table.Td>{ownerText(c.owner)}</Table.Td>
                    <Table.Td>{formatDate(c.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.items.length === 0 && <Text>No cases match these filters.</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="cases" />
        </>
      )}
    </Page>
  );
}
