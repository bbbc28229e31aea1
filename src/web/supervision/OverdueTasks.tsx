import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import type { Officer, Supervision, SupervisedTask } from '../../shared/api/supervision.ts';
import { assigneeCannotOpenRecord, task as taskSchema, type AssigneeCannotOpenRecord } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { formatDate } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { TaskRecord } from '../tasks/TaskRecord.tsx';
import { HandOn } from './HandOn.tsx';
import { homeKeys } from '../home/keys.ts';
import { supervisionKeys } from './keys.ts';

function TaskHandOn({ task, officers }: { task: SupervisedTask; officers: Officer[] }) {
  const queryClient = useQueryClient();
  const [blocked, setBlocked] = useState<{ officer: Officer; why: AssigneeCannotOpenRecord; message: string } | null>(null);
  const handOver = useMutation({
    mutationFn: ({ officer, share }: { officer: Officer; share: boolean }) =>
      call('PATCH', `/tasks/${task.id}`, taskSchema, { body: { version: task.version, assignee: { userId: officer.id }, shareWithAssignee: share } }),
    onSuccess: (_, { officer }) => {
      setBlocked(null);
      notifySaved(`"${task.title}" handed to ${officer.name}.`);
      void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
      void queryClient.invalidateQueries({ queryKey: homeKeys.day });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const hand = async (officer: Officer, share = false) => {
    try {
      await handOver.mutateAsync({ officer, share });
    } catch (error) {
      const why = isApiError(error, 'assignee_cannot_open_record') ? assigneeCannotOpenRecord.safeParse(error.details[0]).data : undefined;
      if (why && error instanceof Error) {
        setBlocked({ officer, why, message: error.message });
        return;
      }
      throw error;
    }
  };
  const problem = blocked && (
    <Alert color="orange" p="xs" role="alert">
      <Stack gap={6}>
        <Text size="xs">{blocked.message}</Text>
        {blocked.why.canShare && (
          <Button size="xs" variant="default" loading={handOver.isPending} onClick={() => void hand(blocked.officer, true)}>
            Share it (view) and hand on to {blocked.officer.name}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  return <HandOn what={task.title} officers={officers} holderId={task.acceptedBy?.id ?? (task.assignee.kind === 'user' ? task.assignee.id : null)} onHand={(o) => hand(o)} pending={handOver.isPending} problem={problem} />;
}

/** The team's overdue tasks, longest overdue first, each with a hand-over where the supervisor may. */
export function OverdueTasks({ view }: { view: Supervision }) {
  if (view.overdueTasks.items.length === 0) return <Text size="sm">Nothing set for the team or its officers is overdue.</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Task</Table.Th>
            <Table.Th scope="col">Due by</Table.Th>
            <Table.Th scope="col">Set for</Table.Th>
            <Table.Th scope="col">On</Table.Th>
            <Table.Th scope="col">Hand to another officer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.overdueTasks.items.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/tasks/${t.id}`}>
                  {t.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  Set by {t.setBy.name}, {t.setByTeam.name}
                </Text>
              </Table.Th>
              <Table.Td c="red.9" fw={600}>
                {formatDate(t.dueOn)}
              </Table.Td>
              <Table.Td>
                {t.assignee.name}
                {t.acceptedBy && <Text size="xs" c="dimmed">Taken on by {t.acceptedBy.name}</Text>}
              </Table.Td>
              <Table.Td>
                <TaskRecord record={t.record} />
              </Table.Td>
              <Table.Td>
                {t.canReassign ? <TaskHandOn task={t} officers={view.officers} /> : <Text size="xs">Only the person who set it can hand it on.</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
