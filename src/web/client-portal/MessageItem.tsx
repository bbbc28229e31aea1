import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { Message } from '../../shared/api/portal.ts';
import { formatDateTime } from '../components/format.ts';
import { formatBytes } from '../documents/api.ts';
import { attachmentHref } from './api.ts';

/** What the staff side knows of who has read a message. */
function receipt(message: Message): string {
  if (message.sender === 'staff') return message.readAt ? `Read by the client at ${formatDateTime(message.readAt)}` : 'Not read by the client yet';
  return message.readAt ? `Read by your team at ${formatDateTime(message.readAt)}` : 'New';
}

/** One message: the client's on the left, the team's on the right, as a conversation reads. */
export function MessageItem({ profileId, message }: { profileId: string; message: Message }) {
  const fromClient = message.sender === 'client';
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      bg={fromClient ? 'gray.0' : 'blue.0'}
      maw="85%"
      ml={fromClient ? 0 : 'auto'}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={700}>
            {message.author.name}
            {fromClient ? ' (the client)' : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.sentAt)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
        {message.attachments.length > 0 && (
          <Stack component="ul" gap={2} aria-label="Attached files" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {message.attachments.map((a) => (
              <li key={a.id}>
                <Anchor href={attachmentHref(profileId, a.id)} download size="sm">
                  {a.name}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  ({formatBytes(a.size)})
                </Text>
              </li>
            ))}
          </Stack>
        )}
        <Text size="xs" c={fromClient && !message.readAt ? 'blue.9' : 'dimmed'} fw={fromClient && !message.readAt ? 700 : undefined}>
          {receipt(message)}
        </Text>
      </Stack>
    </Paper>
  );
}
