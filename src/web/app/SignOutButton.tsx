import { useMutation } from '@tanstack/react-query';
import { Button, type ButtonProps } from '@mantine/core';
import { callNoReply } from '../api/client.ts';
import { useLeaveSession } from './useLeaveSession.ts';

export function SignOutButton(props: ButtonProps) {
  const leave = useLeaveSession();
  const signOut = useMutation({
    mutationFn: () => callNoReply('POST', '/auth/sign-out'),
    // Signed out or not, this browser must forget the session and its data.
    onSettled: () => leave({ message: 'You have signed out.' }),
  });
  return (
    <Button {...props} loading={signOut.isPending} onClick={() => signOut.mutate()}>
      Sign out
    </Button>
  );
}
