import { Link } from 'react-router';
import { Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useSignOut } from './SignOutButton.tsx';
import { useMe } from './session.ts';
import classes from './Shell.module.css';

const initials = (name: string) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join('');

/** Who is signed in, at the top right of every page, and the way to their account and out. */
export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <UnstyledButton className={classes.userButton}>
          <Stack gap={0} align="flex-end" visibleFrom="xs">
            <Text fw={600} size="sm">
              {me.name}
            </Text>
            <Text size="xs" c="dimmed">
              {me.team.name}, {me.organisation.name}
            </Text>
          </Stack>
          <Text hiddenFrom="xs" fw={700}>
            <span aria-hidden="true">{initials(me.name)}</span>
            <VisuallyHidden>{me.name}</VisuallyHidden>
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account">
          Your account
        </Menu.Item>
        <Menu.Item onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
