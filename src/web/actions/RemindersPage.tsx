import { useSearchParams } from 'react-router';
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { recordKinds, type RecordKind } from '../../shared/records.ts';
import { can, useMe } from '../app/session.ts';
import { Page } from '../components/Page.tsx';
import { NewReminderForm } from './NewReminderForm.tsx';
import { ReminderList } from './ReminderList.tsx';

/**
 * A record page links here as /actions?on=<kind>/<id> to set a reminder on that record; the
 * server checks that the person can open it.
 */
function recordFrom(on: string | null): { kind: RecordKind; id: string } | null {
  const match = /^([a-z]+)\/([0-9a-f-]{36})$/.exec(on ?? '');
  const kind = recordKinds.find((k) => k === match?.[1]);
  return kind && match ? { kind, id: match[2]! } : null;
}

export function RemindersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const record = recordFrom(params.get('on'));
  return (
    <Page title="Reminders">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xl">
          <ReminderList state="due" />
          <ReminderList state="upcoming" />
        </Stack>
        <Stack gap="xl">
          {can(me, 'records.edit') && (
            <Paper withBorder p="md" component="section" aria-labelledby="set-reminder">
              <Title order={2} id="set-reminder" mb="sm">
                Set a reminder
              </Title>
              <NewReminderForm record={record} onLeaveRecord={() => setParams({}, { replace: true })} />
            </Paper>
          )}
          <ReminderList state="done" />
        </Stack>
      </SimpleGrid>
    </Page>
  );
}
