import { useState } from 'react';
import { Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { viewerPage, type ViewerKind } from '../../../shared/api/privacy.ts';
import { isApiError } from '../../api/errors.ts';
import { usePagedList } from '../../api/lists.ts';
import { can, useMe } from '../../app/session.ts';
import { actionLabel, entityTypeLabel } from '../../audit/labels.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../records/Section.tsx';
import { privacyKeys } from '../keys.ts';

const kindOptions: { value: ViewerKind; label: string }[] = [
  { value: 'all', label: 'Everything' },
  { value: 'views', label: 'Views and downloads' },
  { value: 'changes', label: 'Changes' },
];

/**
 * Who looked at this person: for the owning team's administrators and their organisation's, every
 * view, download, export and change by any agency, with the reason where one was given. Hidden
 * from everyone else (the server refuses them too).
 */
export function ProfileViewers({ profileId }: { profileId: string }) {
  const me = useMe();
  if (!can(me, 'audit.view')) return null;
  return <ViewersList profileId={profileId} />;
}

function ViewersList({ profileId }: { profileId: string }) {
  const [what, setWhat] = useState<ViewerKind>('all');
  const query = { what, limit: 50 };
  const list = usePagedList(privacyKeys.viewers(profileId, query), `/profiles/${profileId}/viewers`, query, viewerPage);
  // Administrators of other teams may not see this person's viewers: the section is not theirs.
  if (isApiError(list.error, 'forbidden')) return null;
  return (
    <Section title="Who looked at this person">
      <Stack gap="sm">
        <SegmentedControl aria-label="Show" data={kindOptions} value={what} onChange={(v) => setWhat(v as ViewerKind)} w="fit-content" />
        <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading who looked at this person" />
        {list.data && (
          <>
            {list.items.length === 0 ? (
              <Text>Nobody outside the system has looked at this person yet.</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table withTableBorder fz="sm" captionSide="top">
                  <Table.Caption ta="left">Newest first, from the audit trail</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">When</Table.Th>
                      <Table.Th scope="col">Who</Table.Th>
                      <Table.Th scope="col">Organisation</Table.Th>
                      <Table.Th scope="col">What</Table.Th>
                      <Table.Th scope="col">Reason given</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>{formatDateTime(v.at)}</Table.Td>
                        <Table.Th scope="row" fw="normal">
                          {v.user.name}
                          {v.team && <Text size="xs" c="dimmed">{v.team.name}</Text>}
                        </Table.Th>
                        <Table.Td>{v.organisation.name}</Table.Td>
                        <Table.Td>
                          {actionLabel(v.action)}
                          {v.subject.type !== 'profile' && <Text size="xs" c="dimmed">{entityTypeLabel(v.subject.type)}</Text>}
                          {v.outcome !== 'success' && <Badge color="orange" variant="light" ml="xs">Refused</Badge>}
                          {v.emergency && <Badge color="red" variant="light" ml="xs">Emergency access</Badge>}
                        </Table.Td>
                        <Table.Td>{v.reason ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="entries" />
          </>
        )}
      </Stack>
    </Section>
  );
}
