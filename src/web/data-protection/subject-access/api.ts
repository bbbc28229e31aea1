import { useQuery } from '@tanstack/react-query';
import { subjectAccessExport, subjectAccessItemPage, subjectAccessPage } from '../../../shared/api/subject-access.ts';
import type { SarStatus } from '../../../shared/subject-access.ts';
import { get, withQuery } from '../../api/client.ts';

/** Query keys: everything of subject access starts with "subject-access", refreshed together after a change. */
export const subjectAccessKeys = {
  all: ['subject-access'] as const,
  list: (query: SubjectAccessQuery) => ['subject-access', 'list', query] as const,
  one: (id: string) => ['subject-access', 'one', id] as const,
  items: (id: string, organisationId: string) => ['subject-access', 'items', id, organisationId] as const,
};

export interface SubjectAccessQuery {
  status?: SarStatus;
  profileId?: string;
  reviewFor?: 'me';
}

/** Still moving on its own (a job is collecting or packaging): asked again every two seconds. */
const working = (status: SarStatus | undefined) => status === 'queued' || status === 'collecting' || status === 'packaging';

export function useSubjectAccessList(query: SubjectAccessQuery = {}) {
  return useQuery({
    queryKey: subjectAccessKeys.list(query),
    queryFn: () => get(withQuery('/subject-access-exports', { ...query, limit: 200 }), subjectAccessPage),
    refetchInterval: (q) => (q.state.data?.items.some((r) => working(r.status)) ? 2000 : false),
  });
}

export function useSubjectAccess(id: string) {
  return useQuery({
    queryKey: subjectAccessKeys.one(id),
    queryFn: () => get(`/subject-access-exports/${id}`, subjectAccessExport),
    refetchInterval: (q) => (working(q.state.data?.status) ? 2000 : false),
  });
}

/** An organisation's items: a person's record seldom holds more than a few hundred. */
export function useSubjectAccessItems(id: string, organisationId: string) {
  return useQuery({
    queryKey: subjectAccessKeys.items(id, organisationId),
    queryFn: () => get(withQuery(`/subject-access-exports/${id}/items`, { organisationId, limit: 200 }), subjectAccessItemPage),
  });
}
