import { Link, useParams } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { WarningMarkers } from '../records/WarningMarkers.tsx';
import { EditProfileForm } from './EditProfileForm.tsx';
import { fullName } from './labels.ts';
import { RecordUnavailable } from './RecordUnavailable.tsx';
import { useProfile } from './useProfile.ts';

export function EditProfilePage() {
  const { id = '' } = useParams();
  const query = useProfile(id);
  const p = query.data;
  if (!p) return <RecordUnavailable id={id} isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Page title={`Edit ${fullName(p)}`}>
      <WarningMarkers markers={p.warningMarkers} />
      {!p.permissions.canEdit ? (
        <>
          <Text>You can see this profile but not change it.</Text>
          <Anchor component={Link} to={`/profiles/${p.id}`}>
            Back to the profile
          </Anchor>
        </>
      ) : (
        // Keyed by id: a live update must not reset what the person is typing, but another profile must.
        <EditProfileForm key={p.id} record={p} />
      )}
    </Page>
  );
}
