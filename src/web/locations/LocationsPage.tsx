import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { locationPage } from '../../shared/api/locations.ts';
import { locationKindLabels, locationKinds } from '../../shared/records.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { formatDate } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { LocationMap } from '../maps/LocationMap.tsx';
import { ownerText } from '../records/OwnerLine.tsx';
import { locationKeys } from './keys.ts';
import { kindOptions, placeName } from './labels.ts';
import { scopeOptions } from './scopes.ts';

export function LocationsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? 'all';
  const kind = locationKinds.find((k) => k === params.get('kind'));
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = { scope, kind, q };
  const list = usePagedList(locationKeys.list(query), '/locations', query, locationPage);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Locations"
      actions={can(me, 'records.edit') && (
        <Button component={Link} to="/locations/new">
          Add location
        </Button>
      )}
    >
      <Group align="flex-end" gap="md">
        <TextInput label="Search locations" description="Address, name or postcode" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select label="Show" data={scopeOptions} value={scope} onChange={(value) => setFilter('scope', value === 'all' ? null : value)} allowDeselect={false} w={220} />
        <Select label="Type of place" placeholder="Any type" data={kindOptions} value={kind ?? null} onChange={(value) => setFilter('kind', value)} clearable w={200} />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading locations" />
      {list.data && (
        <>
          {list.items.length > 0 && (
            <LocationMap
              label="Map of the locations listed"
              withList={false}
              points={list.items.map((l) => ({ id: l.id, latitude: l.latitude, longitude: l.longitude, label: placeName(l), href: `/locations/${l.id}` }))}
            />
          )}
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Location</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Postcode</Table.Th>
                  <Table.Th scope="col">Held by</Table.Th>
                  <Table.Th scope="col">Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/locations/${l.id}`}>
                        {[l.name, l.addressLine1, l.town].filter(Boolean).join(', ')}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{locationKindLabels[l.kind]}</Table.Td>
                    <Table.Td>{l.postcode}</Table.Td>
                    <Table.Td>{ownerText(l.owner)}</Table.Td>
                    <Table.Td>{formatDate(l.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.items.length === 0 && <Text>No locations match these filters.</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="locations" />
        </>
      )}
    </Page>
  );
}
