import { Link, Navigate, useParams } from 'react-router';
import { Anchor, Button, Grid, Stack } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { AssessmentsRequiredAlert } from '../assessments/AssessmentsRequiredAlert.tsx';
import { RecordAssessments } from '../assessments/RecordAssessments.tsx';
import { RecordDocuments } from '../documents/RecordDocuments.tsx';
import { InterestButton } from '../notifications/InterestButton.tsx';
import { RecordHistory } from '../records/RecordHistory.tsx';
import { RecordTimeline } from '../reports/RecordTimeline.tsx';
import { RecordTasks } from '../tasks/RecordTasks.tsx';
import { SharingPanel } from '../records/SharingPanel.tsx';
import { AddressList } from './AddressList.tsx';
import { fullName } from './labels.ts';
import { MergedFrom } from './MergedFrom.tsx';
import { MergeProfileButton } from './MergeProfile.tsx';
import { PhotoPanel } from './PhotoPanel.tsx';
import { ProfileCases } from './ProfileCases.tsx';
import { ProfileOverview, ProfileSafety } from './ProfileOverview.tsx';
import { RecordUnavailable } from './RecordUnavailable.tsx';
import { Relationships } from './Relationships.tsx';
import { useProfile } from './useProfile.ts';

export function ProfilePage() {
  const { id = '' } = useParams();
  const query = useProfile(id);
  const p = query.data;
  if (!p) return <RecordUnavailable id={id} isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  // A merged duplicate answers with the profile it was merged into: show that one at its own address.
  if (p.id !== id) return <Navigate to={`/profiles/${p.id}`} replace />;

  return (
    <Page
      title={fullName(p)}
      actions={
        <>
          <InterestButton kind="profiles" id={p.id} />
          {p.permissions.canMerge && <MergeProfileButton profile={p} />}
          {p.permissions.canEdit && (
            <Button component={Link} to={`/profiles/${p.id}/edit`}>
              Edit profile
            </Button>
          )}
        </>
      }
    >
      <ProfileSafety profile={p} />
      <AssessmentsRequiredAlert kind="profiles" id={p.id} />
      <Anchor component={Link} to="/profiles" size="sm">
        Back to people
      </Anchor>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, sm: 'content' }}>
          <PhotoPanel profile={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 'auto' }}>
          <ProfileOverview profile={p} />
        </Grid.Col>
      </Grid>
      <Stack gap="lg">
        <AddressList addresses={p.addresses} />
        <Relationships profile={p} />
        <ProfileCases profileId={p.id} />
        <RecordAssessments kind="profiles" id={p.id} />
        <RecordTimeline kind="profiles" id={p.id} />
        <RecordTasks kind="profiles" id={p.id} />
        <RecordDocuments kind="profiles" id={p.id} />
        <MergedFrom merged={p.mergedFrom} />
        <SharingPanel kind="profiles" id={p.id} />
        <RecordHistory kind="profiles" id={p.id} />
      </Stack>
    </Page>
  );
}
