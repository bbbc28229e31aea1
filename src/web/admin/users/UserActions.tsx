import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import type { User } from '../../../shared/api/users.ts';
import { UserActionModal, type UserAction } from './UserActionModal.tsx';

/** What an administrator can do to an account, offered only when it applies to its state. */
export function UserActions({ user }: { user: User }) {
  const [action, setAction] = useState<UserAction | null>(null);
  const disabled = user.status === 'disabled';
  return (
    <>
      <Group gap="sm">
        {disabled ? (
          <Button variant="default" onClick={() => setAction('enable')}>
            Enable user
          </Button>
        ) : (
          <Button color="red" variant="outline" onClick={() => setAction('disable')}>
            Disable user
          </Button>
        )}
        {!disabled && user.authenticatorEnrolled && (
          <Button variant="default" onClick={() => setAction('reset-authenticator')}>
            Reset authenticator
          </Button>
        )}
        {user.status === 'invited' && (
          <Button variant="default" onClick={() => setAction('invitation')}>
            Resend invitation
          </Button>
        )}
      </Group>
      {action && <UserActionModal user={user} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
