import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { isApiError } from '../api/errors.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { LockedRecord } from '../records/LockedRecord.tsx';
import { refusedOwner } from '../records/refusal.ts';

interface Props {
  id: string;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}

/** A profile page while it loads, or when it cannot be shown: locked, not found, or failed. */
export function RecordUnavailable({ id, isPending, error, onRetry }: Props) {
  const owner = refusedOwner(error);
  if (owner) return <LockedRecord kind="profiles" id={id} owner={owner} />;
  if (isApiError(error, 'not_found')) {
    return (
      <Page title="Profile not found">
        <Text>There is no profile at this address. It may have been removed, or the link may be wrong.</Text>
        <Anchor component={Link} to="/profiles">
          Go to people
        </Anchor>
      </Page>
    );
  }
  return (
    <Page title="Profile">
      <QueryStatus isPending={isPending} error={error} onRetry={onRetry} label="Loading the profile" />
    </Page>
  );
}
