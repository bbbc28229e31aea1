import { Button, Group, Text } from '@mantine/core';

interface Props {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** What the list holds, in the plural: "users". */
  noun: string;
}

export function LoadMore({ shown, hasMore, loading, onLoadMore, noun }: Props) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" role="status">
        Showing {shown} {shown === 1 ? noun.replace(/s$/, '') : noun}
        {hasMore ? '' : shown > 0 ? ' (all)' : ''}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          Load more
        </Button>
      )}
    </Group>
  );
}
