import { Text } from '@mantine/core';
import type { PortalAccess } from '../../shared/api/portal.ts';
import { isApiError } from '../api/errors.ts';
import { useMe } from '../app/session.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { useConversation } from './api.ts';
import { MessageList } from './MessageList.tsx';
import { SendMessageForm } from './SendMessageForm.tsx';

interface Props {
  profileId: string;
  firstName: string;
  /** The latest access: its team holds the conversation. */
  access: PortalAccess;
  /** Whether the reader may send: their team holds the live access. */
  canMessage: boolean;
}

function whyNoSending(access: PortalAccess, firstName: string): string {
  return access.endedAt ? `${firstName}'s access has ended, so no more messages can be sent.` : 'You can read this conversation, but your role does not let you send messages.';
}

/**
 * The client's conversation with their keyworker's team, which alone may read it (even after the
 * access ended). Anyone else is told whose it is without asking the server, which would refuse
 * them and record the refusal.
 */
export function Conversation({ profileId, firstName, access, canMessage }: Props) {
  const ourTeam = useMe().team.id === access.team.id;
  const conversation = useConversation(profileId, ourTeam);
  const otherTeam = !ourTeam || isApiError(conversation.error, 'forbidden');
  return (
    <Section title="Messages">
      {otherTeam ? (
        <Text size="sm">
          Only {access.team.name} can read and send messages in {firstName}&apos;s conversation.
        </Text>
      ) : !conversation.data ? (
        <QueryStatus isPending={conversation.isPending} error={conversation.error} onRetry={() => void conversation.refetch()} label="Loading messages" />
      ) : (
        <>
          <MessageList
            profileId={profileId}
            messages={conversation.messages}
            hasOlder={conversation.hasNextPage}
            loadingOlder={conversation.isFetchingNextPage}
            onLoadOlder={() => void conversation.fetchNextPage()}
          />
          {canMessage ? <SendMessageForm profileId={profileId} firstName={firstName} /> : <Text size="sm">{whyNoSending(access, firstName)}</Text>}
        </>
      )}
    </Section>
  );
}
