import { Stack } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { AccessPanel } from './AccessPanel.tsx';
import { usePortal } from './api.ts';
import { AppointmentsSection } from './AppointmentsSection.tsx';
import { Conversation } from './Conversation.tsx';
import { SafetyPlanSection } from './SafetyPlanSection.tsx';
import { SharedItems } from './SharedItems.tsx';

/**
 * The "Portal" part of a person's profile: whether they can sign in to the client portal, their
 * conversation with the keyworker's team, and what they see there (safety plan, appointments,
 * documents and tasks).
 */
export function PortalSection({ profile }: { profile: Profile }) {
  const portal = usePortal(profile.id);
  if (!portal.data) return <QueryStatus isPending={portal.isPending} error={portal.error} onRetry={() => void portal.refetch()} label="Loading the portal" />;
  const { access, permissions } = portal.data;
  return (
    <Stack gap="lg">
      <Section title="Portal access">
        <AccessPanel profileId={profile.id} firstName={profile.firstName} portal={portal.data} />
      </Section>
      {access && <Conversation profileId={profile.id} firstName={profile.firstName} access={access} canMessage={permissions.canMessage} />}
      <SafetyPlanSection profileId={profile.id} />
      <AppointmentsSection profileId={profile.id} />
      <SharedItems profileId={profile.id} canEdit={profile.permissions.canEdit} />
    </Stack>
  );
}
