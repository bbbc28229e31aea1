import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { SubjectAccessClock } from '../../../shared/api/subject-access.ts';
import { dayText } from '../agreements/labels.ts';

const dayMs = 86_400_000;
const span = (from: string, to: string) => Math.max(1, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs));

/** How much of the statutory month (or three, when extended) has gone, in words beside the bar. */
export function ClockBar({ clock, open }: { clock: SubjectAccessClock; open: boolean }) {
  const total = span(clock.receivedOn, clock.dueOn);
  const used = Math.min(total, Math.max(0, total - clock.daysLeft));
  const words = !open
    ? `Was due by ${dayText(clock.dueOn)}`
    : clock.overdue
      ? `Overdue by ${-clock.daysLeft} ${clock.daysLeft === -1 ? 'day' : 'days'} (due ${dayText(clock.dueOn)})`
      : `${clock.daysLeft} ${clock.daysLeft === 1 ? 'day' : 'days'} left: due by ${dayText(clock.dueOn)}`;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{words}</Text>
        {clock.extended && <Badge color="blue" variant="light">Extended</Badge>}
        {clock.pausedSince && <Badge color="yellow" variant="light">Paused since {dayText(clock.pausedSince)}</Badge>}
      </Group>
      {open && (
        <Progress
          value={(used / total) * 100}
          color={clock.overdue ? 'red' : clock.daysLeft <= 7 ? 'orange' : 'blue'}
          aria-label={`Statutory time used: ${used} of ${total} days`}
        />
      )}
      <Text size="sm" c="dimmed">
        Received {dayText(clock.receivedOn)}
        {clock.extended && ` · first due ${dayText(clock.originalDueOn)}, extended${clock.extensionReason ? `: ${clock.extensionReason}` : ''}`}
        {clock.pausedDays > 0 && ` · paused ${clock.pausedDays} ${clock.pausedDays === 1 ? 'day' : 'days'} for clarification`}
      </Text>
    </Stack>
  );
}
