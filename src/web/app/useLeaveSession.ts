import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { signInPath, type SignInState } from './session.ts';

// Several requests usually fail together when a session ends; only the first leads away, so the
// later ones cannot replace the sign-in page's explanation with a blank one.
let leaving = false;

/** The person is in the signed-in area again, so a lost session must once more lead away. */
export function arrivedInSession(): void {
  leaving = false;
}

/**
 * Leaves the signed-in area for the sign-in page, forgetting every cached record so nothing of
 * the last person's work stays in memory, and remembering where they were.
 */
export function useLeaveSession() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    (options: { message?: string; returnTo?: string } = {}) => {
      if (leaving) return;
      leaving = true;
      const state: SignInState = { message: options.message };
      void Promise.resolve(navigate(signInPath(options.returnTo), { replace: true, state })).then(() => queryClient.clear());
    },
    [navigate, queryClient],
  );
}
