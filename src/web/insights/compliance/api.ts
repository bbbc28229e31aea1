import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { compliance, complianceList, expectedSharingReply } from '../../../shared/api/insights.ts';
import type { ComplianceCheck } from '../../../shared/insights.ts';
import { call, get, withQuery } from '../../api/client.ts';
import { useLiveEvent } from '../../app/useLiveUpdates.ts';
import { recordKeys } from '../../records/keys.ts';
import { complianceKeys } from './keys.ts';

/** `teamId` null: the reader's own team. */
export function useCompliance(teamId: string | null) {
  return useQuery({
    queryKey: complianceKeys.summary(teamId),
    queryFn: () => get(withQuery('/insights/compliance', { teamId }), compliance),
  });
}

/**
 * Paged as usePagedList does, keeping what the first page says of those the reader may not open;
 * without the previous list kept on screen, which here would be another check's or team's people.
 */
export function useComplianceList(check: ComplianceCheck, teamId: string | null) {
  const result = useInfiniteQuery({
    queryKey: complianceKeys.list(check, teamId),
    queryFn: ({ pageParam }) => get(withQuery(`/insights/compliance/${check}`, { teamId, cursor: pageParam }), complianceList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    ...result,
    items: result.data?.pages.flatMap((p) => p.items) ?? [],
    hidden: result.data?.pages[0]?.hidden ?? 0,
    loadMore: () => void result.fetchNextPage(),
  };
}

/**
 * A report or contact recorded on a profile fixes "no reason" and "not updated" without changing
 * the profile itself, so a timeline change refreshes the figures as well.
 */
export function useComplianceLiveUpdates() {
  const queryClient = useQueryClient();
  useLiveEvent('timeline.changed', () => void queryClient.invalidateQueries({ queryKey: complianceKeys.all }));
}

/** Shares a profile with every team and organisation its cases' types expect, at the level they expect. */
export function useShareAsExpected(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // An empty object, as other bodiless actions send: the route refuses a POST with no body at all.
    mutationFn: () => call('POST', `/profiles/${profileId}/expected-sharing`, expectedSharingReply, { body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: complianceKeys.all });
      void queryClient.invalidateQueries({ queryKey: recordKeys.access('profiles', profileId) });
    },
  });
}

/** The downloads; the server audits each one with what it held. */
export const complianceXlsxHref = (teamId: string | null) => `/api/v1${withQuery('/insights/compliance.xlsx', { teamId })}`;
export const complianceCsvHref = (teamId: string | null, check: ComplianceCheck) =>
  `/api/v1${withQuery('/insights/compliance.csv', { teamId, check })}`;
