import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import type { TaskSummary } from '../../shared/api/tasks.ts';
import { formatDate } from '../components/format.ts';
import { taskPriorityLabels } from './labels.ts';
import { TaskRecord } from './TaskRecord.tsx';
import { TaskStatus } from './TaskStatus.tsx';

interface Props {
  tasks: TaskSummary[];
  /** On a record's page the record column would only repeat the page. */
  showRecord?: boolean;
  caption: string;
}

/** Tasks as a table: what, status (with overdue in words), due date, who it is for and who set it. */
export function TaskTable({ tasks, showRecord = true, caption }: Props) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">{caption}</Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Task</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Priority</Table.Th>
            <Table.Th scope="col">Set for</Table.Th>
            <Table.Th scope="col">Set by</Table.Th>
            {showRecord && <Table.Th scope="col">On</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/tasks/${t.id}`}>
                  {t.title}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <TaskStatus task={t} />
              </Table.Td>
              <Table.Td>{formatDate(t.dueOn)}</Table.Td>
              <Table.Td>{taskPriorityLabels[t.priority]}</Table.Td>
              <Table.Td>
                {t.assignee.name}
                {t.acceptedBy && <Text size="xs" c="dimmed">Taken on by {t.acceptedBy.name}</Text>}
              </Table.Td>
              <Table.Td>
                {t.setBy.name}
                <Text size="xs" c="dimmed">{t.setByTeam.name}</Text>
              </Table.Td>
              {showRecord && (
                <Table.Td>
                  <TaskRecord record={t.record} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
