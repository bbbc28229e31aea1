import { Link, useSearchParams } from 'react-router';
import { Button, Checkbox, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { taskPage } from '../../shared/api/tasks.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { taskKeys } from './keys.ts';
import { stateOptions } from './labels.ts';
import { TaskTable } from './TaskTable.tsx';

const views = [
  { value: 'mine', label: 'My tasks', empty: 'No tasks are set for you.' },
  { value: 'team', label: 'My team\'s tasks', empty: 'No tasks are set for your team or organisation.' },
  { value: 'set', label: 'Tasks I set', empty: 'You have not set any tasks.' },
  { value: 'watching', label: 'Watching', empty: 'You are not watching any tasks.' },
] as const;
type View = (typeof views)[number]['value'];
type State = 'todo' | 'done' | 'all';

function TaskList({ view, state, overdue }: { view: (typeof views)[number]; state: State; overdue: boolean }) {
  const query = { view: view.value, state, overdue: overdue ? true : undefined, limit: 50 };
  const list = usePagedList(taskKeys.list(query), '/tasks', query, taskPage);
  return (
    <Stack gap="md">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading tasks" />
      {list.data && (
        <>
          {list.items.length === 0 ? <Text>{view.empty}</Text> : <TaskTable tasks={list.items} caption={`${view.label}, soonest due first`} />}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="tasks" />
        </>
      )}
    </Stack>
  );
}

/** The person's tasks: set for them, for their team, by them, or watched. */
export function TasksPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const view: View = views.find((v) => v.value === params.get('view'))?.value ?? 'mine';
  const state = (stateOptions.find((o) => o.value === params.get('state'))?.value ?? 'todo') as State;
  const overdue = params.get('overdue') === 'true';

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Tasks"
      actions={can(me, 'records.edit') && (
        <Button component={Link} to="/tasks/new">
          Set a task
        </Button>
      )}
    >
      <Tabs value={view} onChange={(v) => setParam('view', v === 'mine' ? null : v)} keepMounted={false}>
        <Tabs.List>
          {views.map((v) => (
            <Tabs.Tab key={v.value} value={v.value}>
              {v.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {views.map((v) => (
          <Tabs.Panel key={v.value} value={v.value} pt="md">
            <Stack gap="md">
              <Group align="flex-end" gap="md">
                <Select
                  label="Show"
                  data={stateOptions}
                  value={state}
                  onChange={(s) => setParam('state', s === 'todo' ? null : s)}
                  allowDeselect={false}
                  w={200}
                />
                <Checkbox label="Overdue only" checked={overdue} onChange={(e) => setParam('overdue', e.currentTarget.checked ? 'true' : null)} mb={8} />
              </Group>
              <TaskList view={v} state={state} overdue={overdue} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
