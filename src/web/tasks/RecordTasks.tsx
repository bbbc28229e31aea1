import { Link } from 'react-router';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { taskPage } from '../../shared/api/tasks.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { recordNoun, type RecordPath } from '../records/kinds.ts';
import { Section } from '../records/Section.tsx';
import { taskKeys } from './keys.ts';
import { stateOptions } from './labels.ts';
import { TaskTable } from './TaskTable.tsx';

type State = 'todo' | 'done' | 'all';

/** The tasks on a profile, case or location: everyone who can open the record sees them. */
export function RecordTasks({ kind, id }: { kind: RecordPath; id: string }) {
  const me = useMe();
  const [state, setState] = useState<State>('todo');
  const query = { state, limit: 20 };
  const list = usePagedList(taskKeys.record(kind, id, query), `/${kind}/${id}/tasks`, query, taskPage);
  return (
    <Section
      title="Tasks"
      actions={can(me, 'records.edit') && (
        <Group gap="xs">
          <Button variant="default" component={Link} to={`/tasks/new?kind=${kind}&id=${id}`}>
            Set a task
          </Button>
          <Button variant="default" component={Link} to={`/actions?on=${recordNoun(kind)}/${id}`}>
            Set a reminder
          </Button>
        </Group>
      )}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Which tasks"
          data={stateOptions}
          value={state}
          onChange={(s) => setState(s as State)}
          w="fit-content"
          size="xs"
        />
        <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading tasks" />
        {list.data && (list.items.length === 0
          ? <Text size="sm">No tasks {state === 'todo' ? 'to do ' : ''}on this {recordNoun(kind)}.</Text>
          : <TaskTable tasks={list.items} showRecord={false} caption={`Tasks on this ${recordNoun(kind)}, soonest due first`} />)}
        {list.hasNextPage && <LoadMore shown={list.items.length} hasMore loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="tasks" />}
      </Stack>
    </Section>
  );
}
