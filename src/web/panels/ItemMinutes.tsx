import { useState } from 'react';
import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { AgendaItem, Meeting } from '../../shared/api/panels.ts';
import { formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useMinutesVersions } from './api.ts';
import { minutesLabels } from './labels.ts';
import { MinutesForm } from './MinutesForm.tsx';

function EarlierWordings({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const [shown, setShown] = useState(false);
  const versions = useMinutesVersions(meetingId, item.id, shown);
  if (item.earlierVersions === 0) return null;
  return (
    <Stack gap={4}>
      <Button size="xs" variant="subtle" onClick={() => setShown(!shown)} aria-expanded={shown} style={{ alignSelf: 'flex-start' }}>
        {shown ? 'Hide earlier wordings' : `Show earlier wordings (${item.earlierVersions})`}
      </Button>
      {shown && <QueryStatus isPending={versions.isPending} error={versions.error} onRetry={() => void versions.refetch()} label="Loading earlier wordings" />}
      {shown && versions.data && (
        <List size="sm" spacing="xs">
          {versions.data.items.map((v) => (
            <List.Item key={v.version}>
              <Text size="xs" c="dimmed">
                Written by {v.editedBy.name}, {formatDateTime(v.editedAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {v.minutes || '(blank)'}
              </Text>
              {v.risks && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {minutesLabels.risks}: {v.risks}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The item's minutes and risks identified: read by those who may open the record, written by the chair and coordinators. */
export function ItemMinutes({ meeting: m, item }: { meeting: Meeting; item: AgendaItem }) {
  const [editing, setEditing] = useState(false);
  const written = Boolean(item.minutes || item.risks);
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h5">
          Minutes and risks
        </Title>
        {m.permissions.canRun && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {written ? 'Change the minutes' : 'Write the minutes'}
          </Button>
        )}
      </Group>
      {editing ? (
        <MinutesForm meetingId={m.id} item={item} onDone={() => setEditing(false)} />
      ) : written ? (
        <>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.minutes || 'No minutes yet.'}
          </Text>
          {item.risks && (
            <div>
              <Text size="sm" fw={600}>
                {minutesLabels.risks}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.risks}
              </Text>
            </div>
          )}
          {item.minutedBy && (
            <Text size="xs" c="dimmed">
              Minuted by {item.minutedBy.name}, {formatDateTime(item.minutedAt)}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">No minutes yet.</Text>
      )}
      <EarlierWordings meetingId={m.id} item={item} />
    </Stack>
  );
}
