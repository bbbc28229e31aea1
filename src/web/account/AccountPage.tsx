import { Paper, Stack, Title } from '@mantine/core';
import { roleLabels } from '../../shared/roles.ts';
import { useMe } from '../app/session.ts';
import { SignOutButton } from '../app/SignOutButton.tsx';
import { Details } from '../components/Details.tsx';
import { Page } from '../components/Page.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { NotificationPreferences } from './NotificationPreferences.tsx';

export function AccountPage() {
  const me = useMe();
  return (
    <Page title="Your account" actions={<SignOutButton variant="default" />}>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Your details
          </Title>
          <Details
            items={[
              { label: 'Name', value: me.name },
              { label: 'Email', value: me.email ?? '' },
              { label: 'Role', value: `${roleLabels[me.role]}${me.isSupervisor ? ', supervisor' : ''}` },
              { label: 'Team', value: me.team.name },
              { label: 'Organisation', value: me.organisation.name },
              { label: 'Partnership', value: me.partnership.name },
            ]}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" maw={560}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Notifications
          </Title>
          <NotificationPreferences />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" maw={560}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Change your password
          </Title>
          <ChangePasswordForm />
        </Stack>
      </Paper>
    </Page>
  );
}
