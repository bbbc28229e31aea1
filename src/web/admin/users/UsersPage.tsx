import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Modal, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { roleLabels } from '../../../shared/roles.ts';
import { userPage, userStatus } from '../../../shared/api/users.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/lists.ts';
import { useTeams } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { statusLabels } from './labels.ts';
import { StatusBadge } from './StatusBadge.tsx';

const statusOptions = userStatus.options.map((s) => ({ value: s, label: statusLabels[s] }));

export function UsersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId') ?? undefined;
  const status = params.get('status') ?? undefined;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const teams = useTeams();
  const query = { teamId, status, q };
  const list = usePagedList(keys.users(query), '/users', query, userPage);
  const [adding, setAdding] = useState(false);
  const manageableTeams = (teams.data?.items ?? []).filter((t) => t.permissions.canManageUsers);
  const canAdd = can(me, 'users.manage') && manageableTeams.length > 0;

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page title="Users" actions={canAdd && <Button onClick={() => setAdding(true)}>Add user</Button>}>
      <Group align="flex-end" gap="md">
        <TextInput
          label="Search"
          description="Name or email"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Select
          label="Team"
          placeholder="All teams"
          data={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.organisation.name})` }))}
          value={teamId ?? null}
          onChange={(value) => setFilter('teamId', value)}
          clearable
          searchable
          w={320}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={statusOptions}
          value={status ?? null}
          onChange={(value) => setFilter('status', value)}
          clearable
          w={180}
        />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading users" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last signed in</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/admin/users/${u.id}`}>
                        {u.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>
                      {roleLabels[u.role]}
                      {u.isSupervisor ? ', supervisor' : ''}
                    </Table.Td>
                    <Table.Td>
                      {u.team.name}
                      <Text size="xs" c="dimmed">
                        {u.organisation.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={u.status} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(u.lastSignInAt, 'Never')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.items.length === 0 && <Text>No users match these filters.</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="users" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a user" size="lg">
        {adding && (
          <CreateUserForm
            teams={manageableTeams}
            teamId={manageableTeams.some((t) => t.id === teamId) ? teamId! : (manageableTeams.find((t) => t.id === me.team.id)?.id ?? manageableTeams[0]?.id ?? '')}
            onDone={() => setAdding(false)}
          />
        )}
      </Modal>
    </Page>
  );
}
