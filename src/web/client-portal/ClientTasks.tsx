import { useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { casePage } from '../../shared/api/cases.ts';
import { profilePortalItems, type ProfilePortalItems } from '../../shared/api/portal.ts';
import { taskPage } from '../../shared/api/tasks.ts';
import { call, get, withQuery } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { profileKeys } from '../profiles/keys.ts';
import { dayText } from '../victim-care/labels.ts';
import { portalKeys } from './keys.ts';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 };
const todo = { state: 'todo', limit: 50 };

/** The open tasks on the profile and on each of its cases: those a practitioner may mark as the client's own. */
function useTaskChoices(profileId: string, enabled: boolean) {
  const cases = useQuery({ queryKey: profileKeys.cases(profileId), queryFn: () => get(withQuery('/cases', { profileId, limit: 50 }), casePage), enabled });
  const records = [
    { label: 'On this profile', path: `/profiles/${profileId}` },
    ...(cases.data?.items.filter((c) => c.status === 'open').map((c) => ({ label: `On case ${c.reference}`, path: `/cases/${c.id}` })) ?? []),
  ];
  const lists = useQueries({
    queries: records.map((r) => ({
      // Its own key: the record's task list beside it is paged, a different shape in the cache.
      queryKey: ['tasks', 'portal-choices', r.path],
      queryFn: () => get(withQuery(`${r.path}/tasks`, todo), taskPage),
      enabled,
    })),
  });
  return records.map((r, i) => ({ group: r.label, items: lists[i]?.data?.items ?? [] })).filter((g) => g.items.length > 0);
}

interface Props {
  profileId: string;
  tasks: ProfilePortalItems['tasks'];
  canEdit: boolean;
}

/** Tasks marked as the client's own: they see them in the portal and tick them off there. */
export function ClientTasks({ profileId, tasks, canEdit }: Props) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState('');
  const marked = new Set(tasks.map((t) => t.id));
  const groups = useTaskChoices(profileId, canEdit)
    .map((g) => ({ group: g.group, items: g.items.filter((t) => !marked.has(t.id)).map((t) => ({ value: t.id, label: `${t.title} (due ${dayText(t.dueOn)})` })) }))
    .filter((g) => g.items.length > 0);
  const change = useMutation({
    mutationFn: ({ taskId, mark }: { taskId: string; mark: boolean }) => call(mark ? 'PUT' : 'DELETE', `/profiles/${profileId}/portal/tasks/${taskId}`, profilePortalItems),
    onSuccess: (items, { mark }) => {
      setChosen('');
      queryClient.setQueryData(portalKeys.items(profileId), items);
      notifySaved(mark ? 'The client sees the task in the portal and can tick it off.' : 'The task is no longer shown to the client.');
    },
  });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        The client&apos;s tasks
      </Title>
      <FormAlert error={change.error} />
      {tasks.length === 0 ? (
        <Text size="sm">No tasks are marked as the client&apos;s own.</Text>
      ) : (
        <Stack component="ul" gap="xs" style={listStyle} aria-label="Tasks marked as the client's">
          {tasks.map((t) => (
            <Paper component="li" key={t.id} withBorder p="sm">
              <Group justify="space-between" gap="xs">
                <div>
                  <Group gap="xs">
                    <Text size="sm" fw={700}>
                      {t.title}
                    </Text>
                    {t.done ? <Badge color="green">Done</Badge> : <Badge color="gray" variant="light">To do</Badge>}
                  </Group>
                  <Text size="xs" c="dimmed">
                    Due {dayText(t.dueOn)}
                    {t.doneAt ? `; ticked off by the client ${formatDateTime(t.doneAt)}` : ''}; marked by {t.markedBy.name}
                  </Text>
                </div>
                {canEdit && (
                  <Button size="xs" variant="default" loading={change.isPending && change.variables.taskId === t.id} onClick={() => change.mutate({ taskId: t.id, mark: false })}>
                    Unmark<VisuallyHidden> {t.title}</VisuallyHidden>
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label="Mark a task as the client's own"
            description="Open tasks on this profile and its open cases"
            value={chosen}
            onChange={(e) => setChosen(e.currentTarget.value)}
            disabled={groups.length === 0}
            data={[{ value: '', label: groups.length ? 'Choose a task' : 'No open tasks to mark' }, ...groups]}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button onClick={() => chosen && change.mutate({ taskId: chosen, mark: true })} disabled={!chosen} loading={change.isPending && change.variables.mark}>
            Mark as the client&apos;s
          </Button>
        </Group>
      )}
    </Stack>
  );
}
