import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { get, withQuery } from '../api/client.ts';
import type { AdminTask } from './adminTasks.ts';

const limit = 200;
// Only the number of items matters here, not their shape.
const countable = z.object({ items: z.array(z.unknown()), nextCursor: z.string().nullable() });

/** Counting by listing is fine at a partnership's scale; beyond one page it says "more than". */
export function TaskCard({ task }: { task: AdminTask }) {
  const query = { ...task.query, limit };
  const count = useQuery({
    // Keyed under the kind of record, so live updates about it refresh the count too.
    queryKey: [task.path.slice(1), 'count', query],
    queryFn: () => get(withQuery(task.path, query), countable),
  });
  const number = count.data ? (count.data.nextCursor ? `More than ${limit}` : String(count.data.items.length)) : null;
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Anchor component={Link} to={task.to} fw={600}>
          {task.title}
        </Anchor>
        <Text size="sm">
          {number === null ? (count.isError ? 'Could not be counted just now' : 'Counting…') : `${number} ${task.counts}`}
        </Text>
      </Stack>
    </Paper>
  );
}
