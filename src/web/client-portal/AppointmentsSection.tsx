import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Appointment } from '../../shared/api/portal.ts';
import { formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useNow } from '../referrals/useNow.ts';
import { useAppointments } from './api.ts';
import { whenText } from './appointment.ts';
import { EditAppointmentForm, NewAppointmentForm } from './AppointmentForms.tsx';
import { CancelAppointmentButton } from './CancelAppointmentButton.tsx';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 };

interface ItemProps {
  record: Appointment;
  canEdit: boolean;
  editing: boolean;
  onEdit: (editing: boolean) => void;
}

function AppointmentItem({ record, canEdit, editing, onEdit }: ItemProps) {
  const cancelled = record.status === 'cancelled';
  if (editing) {
    return (
      <Paper component="li" withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          Change the appointment on {whenText(record)}
        </Title>
        <EditAppointmentForm record={record} onDone={() => onEdit(false)} />
      </Paper>
    );
  }
  return (
    <Paper component="li" withBorder p="sm" bg={cancelled ? 'gray.0' : undefined}>
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={700} size="sm" td={cancelled ? 'line-through' : undefined}>
            {whenText(record)}
          </Text>
          {cancelled && <Badge color="gray">Cancelled</Badge>}
        </Group>
        <Text size="sm">
          {record.place}, with {record.withWhom}
        </Text>
        {record.details && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {record.details}
          </Text>
        )}
        {record.rearrangeRequest && (
          <Alert color="orange" title="The client asked to rearrange" p="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {formatDateTime(record.rearrangeRequest.at)}: {record.rearrangeRequest.reason}
            </Text>
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Booked by {record.createdBy.name}
          {record.reminderSentAt ? `; reminder sent ${formatDateTime(record.reminderSentAt)}` : ''}
        </Text>
        {canEdit && !cancelled && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => onEdit(true)}>
              Change<VisuallyHidden> the appointment on {whenText(record)}</VisuallyHidden>
            </Button>
            <CancelAppointmentButton record={record} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The client's appointments, which they see in the portal: coming ones first, soonest at the top. */
export function AppointmentsSection({ profileId }: { profileId: string }) {
  const query = useAppointments(profileId);
  const now = useNow().getTime();
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = query.data?.permissions.canEdit ?? false;
  const items = query.data?.items ?? [];
  const coming = items.filter((a) => a.status === 'booked' && Date.parse(a.startsAt) >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const earlier = items.filter((a) => !coming.includes(a)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const item = (a: Appointment) => (
    <AppointmentItem key={a.id} record={a} canEdit={canEdit} editing={editing === a.id} onEdit={(on) => setEditing(on ? a.id : null)} />
  );
  return (
    <Section
      title="Appointments"
      actions={canEdit && editing !== 'new' && (
        <Button variant="default" onClick={() => setEditing('new')}>
          Book an appointment
        </Button>
      )}
    >
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading appointments" />
      {editing === 'new' && (
        <Paper withBorder p="md" radius="sm">
          <Title order={3} size="h4" mb="sm">
            Book an appointment
          </Title>
          <NewAppointmentForm profileId={profileId} onDone={() => setEditing(null)} />
        </Paper>
      )}
      {query.data && (
        <Stack gap="sm">
          <Title order={3} size="h5">
            Coming up
          </Title>
          {coming.length === 0 ? <Text size="sm">None booked.</Text> : <Stack component="ul" gap="xs" style={listStyle} aria-label="Coming up">{coming.map(item)}</Stack>}
          {earlier.length > 0 && (
            <>
              <Title order={3} size="h5">
                Earlier or cancelled
              </Title>
              <Stack component="ul" gap="xs" style={listStyle} aria-label="Earlier or cancelled">
                {earlier.map(item)}
              </Stack>
            </>
          )}
        </Stack>
      )}
    </Section>
  );
}
