import { Code, Stack, Table, Text } from '@mantine/core';
import type { AuditEvent } from '../../shared/api/audit.ts';
import { historyFieldLabel, historyValue, shownChanges } from '../records/historyValues.ts';

export function hasMore(event: AuditEvent): boolean {
  return event.valuesHidden || event.valuesErased || event.entityId !== null || Object.keys(event.changes ?? {}).length > 0 || Object.keys(event.details ?? {}).length > 0;
}

/** Why the reader sees who did what but not the values: the server decides, this only says so. */
export function valuesHiddenNote(event: AuditEvent): string {
  if (!event.entityType) return 'Values hidden: only the person who did this can see what they searched for or listed.';
  if (event.entityType === 'user') return 'Values hidden: you do not manage this user.';
  return 'Values hidden: you cannot open this record.';
}

/** What a write changed (before → after) and any other details recorded with the event. */
export function AuditEventChanges({ event }: { event: AuditEvent }) {
  const { created, rows: changes } = shownChanges(event.action, event.changes);
  const details = Object.entries(event.details ?? {});
  const label = (field: string) => historyFieldLabel(event.action, field);
  const shown = (field: string, value: unknown) => historyValue(event.action, field, value, event.names);
  return (
    <Stack gap="sm">
      {event.entityId && (
        <Text size="sm">
          Record ID: <Code>{event.entityId}</Code>
        </Text>
      )}
      {event.valuesHidden && (
        <Text size="sm" fs="italic">
          {valuesHiddenNote(event)}
        </Text>
      )}
      {event.valuesErased && (
        <Text size="sm" fs="italic">
          Values erased: what this event held about the person was deleted under the retention rules. The trail still proves it happened.
        </Text>
      )}
      {changes.length > 0 && (
        <Table withTableBorder fz="sm" bg="white" captionSide="top">
          <Table.Caption>Changes</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              {!created && <Table.Th scope="col">Before</Table.Th>}
              <Table.Th scope="col">{created ? 'Value' : 'After'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map(([field, { before, after }]) => (
              <Table.Tr key={field}>
                <Table.Th scope="row">{label(field)}</Table.Th>
                {!created && <Table.Td>{shown(field, before)}</Table.Td>}
                <Table.Td>{shown(field, after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {details.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Details
          </Text>
          {details.map(([key, value]) => (
            <Text size="sm" key={key}>
              {label(key)}: {shown(key, value)}
            </Text>
          ))}
        </div>
      )}
    </Stack>
  );
}
