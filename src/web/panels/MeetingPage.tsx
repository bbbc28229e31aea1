import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import type { Meeting } from '../../shared/api/panels.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { OpenActions } from './ActionList.tsx';
import { AddWaitingReferrals } from './AddWaitingReferrals.tsx';
import { Agenda } from './Agenda.tsx';
import { calendarHref, useMeeting } from './api.ts';
import { CloseMeeting } from './CloseMeeting.tsx';
import { MeetingAttendance } from './MeetingAttendance.tsx';

function MeetingDetails({ meeting: m }: { meeting: Meeting }) {
  return (
    <Details
      items={[
        { label: 'Panel', value: <Anchor component={Link} to={`/panels/${m.panel.id}`} inherit>{m.panel.name}</Anchor> },
        { label: 'Starts', value: formatDateTime(m.startsAt) },
        { label: 'Ends', value: formatDateTime(m.endsAt, 'Not set') },
        { label: 'Place', value: m.place ?? 'Not set' },
        { label: 'Online link', value: m.onlineLink ? <Anchor href={m.onlineLink} inherit>{m.onlineLink}</Anchor> : 'None' },
        { label: 'Status', value: m.status === 'closed' ? `Closed ${formatDateTime(m.closedAt)}` : 'Planned' },
      ]}
    />
  );
}

/**
 * A meeting of a panel: attendance by agency, the actions still open from earlier meetings, and the
 * agenda, where members add research beforehand and the chair minutes each case and agrees actions.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const query = useMeeting(id);
  const m = query.data;
  const title = m ? `${m.panel.name}, ${formatDateTime(m.startsAt)}` : 'Meeting';
  return (
    <Page
      title={title}
      actions={m && (
        <>
          <Button component="a" href={calendarHref(m.id)} download variant="default">
            Add to calendar
          </Button>
          {m.permissions.canRun && m.status === 'planned' && <CloseMeeting meeting={m} />}
        </>
      )}
    >
      {m && (
        <Anchor component={Link} to={`/panels/${m.panel.id}`} size="sm">
          Back to {m.panel.name}
        </Anchor>
      )}
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the meeting" />
      {m && (
        <Stack gap="lg">
          {m.status === 'closed' && (
            <Alert color="gray" title="This meeting is closed">
              <Text size="sm">Its cases are counted as heard. Corrections to the minutes are kept as new versions beside the earlier wording.</Text>
            </Alert>
          )}
          <Section title="Details">
            <MeetingDetails meeting={m} />
          </Section>
          <Section title="Attendance">
            <MeetingAttendance meeting={m} />
          </Section>
          <Section title={`Open actions from earlier meetings (${m.openActions.length})`}>
            <OpenActions actions={m.openActions} />
          </Section>
          <Section title={`Agenda (${m.agenda.length})`} actions={m.permissions.canRun && m.status === 'planned' && <AddWaitingReferrals meeting={m} />}>
            {m.permissions.canRun && m.status === 'planned' && (
              <Text size="sm" c="dimmed">
                Waiting referrals are added in SafeLives&apos; suggested order: cases with outstanding actions first, then cases with children, then adults only, then
                cases 12 months on from their last hearing.
              </Text>
            )}
            <Agenda meeting={m} />
          </Section>
        </Stack>
      )}
    </Page>
  );
}
