import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { Assessment } from '../../shared/api/assessments.ts';
import { assessmentStatusLabels } from '../../shared/assessments.ts';
import { formatDate } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { recordHref } from '../records/kinds.ts';
import { useAssessment, useTemplateVersion } from './api.ts';
import { AssessmentForm } from './AssessmentForm.tsx';
import type { DraftAnswers } from './AssessmentDraftState.ts';
import { AssessmentResult } from './AssessmentResult.tsx';
import { AssessmentUnsavedAnswers } from './AssessmentUnsavedAnswers.tsx';

function About({ assessment: a }: { assessment: Assessment }) {
  return (
    <Group gap="sm" wrap="wrap">
      <Badge variant="outline" color="gray" c="dark.6" tt="none">{assessmentStatusLabels[a.status]}</Badge>
      <Text size="sm">
        On{' '}
        {a.subject.title === null ? `a ${a.subject.type} you cannot open` : (
          <Anchor component={Link} to={recordHref(a.subject.type, a.subject.id)}>{a.subject.title}</Anchor>
        )}
        {' '}· made with version {a.template.version} of the template
        {a.reviewOf && (
          <>
            {' '}· a review of{' '}
            <Anchor component={Link} to={`/assessments/${a.reviewOf}`}>the earlier assessment</Anchor>
          </>
        )}
      </Text>
    </Group>
  );
}

const nothingUnsaved: DraftAnswers = {};

function Body({ assessment }: { assessment: Assessment }) {
  const template = useTemplateVersion(assessment.template.id, assessment.template.version);
  // Held here, above the form, so a teammate completing the draft does not take them away unseen.
  const [unsaved, setUnsaved] = useState<DraftAnswers>(nothingUnsaved);
  if (!template.data) return <QueryStatus isPending={template.isPending} error={template.error} onRetry={() => void template.refetch()} label="Loading the questions" />;
  if (assessment.status === 'draft') return <AssessmentForm key={assessment.id} assessment={assessment} template={template.data} onUnsavedChange={setUnsaved} />;
  return (
    <Stack gap="lg">
      <AssessmentUnsavedAnswers assessment={assessment} template={template.data} answers={unsaved} onDismiss={() => setUnsaved(nothingUnsaved)} />
      <AssessmentResult assessment={assessment} template={template.data} />
    </Stack>
  );
}

/** One assessment: the form while it is a draft, the result once completed; a stub where its visibility leaves the reader out. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const query = useAssessment(id);
  const a = query.data;
  return (
    <Page title={a?.template.name ?? 'Assessment'}>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the assessment" />
      {a && (
        <Stack gap="lg">
          <About assessment={a} />
          {a.readable ? <Body key={a.id} assessment={a} /> : (
            <Alert color="gray" title="Restricted">
              Completed by the {a.team.name} ({a.organisation.name}) on {formatDate(a.completedAt)}. Who made it chose to keep its answers and score to themselves or their team.
            </Alert>
          )}
        </Stack>
      )}
    </Page>
  );
}
