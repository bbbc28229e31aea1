import { Link } from 'react-router';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { SubjectAccessSummary } from '../../../shared/api/subject-access.ts';
import { dayText } from '../agreements/labels.ts';
import { statusColours, statusLabels } from './labels.ts';

/** Requests as a table: reference, person, handling organisation, status, due date, and the reader's own review. */
export function SubjectAccessTable({ items, caption, showPerson = true }: { items: SubjectAccessSummary[]; caption: string; showPerson?: boolean }) {
  if (items.length === 0) return <Text size="sm" c="dimmed">No subject access requests.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference</Table.Th>
            {showPerson && <Table.Th scope="col">Person</Table.Th>}
            <Table.Th scope="col">Handled by</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Your review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/data-protection/subject-access/${r.id}`} inherit>
                  {r.reference}
                </Anchor>
              </Table.Td>
              {showPerson && <Table.Td>{r.profile.title}</Table.Td>}
              <Table.Td>{r.organisation.name}</Table.Td>
              <Table.Td>
                <Badge color={statusColours[r.status]} variant="light">{statusLabels[r.status]}</Badge>
              </Table.Td>
              <Table.Td>
                {dayText(r.dueOn)}
                {r.overdue && <Badge ml="xs" color="red" variant="light">Overdue</Badge>}
              </Table.Td>
              <Table.Td>{r.myReview === 'pending' ? 'To do' : r.myReview === 'done' ? 'Done' : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
