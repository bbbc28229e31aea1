import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Group, Modal, Stack } from '@mantine/core';
import { roleLabels } from '../../../shared/roles.ts';
import { user as userSchema } from '../../../shared/api/users.ts';
import { get } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { can, useMe } from '../../app/session.ts';
import { Details } from '../../components/Details.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { EditUserForm } from './EditUserForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { UserActions } from './UserActions.tsx';

export function UserPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useQuery({ queryKey: keys.user(id), queryFn: () => get(`/users/${id}`, userSchema) });
  const [editing, setEditing] = useState(false);
  const u = query.data;

  return (
    <Page
      title={u ? u.name : 'User'}
      actions={u?.permissions.canEdit && <Button onClick={() => setEditing(true)}>Edit details</Button>}
    >
      <Anchor component={Link} to="/admin/users" size="sm">
        Back to users
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading user" />
      {u && (
        <Stack gap="lg">
          <Details
            items={[
              { label: 'Status', value: <StatusBadge status={u.status} /> },
              { label: 'Email', value: u.email },
              { label: 'Role', value: `${roleLabels[u.role]}${u.isSupervisor ? ', supervisor' : ''}` },
              { label: 'Job title', value: u.jobTitle ?? '—' },
              { label: 'Phone', value: u.phone ?? '—' },
              { label: 'Team', value: u.team.name },
              { label: 'Organisation', value: u.organisation.name },
              { label: 'Partnership', value: u.partnership.name },
              { label: 'Authenticator app', value: u.authenticatorEnrolled ? 'Set up' : 'Not set up yet' },
              { label: 'Last signed in', value: formatDateTime(u.lastSignInAt, 'Never') },
              ...(u.disabledAt ? [{ label: 'Disabled', value: formatDateTime(u.disabledAt) }] : []),
              { label: 'Added', value: formatDateTime(u.createdAt) },
            ]}
          />
          {u.permissions.canEdit && <UserActions user={u} />}
          {can(me, 'audit.view') && (
            <Group gap="lg">
              <Anchor component={Link} to={`/audit?entityType=user&entityId=${u.id}`}>
                View audit trail for this user
              </Anchor>
              <Anchor component={Link} to={`/audit?actorId=${u.id}`}>
                View what this user has done
              </Anchor>
            </Group>
          )}
        </Stack>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit user details" size="lg">
        {editing && u && <EditUserForm record={u} onDone={() => setEditing(false)} />}
      </Modal>
    </Page>
  );
}
