import { Link } from 'react-router';
import { Alert, Anchor } from '@mantine/core';
import type { Owner } from '../../shared/api/records.ts';

/** Said once a request has gone: who decides, and where the answer will show. */
export function RequestSent({ owner, compact = false }: { owner?: Owner; compact?: boolean }) {
  return (
    <Alert color="green" title="Request sent" role="status" p={compact ? 'xs' : undefined}>
      {owner ? `The ${owner.team.name} at ${owner.organisation.name} will decide. ` : 'The team that holds it will decide. '}
      <Anchor component={Link} to="/access-requests" inherit>
        See your access requests
      </Anchor>
    </Alert>
  );
}
