import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import type { ReferralListItem } from '../../shared/api/referrals.ts';
import { referralChannelLabels } from '../../shared/referrals.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { receivedAgo } from './clock.ts';
import { ReferralClock } from './ReferralClock.tsx';
import { StateBadge } from './StateBadge.tsx';
import { useNow } from './useNow.ts';

/** The desk's referrals: who they are about, how long they have waited and when the decision is due. */
export function DeskTable({ referrals, caption }: { referrals: ReferralListItem[]; caption: string }) {
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="sm" verticalSpacing="xs" striped highlightOnHover>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference</Table.Th>
            <Table.Th scope="col">The person</Table.Th>
            <Table.Th scope="col">Received</Table.Th>
            <Table.Th scope="col">Decision due</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">How it came</Table.Th>
            <Table.Th scope="col">Assigned to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/referrals/${r.id}`}>
                  {r.reference}
                </Anchor>
              </Table.Th>
              <Table.Td>
                {r.subject.firstName} {r.subject.lastName}
                <Text size="xs" c="dimmed">
                  {r.subject.dateOfBirth ? `Born ${formatDate(r.subject.dateOfBirth)}` : 'Date of birth not given'}
                </Text>
              </Table.Td>
              <Table.Td>
                {formatDateTime(r.receivedAt)}
                <Text size="xs" c="dimmed">
                  {receivedAgo(new Date(r.receivedAt), now)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ReferralClock referral={r} />
              </Table.Td>
              <Table.Td>
                <StateBadge state={r.status} />
              </Table.Td>
              <Table.Td>
                {referralChannelLabels[r.channel]}
                {r.form && <Text size="xs" c="dimmed">{r.form.name}</Text>}
              </Table.Td>
              <Table.Td>{r.assignedTo?.name ?? 'No one yet'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
