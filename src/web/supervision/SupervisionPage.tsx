import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { supervision, type Supervision } from '../../shared/api/supervision.ts';
import { get, withQuery } from '../api/client.ts';
import { Page } from '../components/Page.tsx';
import { formatDate } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { Section } from '../records/Section.tsx';
import { roleLabels } from '../../shared/roles.ts';
import { CaseLeads } from './CaseLeads.tsx';
import { supervisionKeys } from './keys.ts';
import { OverdueContacts } from './OverdueContacts.tsx';
import { OverdueTasks } from './OverdueTasks.tsx';

function Officers({ view }: { view: Supervision }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            Counted over the cases, tasks and reviews you can open.
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Officer</Table.Th>
            <Table.Th scope="col">Open cases led</Table.Th>
            <Table.Th scope="col">Overdue tasks</Table.Th>
            <Table.Th scope="col">Overdue reviews</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.officers.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row" fw={500}>
                {o.name}
                <Text size="xs" c="dimmed">
                  {o.jobTitle ?? roleLabels[o.role]}
                  {o.isSupervisor ? ', supervisor' : ''}
                </Text>
              </Table.Th>
              <Table.Td>{o.openCases}</Table.Td>
              <Table.Td c={o.overdueTasks > 0 ? 'red.9' : undefined} fw={o.overdueTasks > 0 ? 600 : undefined}>
                {o.overdueTasks}
              </Table.Td>
              <Table.Td c={o.overdueReviews > 0 ? 'red.9' : undefined} fw={o.overdueReviews > 0 ? 600 : undefined}>
                {o.overdueReviews}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Reviews({ view }: { view: Supervision }) {
  if (view.overdueReviews.items.length === 0) return <Text size="sm">No review has gone past its date.</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
      {view.overdueReviews.items.map((a) => (
        <li key={a.id}>
          <Anchor component={Link} to={`/assessments/${a.id}`} fw={500}>
            {a.template.name}: {a.subject.title ?? `a ${a.subject.type} you cannot open`}
          </Anchor>
          <Text size="sm" c="dimmed">
            Review was due {formatDate(a.reviewOn)}; completed by {a.assessor?.name ?? 'someone no longer here'}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function Approvals({ view }: { view: Supervision }) {
  if (view.approvals.items.length === 0) return <Text size="sm">No score adjustment is waiting for your decision.</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
      {view.approvals.items.map((a) => (
        <li key={a.id}>
          <Anchor component={Link} to={`/assessments/${a.id}`} fw={500}>
            {a.template.name}: {a.subject.title ?? `a ${a.subject.type} you cannot open`}
          </Anchor>
          <Text size="sm" c="dimmed">
            Adjusted by {a.assessor?.name ?? 'the assessor'}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

const more = (list: { more: boolean }) => (list.more ? ' (the first 200)' : '');

/**
 * A team's work as its supervisor sees it: who holds what, what has slipped, and what waits for
 * their decision, with the overdue task or a case's lead handed to another officer in one step.
 */
export function SupervisionPage() {
  const [params, setParams] = useSearchParams();
  const teamId = params.get('team');
  const view = useQuery({
    queryKey: supervisionKeys.team(teamId),
    queryFn: () => get(withQuery('/supervision', { teamId: teamId ?? undefined }), supervision),
  });
  if (!view.data) {
    return (
      <Page title="My team">
        <QueryStatus isPending={view.isPending} error={view.error} onRetry={() => void view.refetch()} label="Loading your team" />
      </Page>
    );
  }
  const v = view.data;
  return (
    <Page title="My team" heading={`${v.team.name}, ${v.team.organisation.name}`}>
      {v.teams.length > 1 && (
        <NativeSelect
          label="Team"
          maw={320}
          value={v.team.id}
          onChange={(e) => setParams({ team: e.currentTarget.value })}
          data={v.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      )}
      <Section title="Officers">
        <Officers view={v} />
      </Section>
      <Section title={`Overdue tasks (${v.overdueTasks.items.length}${more(v.overdueTasks)})`}>
        <OverdueTasks view={v} />
      </Section>
      <Section title={`Contacts overdue (${v.overdueContacts.items.length}${more(v.overdueContacts)})`}>
        <OverdueContacts view={v} />
      </Section>
      <Section title={`Reviews overdue (${v.overdueReviews.items.length}${more(v.overdueReviews)})`}>
        <Reviews view={v} />
      </Section>
      <Section title={`Waiting for your approval (${v.approvals.items.length}${more(v.approvals)})`}>
        <Approvals view={v} />
      </Section>
      <Section title={`Open cases by lead officer (${v.cases.items.length}${more(v.cases)})`}>
        <CaseLeads view={v} />
      </Section>
    </Page>
  );
}
