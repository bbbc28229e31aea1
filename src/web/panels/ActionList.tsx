import { Link } from 'react-router';
import { Anchor, Table, Text } from '@mantine/core';
import type { AgendaAction, OpenAction } from '../../shared/api/panels.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { recordHref, recordNoun } from '../records/kinds.ts';
import { TaskStatus } from '../tasks/TaskStatus.tsx';

function OnRecord({ action: a }: { action: OpenAction }) {
  if (a.recordTitle === null) return <>A {recordNoun(a.subject.type)} you cannot open</>;
  return (
    <Anchor component={Link} to={recordHref(a.subject.type, a.subject.id)}>
      {a.recordTitle}
    </Anchor>
  );
}

/** Agreed actions as the tasks they became: each links to its task, where it is accepted and completed. */
export function ActionList({ actions, caption }: { actions: AgendaAction[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">For</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => (
            <Table.Tr key={a.taskId}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/tasks/${a.taskId}`}>
                  {a.title}
                </Anchor>
              </Table.Th>
              <Table.Td>{a.assignee.name}</Table.Td>
              <Table.Td>{formatDate(a.dueOn)}</Table.Td>
              <Table.Td>
                <TaskStatus task={a} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Actions agreed at the panel's earlier meetings that are still to do: the chair goes through them first. */
export function OpenActions({ actions }: { actions: OpenAction[] }) {
  if (actions.length === 0) return <Text size="sm">Every action agreed at earlier meetings is finished.</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">On</Table.Th>
            <Table.Th scope="col">For</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Agreed at</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => (
            <Table.Tr key={a.taskId}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/tasks/${a.taskId}`}>
                  {a.title}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <OnRecord action={a} />
              </Table.Td>
              <Table.Td>{a.assignee.name}</Table.Td>
              <Table.Td>{formatDate(a.dueOn)}</Table.Td>
              <Table.Td>
                <TaskStatus task={a} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/meetings/${a.meeting.id}`}>
                  {formatDateTime(a.meeting.startsAt)}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
