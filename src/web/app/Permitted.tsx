import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { can, useMe, type Permission } from './session.ts';

/** A page for some roles only; others reach it only by typing its address. */
export function Permitted({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (can(me, permission)) return children;
  return (
    <Page title="You cannot open this page">
      <Text>Your role does not include this page. If you need it for your work, ask your team administrator.</Text>
      <Anchor component={Link} to="/">
        Go to the home page
      </Anchor>
    </Page>
  );
}
