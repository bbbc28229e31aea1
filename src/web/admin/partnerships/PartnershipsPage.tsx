import { useState } from 'react';
import { Button, Modal, Table, VisuallyHidden } from '@mantine/core';
import { partnershipPage, type Partnership } from '../../../shared/api/structure.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/lists.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { CreatePartnershipForm, EditPartnershipForm } from './PartnershipForms.tsx';

export function PartnershipsPage() {
  const list = usePagedList(keys.partnerships({}), '/partnerships', {}, partnershipPage);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Partnership | null>(null);

  return (
    <Page title="Partnerships" actions={<Button onClick={() => setAdding(true)}>Add partnership</Button>}>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading partnerships" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Organisations</Table.Th>
                  <Table.Th scope="col">Last changed</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row">{p.name}</Table.Th>
                    <Table.Td>{p.organisationCount}</Table.Td>
                    <Table.Td>{formatDateTime(p.updatedAt)}</Table.Td>
                    <Table.Td ta="right">
                      <Button variant="default" size="xs" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="partnerships" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a partnership">
        {adding && <CreatePartnershipForm onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Change partnership">
        {editing && <EditPartnershipForm record={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
