import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { profilePage } from '../../shared/api/profiles.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { profileKeys } from './keys.ts';
import { riskOptions, roleOptions } from './labels.ts';
import { ProfileGallery } from './ProfileGallery.tsx';
import { ProfileTable } from './ProfileTable.tsx';

const scopeOptions = [
  { value: 'all', label: 'Everyone I can see' },
  { value: 'mine', label: 'My team’s' },
  { value: 'shared', label: 'Shared with us' },
];

export function ProfilesPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? 'all';
  const role = params.get('role') ?? undefined;
  const riskLevel = params.get('risk') ?? undefined;
  const view = params.get('view') === 'gallery' ? 'gallery' : 'table';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = { scope, role, riskLevel, q, limit: 50 };
  const list = usePagedList(profileKeys.list(query), '/profiles', query, profilePage);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="People"
      actions={can(me, 'records.edit') && (
        <Button component={Link} to="/profiles/new">
          New profile
        </Button>
      )}
    >
      <Group align="flex-end" gap="md">
        <TextInput label="Find by name" description="Their name or another name they use" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <Select label="Show" data={scopeOptions} value={scope} onChange={(v) => setParam('scope', v === 'all' ? null : v)} allowDeselect={false} w={200} />
        <Select label="Role" placeholder="Any role" data={roleOptions} value={role ?? null} onChange={(v) => setParam('role', v)} clearable w={220} />
        <Select label="Risk" placeholder="Any risk" data={riskOptions} value={riskLevel ?? null} onChange={(v) => setParam('risk', v)} clearable w={160} />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="profiles-view-label">
          View as
        </Text>
        <SegmentedControl
          aria-labelledby="profiles-view-label"
          data={[
            { value: 'table', label: 'Table' },
            { value: 'gallery', label: 'Gallery' },
          ]}
          value={view}
          onChange={(v) => setParam('view', v === 'gallery' ? 'gallery' : null)}
          w="fit-content"
        />
      </Stack>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading people" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text>No one matches these filters.</Text>
          ) : view === 'gallery' ? (
            <ProfileGallery items={list.items} />
          ) : (
            <ProfileTable items={list.items} />
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="profiles" />
        </>
      )}
    </Page>
  );
}
