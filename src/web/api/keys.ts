import type { Query } from './client.ts';

/**
 * Query keys start with the kind of record, so a live update about a kind can invalidate every
 * list and page that shows it with one prefix.
 */
export const keys = {
  me: ['me'] as const,
  partnerships: (query: Query = {}) => ['partnerships', query] as const,
  organisations: (query: Query = {}) => ['organisations', query] as const,
  teams: (query: Query = {}) => ['teams', query] as const,
  users: (query: Query = {}) => ['users', query] as const,
  user: (id: string) => ['users', 'one', id] as const,
  apiTokens: (query: Query = {}) => ['api-tokens', query] as const,
  audit: (query: Query = {}) => ['audit', query] as const,
  auditActions: ['audit', 'actions'] as const,
  outbox: (query: Query = {}) => ['outbox', query] as const,
  enrolment: ['enrolment'] as const,
};
