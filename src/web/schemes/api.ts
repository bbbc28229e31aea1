import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  application, applicationPage, cardholder, cardholderPage, keepSafeState, lookupLogPage, scheme,
} from '../../shared/api/schemes.ts';
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

export const applicationKeys = {
  list: (status: string) => ['schemes', 'applications', status] as const,
  one: (id: string) => ['schemes', 'application', id] as const,
};

export function useApplications(status: string) {
  return useInfiniteQuery({
    queryKey: applicationKeys.list(status),
    queryFn: ({ pageParam }) => get(withQuery(`${schemeBase}/applications`, { status, limit: 50, cursor: pageParam }), applicationPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: applicationKeys.one(id), queryFn: () => get(`${schemeBase}/applications/${id}`, application) });
}

/** The scheme's set-up; refused (and so absent) for anyone who neither works nor sets it up. */
export function useScheme(enabled = true) {
  return useQuery({ queryKey: ['schemes', 'scheme'], queryFn: () => get(schemeBase, scheme), retry: false, enabled });
}

export function useKeepSafe(profileId: string) {
  return useQuery({ queryKey: ['schemes', 'profile', profileId], queryFn: () => get(`/profiles/${profileId}/keep-safe`, keepSafeState) });
}
