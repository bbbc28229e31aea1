import { useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { isApiError } from '../api/errors.ts';
import { PageHeading } from './components/PageHeading.tsx';
import { useLiveUpdates } from './live.ts';
import { meQuery } from './session.ts';

/** The pages for a signed-in client; a 401 has already sent anyone else to sign-in (see Root). */
export function SignedIn() {
  const { data: me, error, refetch, isFetching } = useQuery(meQuery);
  if (me) return <Live />;
  if (!error || (isApiError(error) && error.status === 401)) {
    return <p className="govuk-body" role="status">Loading…</p>;
  }
  return (
    <>
      <PageHeading>Sorry, there is a problem</PageHeading>
      <p className="govuk-body">{error.message}</p>
      <button type="button" className="govuk-button" disabled={isFetching} onClick={() => void refetch()}>Try again</button>
    </>
  );
}

function Live() {
  useLiveUpdates();
  return <Outlet />;
}
