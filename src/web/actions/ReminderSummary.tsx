import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import type { Action } from '../../shared/api/tasks.ts';
import { formatDateTime } from '../components/format.ts';

const recordPaths = { profile: 'profiles', case: 'cases', location: 'locations' } as const;

/** Where the reminder is from and who shares it, in a line. */
export function sharing(reminder: Action, myId: string): string {
  if (reminder.createdBy.id !== myId) return `Set by ${reminder.createdBy.name}`;
  return reminder.recipients.length === 0 ? 'Just for you' : `Shared with ${reminder.recipients.map((r) => r.name).join(', ')}`;
}

export function dueText(reminder: Action): string {
  if (reminder.doneAt) return `Done ${formatDateTime(reminder.doneAt)}`;
  return `Due ${formatDateTime(reminder.dueAt)}`;
}

/** The record a reminder is on: named only to those who can open it. */
export function RecordLink({ record }: { record: NonNullable<Action['record']> }) {
  if (!record.title) return <Text size="sm" span>A {record.kind} you cannot open</Text>;
  return (
    <Anchor component={Link} to={`/${recordPaths[record.kind]}/${record.id}`} size="sm">
      {record.title}
    </Anchor>
  );
}
