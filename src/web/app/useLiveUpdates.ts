import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { me as meSchema } from '../../shared/api/auth.ts';

/** Which cached records each kind of change makes stale; the home page shows a little of most of them. */
const staleAfter: Record<string, string[][]> = {
  'user.changed': [['users'], ['me'], ['audit']],
  'team.changed': [['teams'], ['users'], ['me'], ['audit']],
  'organisation.changed': [['organisations'], ['teams'], ['users'], ['me'], ['audit']],
  'partnership.changed': [['partnerships'], ['organisations'], ['me'], ['audit']],
  'api_token.changed': [['api-tokens'], ['audit']],
  'profile.changed': [['profiles'], ['cases'], ['search'], ['audit'], ['home']],
  'case.changed': [['cases'], ['profiles'], ['locations'], ['search'], ['audit'], ['home']],
  'location.changed': [['locations'], ['cases'], ['search'], ['audit']],
  'lookup.changed': [['lookups']],
  // Being given (or losing) access to a record changes which records every list shows.
  'access.changed': [['profiles'], ['cases'], ['locations'], ['search'], ['access-requests'], ['home']],
  'access_request.created': [['access-requests'], ['home']],
  'access_request.decided': [['access-requests'], ['home']],
  // Working together: a report, document or task on a record refreshes that record's timeline.
  'timeline.changed': [['timeline'], ['reports'], ['documents']],
  'document.changed': [['documents'], ['timeline']],
  'task.changed': [['tasks'], ['action-plans'], ['timeline'], ['home']],
  'action.changed': [['actions'], ['timeline'], ['home']],
  'notification.created': [['notifications'], ['home']],
  'notification.read': [['notifications'], ['home']],
  'interest.changed': [['interests'], ['home']],
  'template.changed': [['templates']],
  // An assessment completed or approved may change the profile's risk level and set tasks and reminders.
  'assessment.changed': [['assessments'], ['profiles'], ['timeline'], ['tasks'], ['actions'], ['home']],
  'assessment_template.changed': [['assessment-templates']],
  'assessment_question.changed': [['question-bank']],
  // A contact plan, a contact, a community trigger flag or a case review changed on a person.
  'victim_care.changed': [['profiles'], ['home'], ['supervision'], ['community-triggers'], ['case-reviews']],
  // A panel's referrals, meetings and agendas: an open meeting page follows the chair's changes.
  'panel.changed': [['panels'], ['meetings']],
  'meeting.changed': [['meetings'], ['panels']],
  // A referral arrived on a desk, or a colleague moved one on: the desk, the referral and the figures.
  'referrals.changed': [['referrals']],
  // The client portal on a person: their access, what they see there, and their conversation.
  'portal_access.changed': [['profiles', 'portal']],
  'safety_plan.updated': [['profiles', 'safety-plan']],
  'appointments.changed': [['profiles', 'appointments']],
  'portal_items.changed': [['profiles', 'portal-items']],
  'portal_settings.changed': [['portal-settings']],
  'message.sent': [['portal-messages'], ['timeline']],
  'messages.read': [['portal-messages']],
};

/**
 * Live events for components that need what an event says, not just that something changed
 * (a reminder popping up). `useLiveEvent` subscribes for as long as the component is mounted.
 */
const liveEvents = new EventTarget();

export function useLiveEvent(type: string, handler: (data: Record<string, unknown>) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: Event) => latest.current((event as CustomEvent<Record<string, unknown>>).detail);
    liveEvents.addEventListener(type, listener);
    return () => liveEvents.removeEventListener(type, listener);
  }, [type]);
}

function dataOf(event: MessageEvent): Record<string, unknown> {
  try {
    const parsed = JSON.parse(String(event.data)) as { data?: Record<string, unknown> };
    return parsed.data ?? {};
  } catch {
    return {};
  }
}

function invalidate(queryClient: QueryClient, type: string) {
  for (const queryKey of staleAfter[type] ?? []) void queryClient.invalidateQueries({ queryKey });
}

/**
 * Listens to the server's live stream while signed in: other people's changes refresh the screens
 * that show them, and a session ended elsewhere (signed out, or the account disabled) takes this
 * browser to the sign-in page at once, without waiting for the next click.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let connected = false;

    const connect = () => {
      const stream = new EventSource('/api/v1/events');
      source = stream;
      // The event may be about another of this person's sessions; asking who is signed in tells
      // whether it was this one (a 401 then leads to sign-in, see Root).
      stream.addEventListener('session.ended', () => {
        void get('/me', meSchema).catch(() => undefined);
      });
      // Sent on every (re)connection: whatever changed while disconnected was missed, so refetch.
      stream.addEventListener('ready', () => {
        if (connected) void queryClient.invalidateQueries();
        connected = true;
      });
      for (const type of Object.keys(staleAfter)) {
        stream.addEventListener(type, (event) => {
          invalidate(queryClient, type);
          liveEvents.dispatchEvent(new CustomEvent(type, { detail: dataOf(event) }));
        });
      }
      // The stream also drops when the session dies without a farewell (the server restarted, or
      // refused to reconnect): asking who is signed in settles it, and a 401 leads to sign-in.
      // EventSource retries by itself after a network error, but not after a refused reply.
      stream.onerror = () => {
        get('/me', meSchema)
          .then((me) => queryClient.setQueryData(keys.me, me))
          .catch(() => undefined)
          .finally(() => {
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
