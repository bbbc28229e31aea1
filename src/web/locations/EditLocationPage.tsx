import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Paper } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { LockedRecord } from '../records/LockedRecord.tsx';
import { refusedOwner } from '../records/refusal.ts';
import { EditLocationForm } from './EditLocationForm.tsx';
import { placeName } from './labels.ts';
import { useLocationRecord } from './useLocation.ts';

export function EditLocationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useLocationRecord(id);
  const owner = refusedOwner(query.error);
  if (owner) return <LockedRecord kind="locations" id={id} owner={owner} />;
  const l = query.data;

  return (
    <Page title={l ? `Edit ${placeName(l)}` : 'Edit location'}>
      <Anchor component={Link} to={`/locations/${id}`} size="sm">
        Back to the location
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading location" />
      {l && !l.permissions.canEdit && (
        <Alert color="blue" title="You can view this location but not change it">
          Ask {l.owner.team.name} at {l.owner.organisation.name} for edit access if you need to correct it.
        </Alert>
      )}
      {l?.permissions.canEdit && (
        <Paper withBorder p="lg" maw={880}>
          {/* Keyed by id only: a live refresh of the record must not reset what is being typed. */}
          <EditLocationForm key={l.id} record={l} onDone={() => void navigate(`/locations/${l.id}`)} />
        </Paper>
      )}
    </Page>
  );
}
