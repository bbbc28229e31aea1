import { Table, Text } from '@mantine/core';
import { victimContactPage } from '../../shared/api/victim-care.ts';
import { contactChannelLabels } from '../../shared/victim-care.ts';
import { usePagedList } from '../api/lists.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { victimCareKeys } from './keys.ts';

/**
 * The victim's own record of contacts, newest first: every contact and every attempt, by whom
 * and from which agency. The same table prints and downloads.
 */
export function ContactRecord({ profileId }: { profileId: string }) {
  const list = usePagedList(victimCareKeys.contacts(profileId), `/profiles/${profileId}/contacts`, { limit: 100 }, victimContactPage);
  if (!list.data) return <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the record of contacts" />;
  if (list.items.length === 0) return <Text size="sm">No contact or attempt has been recorded yet.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing="xs" aria-label="Record of contacts, newest first">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">How</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
              <Table.Th scope="col">Recorded by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Th scope="row" fw={500}>
                  {formatDateTime(c.at)}
                </Table.Th>
                <Table.Td>
                  {c.channel ? contactChannelLabels[c.channel] : 'Victim update report'}
                  {c.voicemailLeft ? ', voicemail left' : ''}
                </Table.Td>
                <Table.Td>{c.reached ? 'Contact' : 'Attempt: not reached'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.note ?? (c.reportId ? 'See the victim update on the timeline' : '')}</Table.Td>
                <Table.Td>
                  {c.recordedBy?.name ?? (c.reportId ? 'A member of' : 'Someone no longer here')}
                  <Text size="xs" c="dimmed">
                    {c.team.name}, {c.organisation.name}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="contacts" />
    </>
  );
}
