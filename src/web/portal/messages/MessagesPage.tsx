import { useEffect, useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { messagePage, readMessagesReply } from '../../../shared/api/portal.ts';
import { call, get, portalKeys } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { meQuery } from '../session.ts';
import { MessageForm } from './MessageForm.tsx';
import { MessageItem } from './MessageItem.tsx';

/**
 * The client's conversation with their keyworker's team: oldest at the top and newest at the
 * bottom, as on a phone; earlier ones on request. New messages and read receipts arrive by the
 * live stream (see live.ts), and what the team sent is marked read once it is on screen.
 */
export function MessagesPage() {
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const conversation = useInfiniteQuery({
    queryKey: portalKeys.messages,
    queryFn: ({ pageParam }) => get(`/messages${pageParam ? `?${new URLSearchParams({ cursor: pageParam }).toString()}` : ''}`, messagePage),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const newestFirst = conversation.data?.pages.flatMap((p) => p.items) ?? [];
  const messages = [...newestFirst].reverse();
  const newest = newestFirst[0];
  const unreadFromTeam = newestFirst.find((m) => m.sender === 'staff' && m.readAt === null);

  const markRead = useMutation({
    mutationFn: (upTo: string) => call('POST', '/messages/read', readMessagesReply, { upTo }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.me }),
  });
  const { mutate: read } = markRead;
  const unreadId = unreadFromTeam?.id;
  useEffect(() => {
    if (unreadId) read(unreadId);
  }, [unreadId, read]);

  // A message from the team that arrives while the page is open is read out.
  const announcer = useRef<HTMLDivElement>(null);
  const lastSeen = useRef<string | null>(null);
  useEffect(() => {
    if (!newest) return;
    if (lastSeen.current !== null && lastSeen.current !== newest.id && newest.sender === 'staff' && announcer.current) {
      announcer.current.textContent = `New message from ${newest.author.name}`;
    }
    lastSeen.current = newest.id;
  }, [newest]);

  const announce = (words: string) => {
    if (announcer.current) announcer.current.textContent = words;
  };

  return (
    <>
      <PageHeading>Messages</PageHeading>
      {me && <p className="govuk-body">Messages between you and {me.keyworker.name} and their team.</p>}
      <div className="govuk-visually-hidden" role="status" ref={announcer} />
      {conversation.isPending && <p className="govuk-body">Loading your messages…</p>}
      {conversation.error && <p className="govuk-error-message">{conversation.error.message}</p>}
      {conversation.hasNextPage && (
        <button type="button" className="govuk-button govuk-button--secondary" disabled={conversation.isFetchingNextPage} onClick={() => void conversation.fetchNextPage()}>
          Show earlier messages
        </button>
      )}
      {conversation.data && messages.length === 0 && <p className="govuk-body">There are no messages yet.</p>}
      {messages.length > 0 && (
        <ol className="govuk-list portal-messages" aria-label="Conversation">
          {messages.map((m) => <MessageItem key={m.id} message={m} />)}
        </ol>
      )}
      <MessageForm onSent={() => announce('Your message has been sent')} />
    </>
  );
}
