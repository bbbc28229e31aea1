import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { actionPage, type Action } from '../../shared/api/tasks.ts';
import { usePagedList } from '../api/lists.ts';
import { messageOf } from '../api/errors.ts';
import { useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { actionKeys } from './keys.ts';
import { dueText, RecordLink, sharing } from './ReminderSummary.tsx';
import { useMarkDone } from './useReminderActions.ts';

type State = 'due' | 'upcoming' | 'done';

const headings: Record<State, { title: string; empty: string }> = {
  due: { title: 'Due', empty: 'Nothing is due.' },
  upcoming: { title: 'Upcoming', empty: 'No reminders to come.' },
  done: { title: 'Done', empty: 'No reminders done yet.' },
};

function ReminderItem({ reminder }: { reminder: Action }) {
  const me = useMe();
  const done = useMarkDone();
  const headingId = `reminder-${reminder.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Anchor component={Link} to={`/actions/${reminder.id}`} fw={600} id={headingId}>
            {reminder.title}
          </Anchor>
          {reminder.remindedAt && !reminder.doneAt && <Badge color="orange">Reminded</Badge>}
        </Group>
        <Text size="sm">{dueText(reminder)}</Text>
        <Text size="sm" c="dimmed">
          {sharing(reminder, me.id)}
        </Text>
        {reminder.record && (
          <Text size="sm">
            On: <RecordLink record={reminder.record} />
          </Text>
        )}
        {done.error && (
          <Text size="sm" c="red" role="alert">
            {messageOf(done.error)}
          </Text>
        )}
        {!reminder.doneAt && (
          <Group gap="sm">
            <Button size="xs" onClick={() => done.mutate(reminder)} loading={done.isPending} aria-describedby={headingId}>
              Mark done
            </Button>
            {reminder.permissions.canChange && (
              <Button size="xs" variant="default" component={Link} to={`/actions/${reminder.id}?edit=1`} aria-describedby={headingId}>
                Edit
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function ReminderList({ state }: { state: State }) {
  const query = { state, limit: 20 };
  const list = usePagedList(actionKeys.list(state), '/actions', query, actionPage);
  const { title, empty } = headings[state];
  return (
    <Stack gap="sm" component="section" aria-labelledby={`reminders-${state}`}>
      <Title order={2} id={`reminders-${state}`}>
        {title}
      </Title>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label={`Loading ${title.toLowerCase()} reminders`} />
      {list.data && (
        <>
          {list.items.length === 0 ? <Text c="dimmed">{empty}</Text> : list.items.map((r) => <ReminderItem key={r.id} reminder={r} />)}
          {list.hasNextPage && (
            <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="reminders" />
          )}
        </>
      )}
    </Stack>
  );
}
