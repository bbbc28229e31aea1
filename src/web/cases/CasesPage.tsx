import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { casePage } from '../../shared/api/cases.ts';
import { isoDate } from '../../shared/api/records.ts';
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

/** A date input gives a year as it is typed (0002, 0020 …): only a whole, real date filters. */
const dateFilter = (value: string) => (isoDate.safeParse(value).success ? value : undefined);

export function CasesPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? 'all';
  const status = caseStatuses.find((s) => s === params.get('status'));
  const caseType = params.get('caseType') ?? undefined;
  // Shown as clicked at once, not a render later when the address has changed: a box that lags its
  // click looks as if the click did not take.
  const ledByMeInAddress = params.get('leadOfficer') === 'me';
  const [ledByMe, setLedByMe] = useState(ledByMeInAddress);
  const [addressSeen, setAddressSeen] = useState(ledByMeInAddress);
  if (addressSeen !== ledByMeInAddress) {
    setAddressSeen(ledByMeInAddress);
    setLedByMe(ledByMeInAddress);
  }
  const startedFrom = params.get('startedFrom') ?? '';
  const startedTo = params.get('startedTo') ?? '';
  const endingBefore = params.get('endingBefore') ?? '';
  const backwards = dateFilter(startedFrom) !== undefined && dateFilter(startedTo) !== undefined && startedTo < startedFrom;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const caseTypes = useLookups('case_type');
  const query = {
    scope,
    status,
    caseType,
    q,
    leadOfficer: ledByMe ? 'me' : undefined,
    startedFrom: dateFilter(startedFrom),
    startedTo: backwards ? undefined : dateFilter(startedTo),
    endingBefore: dateFilter(endingBefore),
  };
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
        <TextInput label="Started from" type="date" value={startedFrom} onChange={(e) => setFilter('startedFrom', e.currentTarget.value)} w={170} />
        <TextInput
          label="Started to"
          type="date"
          value={startedTo}
          onChange={(e) => setFilter('startedTo', e.currentTarget.value)}
          error={backwards ? 'Must be on or after the “Started from” date' : undefined}
          w={170}
        />
        <TextInput label="Ending before" type="date" value={endingBefore} onChange={(e) => setFilter('endingBefore', e.currentTarget.value)} w={170} />
        <Checkbox label="Led by me" checked={ledByMe} onChange={(e) => {
            const checked = e.currentTarget.checked;
            setLedByMe(checked);
            setFilter('leadOfficer', checked ? 'me' : null);
          }} mb={8} />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading cases" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={1100}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Reference</Table.Th>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Lead officer</Table.Th>
                  <Table.Th scope="col">Start date</Table.Th>
                  <Table.Th scope="col">End date</Table.Th>
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
                    <Table.Td>{c.leadOfficer?.name ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(c.startDate)}</Table.Td>
                    <Table.Td>{formatDate(c.endDate)}</Table.Td>
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
