import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { cardholder, cardholderPage, lookupLogPage } from '../../shared/api/schemes.ts';
import type { CardholderStatus } from '../../shared/schemes.ts';
import { get, withQuery } from '../api/client.ts';

export const schemeBase = '/schemes/keep-safe';

export const schemeKeys = {
  all: ['schemes'] as const,
  register: (query: RegisterQuery) => ['schemes', 'register', query] as const,
  cardholder: (id: string) => ['schemes', 'cardholder', id] as const,
  lookups: ['schemes', 'lookups'] as const,
};

export interface RegisterQuery {
  status?: CardholderStatus | undefined;
  q?: string | undefined;
}

export function useRegister(query: RegisterQuery) {
  return useInfiniteQuery({
    queryKey: schemeKeys.register(query),
    queryFn: ({ pageParam }) => get(withQuery(`${schemeBase}/cardholders`, { ...query, limit: 50, cursor: pageParam }), cardholderPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCardholder(id: string) {
  return useQuery({ queryKey: schemeKeys.cardholder(id), queryFn: () => get(`${schemeBase}/cardholders/${id}`, cardholder) });
}

export function useLookups() {
  return useInfiniteQuery({
    queryKey: schemeKeys.lookups,
    queryFn: ({ pageParam }) => get(withQuery(`${schemeBase}/lookups`, { limit: 50, cursor: pageParam }), lookupLogPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
