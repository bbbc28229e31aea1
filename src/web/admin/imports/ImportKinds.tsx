import { NavLink } from 'react-router';
import { Button, Group } from '@mantine/core';
import type { ImportKind } from '../../../shared/api/imports.ts';

const kinds: { kind: ImportKind; label: string; to: string }[] = [
  { kind: 'profiles', label: 'People', to: '/admin/imports' },
  { kind: 'users', label: 'Users', to: '/admin/imports/users' },
  { kind: 'cases', label: 'Cases', to: '/admin/imports/cases' },
  { kind: 'locations', label: 'Locations', to: '/admin/imports/locations' },
];

/** The four things a file can bring in, the one being imported marked as the current page. */
export function ImportKinds({ current }: { current: ImportKind }) {
  return (
    <nav aria-label="What to import">
      <Group gap="xs">
        {kinds.map((k) => (
          <Button key={k.kind} component={NavLink} to={k.to} end variant={k.kind === current ? 'filled' : 'default'} size="xs" aria-current={k.kind === current ? 'page' : undefined}>
            {k.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
