import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { Alert, Button, Center, Stack } from '@mantine/core';
import { Loading } from '../components/Loading.tsx';
import { isApiError, messageOf } from '../api/errors.ts';
import { MeContext, useMeQuery } from './session.ts';

/** The signed-in area: only for someone fully signed in, with an authenticator enrolled. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: me, error, isPending, refetch } = useMeQuery();

  if (me) {
    if (me.enrolmentRequired) return <Navigate to="/enrolment" replace />;
    return <MeContext value={me}>{children}</MeContext>;
  }
  // A 401 has already sent the person to the sign-in page (see Root).
  if (isPending || (isApiError(error) && error.status === 401)) {
    return (
      <Center h="100vh">
        <Loading label="Loading Concord" />
      </Center>
    );
  }
  return (
    <Center h="100vh" p="md">
      <Stack maw={480}>
        <Alert color="red" title="Concord could not be opened" role="alert">
          {messageOf(error)}
        </Alert>
        <Button onClick={() => void refetch()}>Try again</Button>
      </Stack>
    </Center>
  );
}
