import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Group, SimpleGrid, Text } from '@mantine/core';
import type { AssessmentSummary } from '../../shared/api/assessments.ts';
import { home } from '../../shared/api/home.ts';
import type { TaskSummary } from '../../shared/api/tasks.ts';
import { get } from '../api/client.ts';
import { RecordLink } from '../actions/ReminderSummary.tsx';
import { caseName } from '../cases/labels.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { fullName } from '../profiles/labels.ts';
import { recordHref, recordNoun } from '../records/kinds.ts';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { RiskBadge } from '../records/RiskBadge.tsx';
import { WarningMarkerBadges } from '../records/WarningMarkers.tsx';
import { TaskStatus } from '../tasks/TaskStatus.tsx';
import { OverdueContactItem } from '../victim-care/OverdueContactItem.tsx';
import { HomePanel } from './HomePanel.tsx';
import { homeKeys } from './keys.ts';

const byId = (item: { id: string }) => item.id;

function Line({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function TaskItem({ task }: { task: TaskSummary }) {
  return (
    <>
      <Anchor component={Link} to={`/tasks/${task.id}`} fw={500}>
        {task.title}
      </Anchor>
      <Group gap="xs" wrap="wrap">
        <TaskStatus task={task} />
        <Text size="sm">Due {formatDate(task.dueOn)}</Text>
      </Group>
      {task.record && (task.record.title ? <Line>On {task.record.title}</Line> : <Line>On a {recordNoun(task.record.kind)} you cannot open</Line>)}
      {task.record?.safety && <PersonSafetyLine safety={task.record.safety} />}
    </>
  );
}

function AssessmentItem({ assessment, when }: { assessment: AssessmentSummary; when: string }) {
  const { subject } = assessment;
  return (
    <>
      <Anchor component={Link} to={`/assessments/${assessment.id}`} fw={500}>
        {assessment.template.name}: {subject.title ?? `a ${subject.type} you cannot open`}
      </Anchor>
      <Line>{when}</Line>
    </>
  );
}

/**
 * The practitioner's day: what their team holds, what is due, what changed and what waits for
 * them. Each panel comes from the same rules as its full list, and links to it.
 */
export function YourDay() {
  const day = useQuery({ queryKey: homeKeys.day, queryFn: () => get('/home', home) });
  if (!day.data) return <QueryStatus isPending={day.isPending} error={day.error} onRetry={() => void day.refetch()} label="Loading your day" />;
  const d = day.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
      <HomePanel
        id="my-tasks"
        title="My tasks"
        panel={d.myTasks}
        counts={['task to do', 'tasks to do, overdue first']}
        to="/tasks?view=mine"
        linkText="All my tasks"
        empty="Nothing is set for you. Tasks colleagues and partners set for you appear here."
        keyOf={byId}
        render={(task) => <TaskItem task={task} />}
      />
      <HomePanel
        id="team-tasks"
        title="My team's tasks"
        panel={d.teamTasks}
        counts={['task set for your team or organisation', 'tasks set for your team or organisation']}
        to="/tasks?view=team"
        linkText="All my team's tasks"
        empty="Nothing is set for your team. Accept a team task to make it yours."
        keyOf={byId}
        render={(task) => <TaskItem task={task} />}
      />
      <HomePanel
        id="overdue-contacts"
        title="Contacts overdue"
        panel={d.overdueContacts}
        counts={['victim your team holds overdue a contact', 'victims your team holds overdue a contact, longest overdue first']}
        empty="No victim your team holds is overdue a contact. Set a contact plan from a victim's profile, under Victim care."
        keyOf={(o) => o.profile.id}
        render={(o) => <OverdueContactItem contact={o} />}
      />
      <HomePanel
        id="reminders"
        title="Reminders for today"
        panel={d.reminders}
        counts={['reminder due by the end of today', 'reminders due by the end of today']}
        to="/actions"
        linkText="All my reminders"
        empty="No reminders are due today. Set one from Reminders, or from a person or case."
        keyOf={byId}
        render={(reminder) => (
          <>
            <Anchor component={Link} to={`/actions/${reminder.id}`} fw={500}>
              {reminder.title}
            </Anchor>
            <Line>Due {formatDateTime(reminder.dueAt)}</Line>
            {reminder.record && <RecordLink record={reminder.record} />}
          </>
        )}
      />
      <HomePanel
        id="people"
        title="People my team holds"
        panel={d.people}
        counts={['person', 'people, most recently updated first']}
        to="/profiles?scope=mine"
        linkText="All people my team holds"
        moreLinks={[{ to: '/profiles?scope=mine&view=gallery', text: "Gallery of my team's people" }]}
        empty="Your team holds nobody yet. Search People first; if the person is not known, add a profile."
        keyOf={byId}
        render={(person) => (
          <>
            <Anchor component={Link} to={`/profiles/${person.id}`} fw={500}>
              {fullName(person)}
            </Anchor>
            <Group gap="xs" wrap="wrap">
              <RiskBadge level={person.riskLevel} />
              <WarningMarkerBadges markers={person.warningMarkers} />
            </Group>
            <Line>Updated {formatDateTime(person.updatedAt)}</Line>
          </>
        )}
      />
      <HomePanel
        id="cases"
        title="My team's open cases"
        panel={d.cases}
        counts={['open case', 'open cases, most recently updated first']}
        to="/cases?scope=mine&status=open"
        linkText="All my team's open cases"
        moreLinks={[{ to: '/cases?leadOfficer=me&status=open', text: 'Open cases I lead' }]}
        empty="Your team has no open cases. Open one from Cases with “Add case”."
        keyOf={byId}
        render={(c) => (
          <>
            <Anchor component={Link} to={`/cases/${c.id}`} fw={500}>
              {caseName(c)}
            </Anchor>
            <Line>
              {c.caseType.name}, updated {formatDateTime(c.updatedAt)}
            </Line>
          </>
        )}
      />
      <HomePanel
        id="followed"
        title="Changes to what I follow"
        panel={d.followed}
        counts={['followed record changed since you read the notice of it', 'followed records changed since you read the notice of them']}
        to="/notifications?show=unread"
        linkText="All unread notifications"
        empty="Nothing you follow has changed. Register an interest on a person or case to hear when others change it."
        keyOf={(f) => `${f.record.kind}:${f.record.id}`}
        render={(f) => (
          <>
            <Anchor component={Link} to={recordHref(f.record.kind, f.record.id)} fw={500}>
              {f.record.title}
            </Anchor>
            <Line>
              {f.change} {formatDateTime(f.changedAt)}
            </Line>
          </>
        )}
      />
      <HomePanel
        id="drafts"
        title="Unfinished assessments"
        panel={d.drafts}
        counts={['draft anyone in your team can finish', 'drafts anyone in your team can finish']}
        to="/assessments?scope=team_drafts"
        linkText="All my team's drafts"
        empty="Your team has no drafts. Start an assessment from a person or case."
        keyOf={byId}
        render={(a) => <AssessmentItem assessment={a} when={`Saved ${formatDateTime(a.updatedAt)}`} />}
      />
      <HomePanel
        id="reviews"
        title="Reviews due"
        panel={d.reviews}
        counts={['assessment of yours due for review within a week, or overdue', 'assessments of yours due for review within a week, or overdue']}
        to="/assessments?scope=reviews_due"
        linkText="All my reviews due"
        empty="No reviews are due in the next week. Set a review date when you complete an assessment."
        keyOf={byId}
        render={(a) => <AssessmentItem assessment={a} when={`Review due ${formatDate(a.reviewOn)}`} />}
      />
      <HomePanel
        id="needed"
        title="Assessments needed"
        panel={d.needed}
        counts={['assessment a record your team holds still needs', 'assessments records your team holds still need, longest waiting first']}
        empty="No record your team holds is waiting for an assessment. A VICTIM screening answered yes asks for the risk matrix here."
        keyOf={byId}
        render={(n) => (
          <>
            <Anchor component={Link} to={`${recordHref(n.record.kind, n.record.id)}${n.record.kind === 'profile' ? '?section=work' : ''}`} fw={500}>
              {n.template.name}: {n.record.title}
            </Anchor>
            <Line>{n.reason}</Line>
            <Line>Raised {formatDateTime(n.raisedAt)}</Line>
          </>
        )}
      />
      {d.accessRequests && (
        <HomePanel
          id="access-requests"
          title="Access requests to decide"
          panel={d.accessRequests}
          counts={['request waiting for your decision', 'requests waiting for your decision']}
          to="/access-requests?box=to-decide&status=pending"
          linkText="All requests to decide"
          empty="No requests are waiting for you. When another team asks for a record yours holds, it appears here."
          keyOf={byId}
          render={(r) => (
            <>
              <Anchor component={Link} to={`/access-requests/${r.id}`} fw={500}>
                {r.requester.name} ({r.requesterTeam.name}) asks for {r.record.title}
              </Anchor>
              <Line>
                A {recordNoun(r.record.kind)} held by {r.owner.team.name}, asked {formatDateTime(r.createdAt)}
              </Line>
            </>
          )}
        />
      )}
    </SimpleGrid>
  );
}
