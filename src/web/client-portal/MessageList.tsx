import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Box, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { readMessagesReply, type Message } from '../../shared/api/portal.ts';
import { call } from '../api/client.ts';
import { portalKeys } from './keys.ts';
import { MessageItem } from './MessageItem.tsx';

interface Props {
  profileId: string;
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}

/**
 * The conversation, oldest at the top and newest at the bottom. The client's messages are marked
 * read once they are on screen in a tab the person is looking at, and a message arriving while
 * the conversation is open is read out.
 */
export function MessageList({ profileId, messages, hasOlder, loadingOlder, onLoadOlder }: Props) {
  const queryClient = useQueryClient();
  const scroller = useRef<HTMLDivElement>(null);
  const newest = messages.at(-1);
  // The newest message when the conversation was first shown: anything after it arrived live.
  const [newestAtStart] = useState(newest?.id);
  const unreadUpTo = messages.findLast((m) => m.sender === 'client' && m.readAt === null)?.id;
  const markRead = useMutation({
    mutationFn: (upTo: string) => call('POST', `/profiles/${profileId}/portal/messages/read`, readMessagesReply, { body: { upTo } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: portalKeys.messages(profileId) }),
  });
  const { mutate } = markRead;
  const asked = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!unreadUpTo) return undefined;
    const markIfSeen = () => {
      if (document.visibilityState !== 'visible' || asked.current === unreadUpTo) return;
      asked.current = unreadUpTo;
      mutate(unreadUpTo);
    };
    markIfSeen();
    document.addEventListener('visibilitychange', markIfSeen);
    return () => document.removeEventListener('visibilitychange', markIfSeen);
  }, [unreadUpTo, mutate]);

  useEffect(() => {
    const box = scroller.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [newest?.id]);

  const arrived = newest && newest.id !== newestAtStart && newest.sender === 'client' ? `New message from ${newest.author.name}: ${newest.body}` : '';
  return (
    <Stack gap="xs">
      {hasOlder && (
        <Group justify="center">
          <Button variant="default" size="xs" loading={loadingOlder} onClick={onLoadOlder}>
            Show earlier messages
          </Button>
        </Group>
      )}
      {messages.length === 0 ? (
        <Text size="sm">No messages yet.</Text>
      ) : (
        // The list scrolls on its own, so it takes focus for people who scroll with the keyboard.
        <Box ref={scroller} mah={480} style={{ overflowY: 'auto' }} tabIndex={0} role="region" aria-label="Conversation, oldest first">
          <Stack component="ol" gap="xs" p={2} style={{ listStyle: 'none', margin: 0 }}>
            {messages.map((m) => (
              <MessageItem key={m.id} profileId={profileId} message={m} />
            ))}
          </Stack>
        </Box>
      )}
      <VisuallyHidden role="status">{arrived}</VisuallyHidden>
    </Stack>
  );
}
