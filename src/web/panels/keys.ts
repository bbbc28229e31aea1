import type { Query } from '../api/client.ts';

/**
 * Every key starts with "panels" or "meetings", so a live change to a panel, a referral or a
 * meeting refreshes every list and page that shows one.
 */
export const panelKeys = {
  all: ['panels'] as const,
  list: ['panels', 'list'] as const,
  one: (id: string) => ['panels', 'one', id] as const,
  referrals: (panelId: string, query: Query) => ['panels', 'referrals', panelId, query] as const,
  start: (panelId: string, type: string, id: string) => ['panels', 'start', panelId, type, id] as const,
  meetings: (panelId: string, when: string) => ['panels', 'meetings', panelId, when] as const,
  statistics: (panelId: string, query: Query) => ['panels', 'statistics', panelId, query] as const,
};

export const meetingKeys = {
  all: ['meetings'] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  versionsOf: (meetingId: string) => ['meetings', 'versions', meetingId] as const,
  versions: (meetingId: string, itemId: string) => ['meetings', 'versions', meetingId, itemId] as const,
};
