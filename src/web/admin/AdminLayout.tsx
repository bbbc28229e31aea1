import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { Button, Group, Stack } from '@mantine/core';
import { useMe } from '../app/session.ts';
import { sectionsFor } from './sections.ts';

/** Administration: a row of links to its parts above the part on show. */
export function AdminLayout() {
  const me = useMe();
  const { pathname } = useLocation();
  const sections = sectionsFor(me);
  const current = sections.find((s) => pathname.startsWith(s.path));

  if (sections.length === 0) return <Navigate to="/" replace />;
  if (!current) return <Navigate to={sections[0]!.path} replace />;

  return (
    <Stack gap="lg">
      <Group component="nav" aria-label="Administration" gap="xs">
        {sections.map((s) => (
          <Button
            key={s.path}
            component={Link}
            to={s.path}
            variant={s === current ? 'filled' : 'default'}
            size="sm"
            aria-current={s === current ? 'page' : undefined}
          >
            {s.label}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
