import { Stack, Text } from '@mantine/core';
import { can, useMe } from '../app/session.ts';
import { ProfileViewers } from './viewers/ProfileViewers.tsx';
import { RecentViewers } from './viewers/RecentViewers.tsx';
import { LawfulBasisPanel } from './lawful-basis/LawfulBasisPanel.tsx';
import { SubjectAccessPanel } from './subject-access/SubjectAccessPanel.tsx';
import { RetentionPanel } from './retention/RetentionPanel.tsx';

/** The profile's data protection tab: each organisation's lawful basis, and who looked at the person (for its administrators). */
export function ProfileDataProtection({ profileId }: { profileId: string }) {
  const me = useMe();
  return (
    <Stack gap="lg">
      <LawfulBasisPanel profileId={profileId} organisationId={me.organisation.id} />
      <RecentViewers profileId={profileId} />
      {!can(me, 'audit.view') && <Text>Who looked at this person is shown to the administrators of the team that holds them.</Text>}
      <ProfileViewers profileId={profileId} />
      <SubjectAccessPanel profileId={profileId} />
      <RetentionPanel profileId={profileId} />
    </Stack>
  );
}
