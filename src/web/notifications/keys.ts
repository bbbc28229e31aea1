/**
 * Query keys for notifications and interests: they start with 'notifications' and 'interests',
 * which the live `notification.*` and `interest.changed` events refresh.
 */
export const notificationKeys = {
  list: (filter: 'all' | 'unread') => ['notifications', 'list', filter] as const,
  latest: ['notifications', 'latest'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const interestKeys = {
  one: (kind: 'profiles' | 'cases', id: string) => ['interests', kind, id] as const,
};
