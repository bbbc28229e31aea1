import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { task, type Task } from '../../shared/api/tasks.ts';
import { get } from '../api/client.ts';
import { Details } from '../components/Details.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { taskKeys } from './keys.ts';
import { taskPriorityLabels, updateLabels } from './labels.ts';
import { TaskActions } from './TaskActions.tsx';
import { TaskRecord } from './TaskRecord.tsx';
import { TaskStatus } from './TaskStatus.tsx';

function ProgressLog({ t }: { t: Task }) {
  return (
    <Paper component="section" aria-labelledby="task-progress" withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={2} size="h3" id="task-progress">
          Progress log
        </Title>
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite">
          {t.updates.map((u) => (
            <li key={u.id}>
              <Text size="sm" fw={600}>
                {updateLabels[u.kind]}
              </Text>
              <Text size="sm">
                {u.author.name} ({u.team.name}), {formatDateTime(u.at)}
              </Text>
              {u.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {u.note}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function TaskBody({ t }: { t: Task }) {
  return (
    <Stack gap="lg">
      <div role="status" aria-label="Task status">
        <TaskStatus task={t} />
      </div>
      {t.status === 'declined' && t.declineReason && (
        <Alert color="orange" title="Declined">
          {t.declineReason}
        </Alert>
      )}
      {t.status === 'completed' && t.result && (
        <Alert color="green" title={`Completed on ${formatDateTime(t.completedAt)}`}>
          {t.result}
        </Alert>
      )}
      <TaskActions t={t} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Details
          items={[
            { label: 'Due by', value: `${formatDate(t.dueOn)}${t.overdue ? ' (overdue)' : ''}` },
            { label: 'Priority', value: taskPriorityLabels[t.priority] },
            { label: 'Set for', value: t.assignee.name },
            { label: 'Taken on by', value: t.acceptedBy?.name ?? 'No one yet' },
            { label: 'Set by', value: `${t.setBy.name} (${t.setByTeam.name}), ${formatDateTime(t.createdAt)}` },
            { label: 'On', value: <TaskRecord standalone="Standalone: not on a record" record={t.record} /> },
            ...(t.actionPlan ? [{ label: 'Action plan', value: t.actionPlan.name }] : []),
            { label: 'Watching', value: t.watchers.length > 0 ? t.watchers.map((w) => w.name).join(', ') : 'No one' },
            { label: 'Details', value: <span style={{ whiteSpace: 'pre-wrap' }}>{t.description ?? '—'}</span> },
          ]}
        />
      </Paper>
      <ProgressLog t={t} />
    </Stack>
  );
}

/** One task: what it is, where it stands, its progress log and the steps this person may take. */
export function TaskPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: taskKeys.one(id), queryFn: () => get(`/tasks/${id}`, task) });
  const t = query.data;
  return (
    <Page title={t?.title ?? 'Task'}>
      <Anchor component={Link} to="/tasks" size="sm">
        Back to tasks
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading task" />
      {t && <TaskBody t={t} />}
    </Page>
  );
}
