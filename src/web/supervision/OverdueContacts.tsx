import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import type { Supervision } from '../../shared/api/supervision.ts';
import { formatDateTime } from '../components/format.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { dayText, overdueText } from '../victim-care/labels.ts';

/** The victims the team holds whose next contact has slipped, longest overdue first. */
export function OverdueContacts({ view }: { view: Supervision }) {
  if (view.overdueContacts.items.length === 0) return <Text size="sm">Every victim the team holds has been contacted on time.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Victim</Table.Th>
            <Table.Th scope="col">Contact due</Table.Th>
            <Table.Th scope="col">Last contact</Table.Th>
            <Table.Th scope="col">Agreed</Table.Th>
            <Table.Th scope="col">Case</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.overdueContacts.items.map((o) => (
            <Table.Tr key={o.profile.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/profiles/${o.profile.id}?section=victim-care`}>
                  {o.profile.firstName} {o.profile.lastName}
                </Anchor>
                <PersonSafetyLine safety={o.profile.safety} />
              </Table.Th>
              <Table.Td c="red.9" fw={600}>
                {dayText(o.nextContactDue)}
                <Text size="xs" fw={600} c="red.9">
                  {overdueText(o.daysOverdue)}
                </Text>
              </Table.Td>
              <Table.Td>{o.lastContactAt ? formatDateTime(o.lastContactAt) : 'None since the plan was set'}</Table.Td>
              <Table.Td>Every {o.frequencyDays === 1 ? 'day' : `${o.frequencyDays} days`}</Table.Td>
              <Table.Td>
                {o.case ? (
                  <Anchor component={Link} to={`/cases/${o.case.id}`}>
                    {o.case.reference}
                  </Anchor>
                ) : (
                  'None'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
