import { Alert, Button, Group } from '@mantine/core';
import { messageOf } from '../api/errors.ts';
import { Loading } from './Loading.tsx';

interface Props {
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  /** What is loading, for screen readers: "Loading users". */
  label: string;
}

/** Loading and failure states of a query; renders nothing once the data is there. */
export function QueryStatus({ isPending, error, onRetry, label }: Props) {
  if (error) {
    return (
      <Alert color="red" title="This could not be loaded">
        {messageOf(error)}
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  if (isPending) {
    return <Loading label={label} />;
  }
  return null;
}
