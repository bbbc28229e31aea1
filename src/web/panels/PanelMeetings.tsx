import { Link } from 'react-router';
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { MeetingSummary } from '../../shared/api/panels.ts';
import { formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { usePanelMeetings } from './api.ts';

const heading = { upcoming: 'Upcoming meetings', past: 'Past meetings' };
const empty = { upcoming: 'No meeting is arranged.', past: 'The panel has not met in Concord yet.' };

function MeetingRows({ meetings }: { meetings: MeetingSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Where</Table.Th>
            <Table.Th scope="col">Agenda items</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/meetings/${m.id}`}>
                  {formatDateTime(m.startsAt)}
                </Anchor>
              </Table.Th>
              <Table.Td>{[m.place, m.onlineLink ? 'Online' : null].filter(Boolean).join('; ') || '—'}</Table.Td>
              <Table.Td>{m.items}</Table.Td>
              <Table.Td>
                <Badge color={m.status === 'closed' ? 'gray' : 'blue'} variant="light" tt="none">
                  {m.status === 'closed' ? 'Closed' : 'Planned'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MeetingList({ panelId, when }: { panelId: string; when: 'upcoming' | 'past' }) {
  const list = usePanelMeetings(panelId, when);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {heading[when]}
      </Title>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label={`Loading ${heading[when].toLowerCase()}`} />
      {list.data && (list.data.items.length === 0 ? <Text size="sm">{empty[when]}</Text> : <MeetingRows meetings={list.data.items} />)}
    </Stack>
  );
}

/** The panel's meetings: those to come first, then those held. */
export function PanelMeetings({ panelId }: { panelId: string }) {
  return (
    <Stack gap="lg">
      <MeetingList panelId={panelId} when="upcoming" />
      <MeetingList panelId={panelId} when="past" />
    </Stack>
  );
}
