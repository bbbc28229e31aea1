import { useId, type ReactNode } from 'react';
import { Group, Paper, Stack, Title } from '@mantine/core';

interface Props {
  title: string;
  /** Buttons beside the heading, such as "Add a relationship". */
  actions?: ReactNode;
  children: ReactNode;
}

/** One part of a record page: a bordered region named by its h2, so it is a landmark to jump to. */
export function Section({ title, actions, children }: Props) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
