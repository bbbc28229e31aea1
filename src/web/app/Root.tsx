import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { whenUnauthenticated } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { publicPaths, sessionEndedMessage } from './session.ts';
import { arrivedInSession, useLeaveSession } from './useLeaveSession.ts';

/** The top of every page: turns any "not signed in" reply into a trip to the sign-in page. */
export function Root() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const leave = useLeaveSession();
  const here = useRef(location);

  useEffect(() => {
    here.current = location;
    if (!publicPaths.includes(location.pathname)) arrivedInSession();
  }, [location]);

  useEffect(() => {
    whenUnauthenticated(() => {
      const { pathname, search } = here.current;
      if (publicPaths.includes(pathname)) return;
      // Someone who was signed in has lost their session; someone arriving fresh just needs to sign in.
      const hadSession = queryClient.getQueryData(keys.me) !== undefined;
      leave({ message: hadSession ? sessionEndedMessage : undefined, returnTo: pathname + search });
    });
  }, [queryClient, leave]);

  return <Outlet />;
}
