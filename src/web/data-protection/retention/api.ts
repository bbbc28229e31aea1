import { useQuery } from '@tanstack/react-query';
import { retentionRuleList, retentionState } from '../../../shared/api/retention.ts';
import { get } from '../../api/client.ts';

/**
 * Query keys: a record's retention state starts with its kind's list key ("profiles", "cases"),
 * so a change to the record refreshes it; the queue, rules and holds share "retention".
 */
export const retentionKeys = {
  all: ['retention'] as const,
  rules: ['retention', 'rules'] as const,
  reviews: (query: Record<string, unknown>) => ['retention', 'reviews', query] as const,
  holds: (query: Record<string, unknown>) => ['retention', 'holds', query] as const,
  state: (kind: 'profiles' | 'cases', id: string) => [kind, 'retention', id] as const,
};

export function useRetentionRules(enabled = true) {
  return useQuery({ queryKey: retentionKeys.rules, queryFn: () => get('/retention-rules', retentionRuleList), enabled });
}

export function useRetentionState(kind: 'profiles' | 'cases', id: string) {
  return useQuery({ queryKey: retentionKeys.state(kind, id), queryFn: () => get(`/${kind}/${id}/retention`, retentionState) });
}
