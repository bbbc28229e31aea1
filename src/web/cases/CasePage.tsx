import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { CaseRecord } from '../../shared/api/cases.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { LockedRecord } from '../records/LockedRecord.tsx';
import { AssessmentsRequiredAlert } from '../assessments/AssessmentsRequiredAlert.tsx';
import { RecordAssessments } from '../assessments/RecordAssessments.tsx';
import { RecordDocuments } from '../documents/RecordDocuments.tsx';
import { InterestButton } from '../notifications/InterestButton.tsx';
import { RecordHistory } from '../records/RecordHistory.tsx';
import { RecordTimeline } from '../reports/RecordTimeline.tsx';
import { ActionPlans } from '../tasks/ActionPlans.tsx';
import { RecordTasks } from '../tasks/RecordTasks.tsx';
import { refusedOwner } from '../records/refusal.ts';
import { SharingPanel } from '../records/SharingPanel.tsx';
import { ReferToPanelButton } from '../panels/ReferToPanel.tsx';
import { CaseFamily } from './CaseFamily.tsx';
import { CaseLifecycle } from './CaseLifecycle.tsx';
import { CaseLocations } from './CaseLocations.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { CaseProfiles } from './CaseProfiles.tsx';
import { Interventions } from './Interventions.tsx';
import { caseName } from './labels.ts';
import { useCase } from './useCase.ts';

export function CasePage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  const owner = refusedOwner(query.error);
  if (owner) return <LockedRecord kind="cases" id={id} owner={owner} />;
  const c = query.data;
  // The server allows changes to open cases only; an archived one is kept as it was for good.
  const editable = Boolean(c?.permissions.canEdit && c.status === 'open');

  return (
    <Page
      title={c ? caseName(c) : 'Case'}
      actions={c && (
        <>
          <InterestButton kind="cases" id={c.id} />
          {c.status === 'open' && <ReferToPanelButton type="case" id={c.id} />}
          {editable && (
            <Button component={Link} to={`/cases/${c.id}/edit`}>
              Edit case
            </Button>
          )}
          <CaseLifecycle c={c} />
        </>
      )}
    >
      <Group gap="lg">
        <Anchor component={Link} to="/cases" size="sm">
          Back to cases
        </Anchor>
        {c && (
          <Anchor href={`/api/v1/cases/${c.id}/summary.pdf`} download size="sm">
            Download summary (PDF)
          </Anchor>
        )}
      </Group>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading case" />
      {c && <CaseBody c={c} editable={editable} />}
    </Page>
  );
}

function CaseBody({ c, editable }: { c: CaseRecord; editable: boolean }) {
  return (
    <Stack gap="lg">
      {c.status === 'archived' && (
        <Alert color="orange" title="This case is archived">
          It was archived on {formatDateTime(c.archivedAt)}. You can read it, but it can no longer be changed.
        </Alert>
      )}
      {c.status !== 'open' && c.closedAt && (
        <Alert color="gray" title={`Closed on ${formatDateTime(c.closedAt)}${c.closedBy ? ` by ${c.closedBy.name}` : ''}`}>
          <Text size="sm">Outcome: {c.outcome ?? '—'}</Text>
          <Text size="sm">Reason: {c.closureReason ?? '—'}</Text>
        </Alert>
      )}
      {c.status === 'closed' && c.permissions.canReopen && (
        <Text size="sm">A closed case cannot be changed. Reopen it to add people, locations or interventions.</Text>
      )}
      {c.status === 'open' && !c.permissions.canEdit && (
        <Text size="sm">You can read this case but not change it. {c.owner.team.name} at {c.owner.organisation.name} holds it.</Text>
      )}
      <AssessmentsRequiredAlert kind="cases" id={c.id} />
      <CaseOverview c={c} />
      <CaseProfiles c={c} editable={editable} />
      <CaseLocations c={c} editable={editable} />
      <CaseFamily c={c} editable={editable} />
      <Interventions c={c} editable={editable} />
      <RecordAssessments kind="cases" id={c.id} />
      <RecordTimeline kind="cases" id={c.id} />
      <ActionPlans caseId={c.id} />
      <RecordTasks kind="cases" id={c.id} />
      <RecordDocuments kind="cases" id={c.id} />
      <SharingPanel kind="cases" id={c.id} />
      <RecordHistory kind="cases" id={c.id} />
    </Stack>
  );
}
