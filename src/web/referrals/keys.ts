import type { Query } from '../api/client.ts';

/**
 * Every key of the desk starts with "referrals", so the live `referrals.changed` event refreshes
 * the desk, an open referral and the figures with one prefix; the forms have their own.
 */
export const referralKeys = {
  all: ['referrals'] as const,
  desk: (query: Query) => ['referrals', 'desk', query] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  /**
   * Outside the "referrals" prefix: every read of the matches is audited, so a colleague's change
   * to another referral on the desk does not ask for them again.
   */
  matches: (id: string) => ['referral-matches', id] as const,
  statistics: (query: Query) => ['referrals', 'statistics', query] as const,
};

export const referralFormKeys = {
  all: ['referral-forms'] as const,
  list: ['referral-forms', 'list'] as const,
  one: (id: string) => ['referral-forms', 'one', id] as const,
  versions: (id: string) => ['referral-forms', 'versions', id] as const,
};
