import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { apiTokenPage, type ApiToken } from '../../../shared/api/api-tokens.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/lists.ts';
import { useOrganisations } from '../../api/options.ts';
import { can, useMe } from '../../app/session.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { accessLabels, tokenState } from './labels.ts';
import { CreateApiTokenForm } from './CreateApiTokenForm.tsx';
import { RevokeApiToken } from './RevokeApiToken.tsx';

export function ApiTokensPage() {
  const me = useMe();
  const systemAdmin = can(me, 'partnerships.manage');
  const organisations = useOrganisations(undefined, systemAdmin);
  const [organisationId, setOrganisationId] = useState<string | null>(systemAdmin ? null : me.organisation.id);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const query = { organisationId: organisationId ?? undefined, includeRevoked: includeRevoked ? 'true' : undefined };
  const list = usePagedList(keys.apiTokens(query), '/api-tokens', query, apiTokenPage);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Page title="API tokens" actions={<Button onClick={() => setAdding(true)}>Create API token</Button>}>
      <Text>
        API tokens let another system, such as a police records system or a call-centre system, use Concord&apos;s API on
        behalf of a team. Each token reads, or reads and writes, what that team can.
      </Text>
      <Group align="flex-end">
        {systemAdmin && (
          <Select
            label="Organisation"
            placeholder="All organisations"
            data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={setOrganisationId}
            clearable
            searchable
            w={320}
          />
        )}
        <Checkbox label="Show revoked tokens" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.currentTarget.checked)} mb={8} />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading API tokens" />
      {list.data && (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Access</Table.Th>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Starts with</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Expires</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((t) => {
                  const state = tokenState(t);
                  return (
                    <Table.Tr key={t.id}>
                      <Table.Th scope="row">{t.name}</Table.Th>
                      <Table.Td>{accessLabels[t.access]}</Table.Td>
                      <Table.Td>
                        {t.team.name}
                        <Text size="xs" c="dimmed">
                          {t.organisation.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text ff="monospace" size="sm">
                          {t.prefix}…
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {formatDateTime(t.createdAt)}
                        <Text size="xs" c="dimmed">
                          by {t.createdBy.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDate(t.expiresAt, 'Never')}</Table.Td>
                      <Table.Td>{formatDateTime(t.lastUsedAt, 'Never')}</Table.Td>
                      <Table.Td>{state}</Table.Td>
                      <Table.Td ta="right">
                        {state === 'Active' && (
                          <Button size="xs" color="red" variant="outline" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.items.length === 0 && <Text>No API tokens yet.</Text>}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="API tokens" />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Create an API token" size="lg" closeOnClickOutside={false}>
        {adding && <CreateApiTokenForm organisationId={organisationId ?? me.organisation.id} onDone={() => setAdding(false)} />}
      </Modal>
      {revoking && <RevokeApiToken token={revoking} onClose={() => setRevoking(null)} />}
    </Page>
  );
}
