import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Anchor, Box, Button, Grid, Group, Stack, Tabs } from '@mantine/core';
import { Page } from '../components/Page.tsx';
import { AssessmentsRequiredAlert } from '../assessments/AssessmentsRequiredAlert.tsx';
import { RecordAssessments } from '../assessments/RecordAssessments.tsx';
import { RecordDocuments } from '../documents/RecordDocuments.tsx';
import { InterestButton } from '../notifications/InterestButton.tsx';
import { RecordHistory } from '../records/RecordHistory.tsx';
import { RecordTimeline } from '../reports/RecordTimeline.tsx';
import { RecordTasks } from '../tasks/RecordTasks.tsx';
import { SharingPanel } from '../records/SharingPanel.tsx';
import { VictimCareAlerts } from '../victim-care/VictimCareAlerts.tsx';
import { VictimCareSection } from '../victim-care/VictimCareSection.tsx';
import { PortalSection } from '../client-portal/PortalSection.tsx';
import { ProfileDataProtection } from '../data-protection/ProfileDataProtection.tsx';
import { EmergencyBanner } from '../data-protection/emergency/EmergencyBanner.tsx';
import { KeepSafePanel } from '../schemes/KeepSafePanel.tsx';
import { AddressList } from './AddressList.tsx';
import { fullName } from './labels.ts';
import { MergedFrom } from './MergedFrom.tsx';
import { MergeProfileButton } from './MergeProfile.tsx';
import { PhotoPanel } from './PhotoPanel.tsx';
import { ProfileCases } from './ProfileCases.tsx';
import { ProfileOverview, ProfileSafety } from './ProfileOverview.tsx';
import { RecordUnavailable } from './RecordUnavailable.tsx';
import { ReferToPanelButton } from '../panels/ReferToPanel.tsx';
import { Relationships } from './Relationships.tsx';
import classes from './ProfilePage.module.css';
import { useProfile } from './useProfile.ts';

const sections = [
  { value: 'details', label: 'Details' },
  { value: 'work', label: 'Work' },
  { value: 'victim-care', label: 'Victim care' },
  { value: 'portal', label: 'Portal' },
  { value: 'documents', label: 'Documents' },
  { value: 'sharing', label: 'Sharing' },
  { value: 'data-protection', label: 'Data protection' },
  { value: 'history', label: 'History' },
] as const;
type SectionName = (typeof sections)[number]['value'];

/**
 * The group of sections shown, kept in the address (`?section=work`) so that a link opens it and
 * Back returns to the group seen before. The details need no parameter: they are where a visit starts.
 */
function useSection(): [SectionName, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const section = sections.find((s) => s.value === params.get('section'))?.value ?? 'details';
  const choose = (next: string | null) => {
    if (!next || next === section) return;
    const changed = new URLSearchParams(params);
    if (next === 'details') changed.delete('section');
    else changed.set('section', next);
    setParams(changed);
  };
  return [section, choose];
}

/**
 * A person: who they are and how safe a visit is on the first screen, and the rest of the record
 * one tab away. Only the chosen group is loaded.
 */
export function ProfilePage() {
  const { id = '' } = useParams();
  const [section, choose] = useSection();
  const query = useProfile(id);
  const p = query.data;
  if (!p) return <RecordUnavailable id={id} isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
  // A merged duplicate answers with the profile it was merged into: show that one at its own address.
  if (p.id !== id) return <Navigate to={`/profiles/${p.id}${section === 'details' ? '' : `?section=${section}`}`} replace />;

  return (
    <Page
      title={fullName(p)}
      actions={
        <>
          <InterestButton kind="profiles" id={p.id} />
          {p.permissions.canMerge && <MergeProfileButton profile={p} />}
          <ReferToPanelButton type="profile" id={p.id} />
          {p.permissions.canEdit && (
            <Button component={Link} to={`/profiles/${p.id}/edit`}>
              Edit profile
            </Button>
          )}
        </>
      }
    >
      <Stack gap="sm">
        <EmergencyBanner profileId={p.id} />
        <ProfileSafety profile={p} />
        <AssessmentsRequiredAlert kind="profiles" id={p.id} />
        <VictimCareAlerts profile={p} />
      </Stack>
      <Tabs value={section} onChange={choose} keepMounted={false} classNames={{ tab: classes.tab }}>
        {/* The way back shares the tabs' row: every line above the details is one they may not fit. */}
        <Group justify="space-between" align="flex-end" gap="xs">
          <Tabs.List aria-label="Parts of this profile">
            {sections.map((s) => (
              <Tabs.Tab key={s.value} value={s.value}>
                {s.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Group gap="lg" pb={6}>
            <Anchor href={`/api/v1/profiles/${p.id}/summary.pdf`} download size="sm">
              Download summary (PDF)
            </Anchor>
            <Anchor component={Link} to="/profiles" size="sm">
              Back to people
            </Anchor>
          </Group>
        </Group>
        <Tabs.Panel value="details" pt="md">
          <Stack gap="lg">
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, sm: 'content' }}>
                <PhotoPanel profile={p} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 'auto' }}>
                <Box className={classes.overview}>
                  <ProfileOverview profile={p} />
                </Box>
              </Grid.Col>
            </Grid>
            <KeepSafePanel profileId={p.id} />
            <AddressList addresses={p.addresses} />
            <Relationships profile={p} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="work" pt="md">
          <Stack gap="lg">
            <ProfileCases profileId={p.id} />
            <RecordAssessments kind="profiles" id={p.id} />
            <RecordTimeline kind="profiles" id={p.id} />
            <RecordTasks kind="profiles" id={p.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="victim-care" pt="md">
          <VictimCareSection profile={p} />
        </Tabs.Panel>
        <Tabs.Panel value="portal" pt="md">
          <PortalSection profile={p} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <RecordDocuments kind="profiles" id={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="sharing" pt="md">
          <SharingPanel kind="profiles" id={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="data-protection" pt="md">
          <ProfileDataProtection profileId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Stack gap="lg">
            <MergedFrom merged={p.mergedFrom} />
            <RecordHistory kind="profiles" id={p.id} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
