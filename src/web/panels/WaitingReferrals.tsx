import { Link } from 'react-router';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { Referral } from '../../shared/api/panels.ts';
import { formatDate } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { recordHref, recordNoun } from '../records/kinds.ts';
import { useWaitingReferrals } from './api.ts';
import { criterionWords } from './labels.ts';
import { RepeatBadge } from './RepeatBadge.tsx';

/** The person or case referred: a link when the reader may open it, otherwise only what it is. */
export function ReferralSubject({ referral: r }: { referral: Pick<Referral, 'subject' | 'title' | 'restricted'> }) {
  if (r.restricted || r.title === null) return <>Restricted: a {recordNoun(r.subject.type)} you cannot open</>;
  return (
    <Anchor component={Link} to={recordHref(r.subject.type, r.subject.id)}>
      {r.title}
    </Anchor>
  );
}

/** Referrals not yet on an agenda, oldest first, as the coordinator builds the next meeting from them. */
export function WaitingReferrals({ panelId }: { panelId: string }) {
  const list = useWaitingReferrals(panelId);
  if (!list.data) return <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading referrals" />;
  if (list.data.items.length === 0) return <Text size="sm">No referral is waiting for a meeting.</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person or case</Table.Th>
            <Table.Th scope="col">Criteria</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">Referred by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={500}>
                <Stack gap={4} align="flex-start">
                  <ReferralSubject referral={r} />
                  <RepeatBadge repeat={r.repeat} />
                  {r.hasChildren && <Text size="xs">Children in the household</Text>}
                </Stack>
              </Table.Th>
              <Table.Td>{criterionWords(r.criteria)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.reason ?? '—'}</Table.Td>
              <Table.Td>
                {r.referredBy.name}, {r.referredByOrganisation.name}
                <Text size="xs" c="dimmed">
                  {formatDate(r.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
