import { queryOptions, useQuery } from '@tanstack/react-query';
import { portalMe, type PortalMe } from '../../shared/api/portal.ts';
import { defaultExitUrl, defaultPortalName, portalSession } from '../../shared/portal.ts';
import { get, portalKeys, setCsrfToken } from './api.ts';

/** Who is signed in. A 401 leads to the sign-in page (see Root), so it is not asked again. */
export const meQuery = queryOptions({
  queryKey: portalKeys.me,
  queryFn: async () => remember(await get('/me', portalMe)),
  retry: false,
  staleTime: 60_000,
  refetchOnWindowFocus: 'always',
});

/** Keeps the session's CSRF token for the changes that follow. */
export function remember(me: PortalMe): PortalMe {
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * What the frame shows whether or not anyone is signed in: before sign-in (or once signed out)
 * the name and exit address are the same for every partnership.
 */
export function usePresentation(): { me: PortalMe | undefined; serviceName: string; exitUrl: string } {
  // Only reads what is cached: the signed-in pages fetch it.
  const { data: me } = useQuery({ ...meQuery, enabled: false });
  return { me, serviceName: me?.serviceName ?? defaultPortalName, exitUrl: me?.exitUrl ?? defaultExitUrl };
}

/** Why the sign-in page is shown again, if it is. */
export type SignedOutReason = 'idle' | 'ended';

export const signedOutNotices: Record<SignedOutReason, string> = {
  idle: `You were signed out after ${portalSession.idleMinutes} minutes without activity`,
  ended: 'You have been signed out',
};
