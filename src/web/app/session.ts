import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import { me as meSchema, type Me } from '../../shared/api/auth.ts';
import type { RolePermission } from '../../shared/permissions.ts';
import { get } from '../api/client.ts';
import { keys } from '../api/keys.ts';

/** The same permissions the server checks (src/shared/permissions.ts); the screen only hides what the server would refuse. */
export type Permission = RolePermission;

const adminPermissions: Permission[] = [
  'partnerships.manage', 'organisations.manage', 'teams.manage', 'users.view', 'api_tokens.manage', 'outbox.view', 'lookups.manage', 'profiles.import',
  'templates.manage', 'referral_forms.manage',
];

/**
 * Who is signed in. Refetched whenever the tab regains focus or the network comes back, so a
 * session ended elsewhere is noticed as soon as the person returns to Concord.
 */
export function useMeQuery() {
  return useQuery({
    queryKey: keys.me,
    queryFn: () => get('/me', meSchema),
    staleTime: 60_000,
    retry: false,
    refetchOnWindowFocus: 'always',
    refetchOnReconnect: 'always',
  });
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in person, for screens inside the signed-in area. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe is only available inside the signed-in area');
  return me;
}

export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function canAdminister(me: Me): boolean {
  return adminPermissions.some((p) => can(me, p));
}

export const publicPaths = ['/sign-in', '/forgot-password', '/reset-password', '/set-password'];

export const sessionEndedMessage = 'Your session has ended. Please sign in again.';

/** Where to send someone to sign in, remembering where they were. */
export function signInPath(returnTo?: string): string {
  if (!returnTo || returnTo === '/' || !isSafeReturn(returnTo)) return '/sign-in';
  return `/sign-in?next=${encodeURIComponent(returnTo)}`;
}

/** Only a path inside Concord, never another site (`//evil.example`) or a public page. */
export function isSafeReturn(path: string | null): path is string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return false;
  return !publicPaths.some((p) => path === p || path.startsWith(`${p}?`)) && !path.startsWith('/enrolment');
}

export interface SignInState {
  message?: string;
}
