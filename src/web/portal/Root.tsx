import { useCallback, useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { portalSession } from '../../shared/portal.ts';
import { callNoReply, portalKeys, setCsrfToken, whenUnauthenticated } from './api.ts';
import { ExitThisPage } from './components/ExitThisPage.tsx';
import { ServiceNavigation, type NavigationItem } from './components/ServiceNavigation.tsx';
import { usePresentation, type SignedOutReason } from './session.ts';

const navigation: NavigationItem[] = [
  { to: '/portal', text: 'Home' },
  { to: '/portal/messages', text: 'Messages' },
  { to: '/portal/plan', text: 'Safety plan' },
  { to: '/portal/appointments', text: 'Appointments' },
  { to: '/portal/documents', text: 'Documents' },
  { to: '/portal/things-to-do', text: 'Things to do' },
];

/** Leaves the portal for its sign-in page, forgetting everything it showed. */
function useLeave() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback((reason: SignedOutReason | null) => {
    setCsrfToken(null);
    queryClient.removeQueries({ queryKey: portalKeys.all });
    void navigate('/portal/sign-in', { replace: true, state: reason ? { signedOut: reason } : null });
  }, [navigate, queryClient]);
}

/**
 * Every portal page: "Exit this page" first (its skip link, then the button always in view), the
 * header, and the page. Any "not signed in" reply leads to the sign-in page, saying why when the
 * person had been signed in.
 */
export function Root() {
  const { me, serviceName, exitUrl } = usePresentation();
  const { pathname } = useLocation();
  const leave = useLeave();
  const queryClient = useQueryClient();

  useEffect(() => {
    whenUnauthenticated(({ code, quietFor }) => {
      // Someone who was signed in is told why they are back at sign-in; someone arriving is not.
      const hadSession = code === 'session_ended' || queryClient.getQueryData(portalKeys.me) !== undefined;
      // A second refusal after leaving (a request already on its way) must not wipe the notice just shown.
      if (!hadSession) return window.location.pathname.startsWith('/portal/sign-in') ? undefined : leave(null);
      const idle = quietFor !== null && quietFor >= portalSession.idleMinutes * 60_000;
      leave(idle ? 'idle' : 'ended');
    });
  }, [leave, queryClient]);

  const signOut = async () => {
    await callNoReply('POST', '/sign-out').catch(() => undefined);
    leave('ended');
  };

  return (
    <>
      <a href={exitUrl} className="govuk-skip-link govuk-js-exit-this-page-skiplink" rel="nofollow noreferrer">Exit this page</a>
      <a
        href="#main-content"
        className="govuk-skip-link"
        onClick={(event) => {
          // Focus moves without a change of address, which would add to the browser's history.
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="govuk-template__header">
        <ServiceNavigation
          key={pathname}
          serviceName={serviceName}
          items={me ? navigation : []}
          end={me && <button type="button" className="govuk-service-navigation__link portal-link-button" onClick={() => void signOut()}>Sign out</button>}
        />
      </header>
      <div className="govuk-width-container">
        <ExitThisPage exitUrl={exitUrl} />
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <Outlet />
            </div>
          </div>
        </main>
      </div>
    </>
  );
}
