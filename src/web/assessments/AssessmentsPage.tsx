import { Link, useSearchParams } from 'react-router';
import { Button, Stack, Tabs, Text } from '@mantine/core';
import { assessmentPage, type AssessmentScope } from '../../shared/api/assessments.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { AssessmentTable } from './AssessmentTable.tsx';
import { assessmentKeys } from './keys.ts';

const scopes: { value: AssessmentScope; label: string; caption: string; empty: string }[] = [
  { value: 'team_drafts', label: 'My team’s drafts', caption: 'Drafts anyone in your team can finish, newest first', empty: 'Your team has no drafts.' },
  { value: 'awaiting_approval', label: 'Awaiting my approval', caption: 'Adjusted scores waiting for your decision', empty: 'Nothing is waiting for your approval.' },
  { value: 'reviews_due', label: 'Reviews due', caption: 'Your assessments due for review within a week, or overdue', empty: 'No reviews are due in the next week.' },
  { value: 'mine', label: 'Completed by me', caption: 'Assessments you completed, newest first', empty: 'You have not completed any assessments yet.' },
];

function ScopeList({ scope }: { scope: (typeof scopes)[number] }) {
  const query = { scope: scope.value, limit: 50 };
  const list = usePagedList(assessmentKeys.list(scope.value), '/assessments', query, assessmentPage);
  return (
    <Stack gap="sm">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading assessments" />
      {list.data && (list.items.length === 0
        ? <Text size="sm">{scope.empty}</Text>
        : <AssessmentTable items={list.items} caption={scope.caption} showSubject />)}
      {list.hasNextPage && <LoadMore shown={list.items.length} hasMore loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="assessments" />}
    </Stack>
  );
}

/** The assessments a person works on: the team's drafts, approvals, reviews due and their own. */
export function AssessmentsPage() {
  const me = useMe();
  const shown = scopes.filter((s) => s.value !== 'awaiting_approval' || can(me, 'assessments.approve'));
  // In the address, so that the home page's panels link straight to their list.
  const [params, setParams] = useSearchParams();
  const scope = shown.find((s) => s.value === params.get('scope'))?.value ?? 'team_drafts';
  const setScope = (value: AssessmentScope) => setParams(value === 'team_drafts' ? {} : { scope: value }, { replace: true });
  return (
    <Page
      title="Assessments"
      actions={
        <>
          <Button variant="default" component={Link} to="/assessments/templates">Templates</Button>
          <Button variant="default" component={Link} to="/assessments/question-bank">Question bank</Button>
        </>
      }
    >
      <Text size="sm">Start an assessment from a profile or case: open the record and choose “Start an assessment”.</Text>
      <Tabs value={scope} onChange={(v) => v && setScope(v as AssessmentScope)} keepMounted={false}>
        <Tabs.List mb="md">
          {shown.map((s) => <Tabs.Tab key={s.value} value={s.value}>{s.label}</Tabs.Tab>)}
        </Tabs.List>
        {shown.map((s) => (
          <Tabs.Panel key={s.value} value={s.value}>
            <ScopeList scope={s} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
