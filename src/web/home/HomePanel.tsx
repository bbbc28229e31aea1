import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { HomePanel as Panel } from '../../shared/api/home.ts';

interface Props<T> {
  /** Unique on the page: the panel is labelled by its heading. */
  id: string;
  title: string;
  panel: Panel<T>;
  /** What the count counts, after the number, for one and for more: ["open case", "open cases"]. */
  counts: [one: string, other: string];
  /** The full list, and the words of the link to it; left out where each item leads to its own record. */
  to?: string;
  linkText?: string;
  /** Other ways into the same records, after the full list. */
  moreLinks?: { to: string; text: string }[];
  /** What to do when there is nothing to show. */
  empty: ReactNode;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
}

/** One panel of the day: a heading with the count, the first few items, and the way to all of them. */
export function HomePanel<T>({ id, title, panel, counts, to, linkText, moreLinks = [], empty, keyOf, render }: Props<T>) {
  const headingId = `home-${id}`;
  const number = panel.more ? `More than ${panel.count}` : String(panel.count);
  const shown = panel.items.length < panel.count || panel.more ? `, ${panel.items.length} shown` : '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Badge variant="light" color={panel.count > 0 ? 'blue' : 'gray'} tt="none" aria-hidden="true">
            {panel.more ? `${panel.count}+` : panel.count}
          </Badge>
        </Group>
        {panel.items.length === 0 ? (
          <Text size="sm">{empty}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {number} {panel.count === 1 && !panel.more ? counts[0] : counts[1]}{shown}
            </Text>
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {panel.items.map((item) => (
                <Stack component="li" key={keyOf(item)} gap={4}>
                  {render(item)}
                </Stack>
              ))}
            </Stack>
          </>
        )}
        {[...(to && linkText ? [{ to, text: linkText }] : []), ...moreLinks].map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm" fw={600}>
            {link.text}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}
