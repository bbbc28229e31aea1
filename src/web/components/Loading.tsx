import { Group, Loader, VisuallyHidden } from '@mantine/core';

/** A spinner that screen readers hear as words, e.g. "Loading users". */
export function Loading({ label }: { label: string }) {
  return (
    <Group justify="center" p="lg" role="status">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Group>
  );
}
