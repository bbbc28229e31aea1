import { useMutation } from '@tanstack/react-query';
import { Button, type ButtonProps } from '@mantine/core';
import { callNoReply } from '../api/client.ts';
import { useLeaveSession } from './useLeaveSession.ts';

/** Ends the session; signed out or not, this browser forgets the session and its data. */
export function useSignOut() {
  const leave = useLeaveSession();
  return useMutation({
    mutationFn: () => callNoReply('POST', '/auth/sign-out'),
    onSettled: () => leave({ message: 'You have signed out.' }),
  });
}

export function SignOutButton(props: ButtonProps) {
  const signOut = useSignOut();
  return (
    <Button {...props} loading={signOut.isPending} onClick={() => signOut.mutate()}>
      Sign out
    </Button>
  );
}
