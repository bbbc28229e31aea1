import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { action as actionSchema } from '../../shared/api/tasks.ts';
import { get } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { EditReminderForm } from './EditReminderForm.tsx';
import { actionKeys } from './keys.ts';
import { RecordLink } from './ReminderSummary.tsx';
import { useMarkDone } from './useReminderActions.ts';

export function ReminderPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({ queryKey: actionKeys.one(id), queryFn: () => get(`/actions/${id}`, actionSchema) });
  const done = useMarkDone();
  const reminder = query.data;
  const editing = params.get('edit') === '1' && !!reminder?.permissions.canChange;
  const setEditing = (on: boolean) => setParams(on ? { edit: '1' } : {}, { replace: true });

  return (
    <Page
      title={reminder ? reminder.title : 'Reminder'}
      actions={reminder && !reminder.doneAt && !editing && (
        <>
          <Button onClick={() => done.mutate(reminder)} loading={done.isPending}>
            Mark done
          </Button>
          {reminder.permissions.canChange && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
        </>
      )}
    >
      <Anchor component={Link} to="/actions" size="sm">
        Back to reminders
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading reminder" />
      {done.error && (
        <Alert color="red" title="The reminder was not marked done" role="alert">
          {messageOf(done.error)}
        </Alert>
      )}
      {reminder && (
        <Stack gap="lg">
          {reminder.doneAt && (
            <Alert color="green" title="Done">
              Marked done {formatDateTime(reminder.doneAt)}.
            </Alert>
          )}
          <Details
            items={[
              { label: 'Due', value: formatDateTime(reminder.dueAt) },
              { label: 'Reminded', value: formatDateTime(reminder.remindedAt, 'Not yet') },
              { label: 'Set by', value: reminder.createdBy.name },
              { label: 'Shared with', value: reminder.recipients.length === 0 ? 'Nobody else' : reminder.recipients.map((r) => r.name).join(', ') },
              { label: 'On', value: reminder.record ? <RecordLink record={reminder.record} /> : 'No record' },
            ]}
          />
          {reminder.notes && (
            <Stack gap={4}>
              <Title order={2} size="h4">
                Notes
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{reminder.notes}</Text>
            </Stack>
          )}
          {editing && (
            <Paper withBorder p="md" component="section" aria-labelledby="edit-reminder">
              <Title order={2} id="edit-reminder" mb="sm">
                Change the reminder
              </Title>
              <EditReminderForm reminder={reminder} onDone={() => setEditing(false)} />
            </Paper>
          )}
        </Stack>
      )}
    </Page>
  );
}
