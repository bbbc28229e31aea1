import { Link, Outlet, useLocation } from 'react-router';
import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { SearchBox } from '../search/SearchBox.tsx';
import { ReminderPopups } from '../actions/ReminderPopups.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { navItemsFor } from './navigation.ts';
import { can, useMe } from './session.ts';
import { useLiveUpdates } from './useLiveUpdates.ts';
import { UserMenu } from './UserMenu.tsx';
import classes from './Shell.module.css';

export function Shell() {
  const me = useMe();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below Mantine's "sm" breakpoint the navigation slides out of view when closed, but would still
  // take keyboard focus off-screen; inert takes it out of the tab order and the accessibility tree.
  const narrow = useMediaQuery('(max-width: 47.99em)');
  useLiveUpdates();
  // On a phone the navigation covers the page; close it once a page has been chosen.
  useEffect(close, [pathname, close]);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" fw={700} fz="xl" className={classes.productName}>
              Concord
            </Text>
          </Group>
          {can(me, 'records.view') && <SearchBox />}
          <NotificationBell />
          <UserMenu />
        </Group>
      </AppShell.Header>
      {/* Scrolls on its own when it holds more items than a short window shows, as a system administrator's does. */}
      <AppShell.Navbar p="sm" id="main-navigation" aria-label="Main" inert={narrow && !opened} style={{ overflowY: 'auto' }}>
        {navItemsFor(me).map((item) => {
          const active = item.matches(pathname);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="filled"
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
        <ReminderPopups />
      </AppShell.Main>
    </AppShell>
  );
}
