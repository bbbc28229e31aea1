import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Modal, Select, Table, VisuallyHidden } from '@mantine/core';
import { organisationKindLabels } from '../../../shared/roles.ts';
import { organisationPage, type Organisation } from '../../../shared/api/structure.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/lists.ts';
import { usePartnerships } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { CreateOrganisationForm, EditOrganisationForm } from './OrganisationForms.tsx';

export function OrganisationsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const partnershipId = params.get('partnershipId') ?? undefined;
  const systemAdmin = can(me, 'partnerships.manage');
  const partnerships = usePartnerships(systemAdmin);
  const query = { partnershipId };
  const list = usePagedList(keys.organisations(query), '/organisations', query, organisationPage);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const canAdd = can(me, 'organisations.manage');

  return (
    <Page title="Organisations" actions={canAdd && <Button onClick={() => setAdding(true)}>Add organisation</Button>}>
      {systemAdmin && (
        <Group>
          <Select
            label="Partnership"
            placeholder="All partnerships"
            data={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={partnershipId ?? null}
            onChange={(value) => setParams(value ? { partnershipId: value } : {})}
            clearable
            w={320}
          />
        </Group>
      )}
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading organisations" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Partnership</Table.Th>
                  <Table.Th scope="col">Teams</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row">{o.name}</Table.Th>
                    <Table.Td>{organisationKindLabels[o.kind]}</Table.Td>
                    <Table.Td>{o.partnership.name}</Table.Td>
                    <Table.Td>
                      {can(me, 'teams.manage') ? (
                        <Anchor component={Link} to={`/admin/teams?organisationId=${o.id}`} aria-label={`${o.teamCount} teams in ${o.name}`}>
                          {o.teamCount}
                        </Anchor>
                      ) : (
                        o.teamCount
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {o.permissions.canEdit && (
                        <Button variant="default" size="xs" onClick={() => setEditing(o)} aria-label={`Edit ${o.name}`}>
                          Edit
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="organisations" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add an organisation">
        {adding && <CreateOrganisationForm partnershipId={partnershipId ?? me.partnership.id} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Change organisation">
        {editing && <EditOrganisationForm record={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
