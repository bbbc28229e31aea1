import { useState } from 'react';
import { Outlet } from 'react-router';
import type { Identity, IdentityState } from './flow.ts';

/** Holds what the client typed while they move between the sign-in pages. */
export function SignInFlow() {
  const [identity, setIdentity] = useState<Identity | null>(null);
  return <Outlet context={[identity, setIdentity] satisfies IdentityState} />;
}
