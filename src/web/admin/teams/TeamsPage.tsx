import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Modal, Select, Table, VisuallyHidden } from '@mantine/core';
import { teamPage, type Team } from '../../../shared/api/structure.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/lists.ts';
import { useOrganisations } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { CreateTeamForm, EditTeamForm } from './TeamForms.tsx';

export function TeamsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get('organisationId') ?? undefined;
  const organisations = useOrganisations();
  const query = { organisationId };
  const list = usePagedList(keys.teams(query), '/teams', query, teamPage);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Team | null>(null);
  const manageable = (organisations.data?.items ?? []).filter((o) => o.permissions.canManageTeams);

  return (
    <Page title="Teams" actions={manageable.length > 0 && <Button onClick={() => setAdding(true)}>Add team</Button>}>
      <Group>
        <Select
          label="Organisation"
          placeholder="All organisations"
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId ?? null}
          onChange={(value) => setParams(value ? { organisationId: value } : {})}
          clearable
          searchable
          w={320}
        />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading teams" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Organisation</Table.Th>
                  <Table.Th scope="col">Users</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Th scope="row">{t.name}</Table.Th>
                    <Table.Td>{t.organisation.name}</Table.Td>
                    <Table.Td>
                      {can(me, 'users.view') ? (
                        <Anchor component={Link} to={`/admin/users?teamId=${t.id}`} aria-label={`${t.userCount} users in ${t.name}`}>
                          {t.userCount}
                        </Anchor>
                      ) : (
                        t.userCount
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {t.permissions.canEdit && (
                        <Button variant="default" size="xs" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                          Edit
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="teams" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a team">
        {adding && (
          <CreateTeamForm
            organisations={manageable}
            organisationId={manageable.some((o) => o.id === organisationId) ? organisationId! : (manageable[0]?.id ?? '')}
            onDone={() => setAdding(false)}
          />
        )}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Change team">
        {editing && <EditTeamForm record={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
