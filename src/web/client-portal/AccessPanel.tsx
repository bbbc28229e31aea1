import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PortalAccess, ProfilePortal } from '../../shared/api/portal.ts';
import { portalEndReasonLabels, showMobile } from '../../shared/portal.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { EndAccessButton } from './EndAccessButton.tsx';
import { InviteForm } from './InviteForm.tsx';
import { safeChannelsText } from './labels.ts';

function AccessDetails({ access }: { access: PortalAccess }) {
  return (
    <Details
      items={[
        { label: 'Invited', value: `${formatDateTime(access.invitedAt)} by ${access.keyworker.name}` },
        { label: 'Conversation held by', value: access.team.name },
        { label: 'Email address', value: access.email ?? 'None' },
        { label: 'Mobile number', value: access.mobile ? showMobile(access.mobile) : 'None' },
        {
          label: 'Ends when a case closes',
          value: access.endWithCase ? (
            <Anchor component={Link} to={`/cases/${access.endWithCase.id}`} inherit>
              {access.endWithCase.reference}
            </Anchor>
          ) : 'No',
        },
        { label: 'Last signed in', value: access.lastSignedInAt ? formatDateTime(access.lastSignedInAt) : 'Not yet' },
        ...(access.endedAt
          ? [{ label: 'Ended', value: `${formatDateTime(access.endedAt)}${access.endReason ? `: ${portalEndReasonLabels[access.endReason]}` : ''}` }]
          : []),
      ]}
    />
  );
}

interface Props {
  profileId: string;
  firstName: string;
  portal: ProfilePortal;
}

/** Whether the person can use the portal: invited when and by whom, signed in when, ended why. */
export function AccessPanel({ profileId, firstName, portal }: Props) {
  const [inviting, setInviting] = useState(false);
  const { access, safeChannels: safe, permissions } = portal;
  const live = access !== null && access.endedAt === null;
  const mayInvite = permissions.canInvite && !live;
  const noSafeChannel = !safe.email && !safe.sms;

  if (inviting) {
    return (
      <Paper withBorder p="md" radius="sm">
        <Title order={3} size="h4" mb="sm">
          Invite {firstName} to the portal
        </Title>
        <InviteForm profileId={profileId} firstName={firstName} safe={safe} onDone={() => setInviting(false)} />
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text size="sm">
          {live ? `${firstName} can sign in to the portal.` : access ? `${firstName}'s access has ended.` : `${firstName} has not been invited to the portal.`}
        </Text>
        {live && (
          <Badge color="green" variant="light">
            Active
          </Badge>
        )}
      </Group>
      {access && <AccessDetails access={access} />}
      {mayInvite && noSafeChannel && (
        <Text size="sm" c="red.9" fw={600}>
          The contact plan says {safeChannelsText(safe)} are safe for {firstName}, so they cannot be sent a code. Change the contact plan first if they tell
          you otherwise.
        </Text>
      )}
      {(mayInvite || (live && permissions.canEnd)) && (
        <Group>
          {mayInvite && (
            <Button onClick={() => setInviting(true)} disabled={noSafeChannel}>
              {access ? 'Invite to the portal again' : 'Invite to the portal'}
            </Button>
          )}
          {live && permissions.canEnd && <EndAccessButton profileId={profileId} firstName={firstName} />}
        </Group>
      )}
    </Stack>
  );
}
