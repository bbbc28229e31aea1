import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { notification, notificationPage, unreadCount } from '../../shared/api/notifications.ts';
import { call, get, withQuery } from '../api/client.ts';
import { notificationKeys } from './keys.ts';

export function useUnreadCount() {
  return useQuery({ queryKey: notificationKeys.unreadCount, queryFn: () => get('/notifications/unread-count', unreadCount) });
}

/** The newest few, for the bell. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => get(withQuery('/notifications', { limit: 10 }), notificationPage),
    enabled,
  });
}

/** Marking read refreshes every notification query: the count, the bell's list and the page. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => call('POST', `/notifications/${id}/read`, notification, { body: {} }),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => call('POST', '/notifications/read-all', z.object({ count: z.number() }), { body: {} }),
    onSuccess: refresh,
  });
}
