import type { Query } from '../api/client.ts';

export const accessRequestKeys = {
  list: (query: Query) => ['access-requests', query] as const,
  one: (id: string) => ['access-requests', 'one', id] as const,
};
