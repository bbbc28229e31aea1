import { Link } from 'react-router';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { roleLabels } from '../../shared/roles.ts';
import { can, useMe } from '../app/session.ts';
import { Details } from '../components/Details.tsx';
import { Page } from '../components/Page.tsx';
import { adminTasksFor } from './adminTasks.ts';
import { TaskCard } from './TaskCard.tsx';
import { YourDay } from './YourDay.tsx';

export function HomePage() {
  const me = useMe();
  const tasks = adminTasksFor(me);
  return (
    <Page title="Home" heading={`Hello, ${me.name}`}>
      {can(me, 'records.view') && <YourDay />}
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Your place in the partnership
          </Title>
          <Details
            items={[
              { label: 'Role', value: `${roleLabels[me.role]}${me.isSupervisor ? ', supervisor' : ''}` },
              { label: 'Team', value: me.team.name },
              { label: 'Organisation', value: me.organisation.name },
              { label: 'Partnership', value: me.partnership.name },
            ]}
          />
          {can(me, 'teams.supervise') && (
            <Anchor component={Link} to="/supervision">
              My team: each officer&apos;s caseload and overdue work
            </Anchor>
          )}
          <Anchor component={Link} to="/account">
            Your account and password
          </Anchor>
        </Stack>
      </Paper>
      {tasks.length > 0 && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            Administration
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {tasks.map((task) => (
              <TaskCard key={task.to} task={task} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {can(me, 'audit.view') && (
        <Text>
          <Anchor component={Link} to="/audit">
            Audit trail
          </Anchor>
          : who signed in, what changed and what was refused{me.role === 'system_admin' ? ' across Concord' : ` in ${me.role === 'team_admin' ? 'your team' : 'your organisation'}`}.
        </Text>
      )}
    </Page>
  );
}
