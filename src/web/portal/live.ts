import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { portalKeys } from './api.ts';

/** What each event makes stale: a message sent or read changes the conversation and the unread count. */
const staleAfter: Record<string, (readonly string[])[]> = {
  'message.sent': [portalKeys.messages, portalKeys.me],
  'messages.read': [portalKeys.messages, portalKeys.me],
  'safety_plan.updated': [portalKeys.safetyPlan],
  'appointments.changed': [portalKeys.appointments],
  'portal_items.changed': [portalKeys.documents, portalKeys.tasks],
};

/**
 * The portal's live stream while signed in: new messages and read receipts appear without a
 * reload, and a session ended elsewhere (timed out, or access ended by the practitioner) takes
 * the page to sign-in at once rather than leaving the plan or the messages on screen.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let connected = false;
    // Asking who is signed in settles whether this session is still open; a 401 leads to sign-in.
    const check = () => queryClient.invalidateQueries({ queryKey: portalKeys.me });

    const connect = () => {
      const stream = new EventSource('/api/v1/portal/events');
      source = stream;
      stream.addEventListener('session.ended', () => void check());
      // Sent on every (re)connection: whatever changed while disconnected was missed.
      stream.addEventListener('ready', () => {
        if (connected) void queryClient.invalidateQueries({ queryKey: portalKeys.all });
        connected = true;
      });
      for (const [type, stale] of Object.entries(staleAfter)) {
        stream.addEventListener(type, () => {
          for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey });
        });
      }
      // EventSource retries by itself after a network error, but not after a refused reply.
      stream.onerror = () => {
        void check().finally(() => {
          if (!stopped && stream.readyState === EventSource.CLOSED) retry = setTimeout(connect, 5000);
        });
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [queryClient]);
}
