import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Assessment, Template } from '../../shared/api/assessments.ts';
import { askedQuestions } from '../../shared/forms/engine.ts';
import { adjustmentStatusLabels } from '../../shared/assessments.ts';
import { visibilityLabels } from '../../shared/work.ts';
import { messageOf } from '../api/errors.ts';
import { Details } from '../components/Details.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { notifyProblem } from '../components/notify.ts';
import { useStartReview } from './api.ts';
import { AssessmentAdjustForm } from './AssessmentAdjustForm.tsx';
import { AssessmentBand, AssessmentScore } from './AssessmentBand.tsx';
import { AssessmentDecision } from './AssessmentDecision.tsx';
import { answerText } from './AnswerText.ts';

function Adjustment({ adjustment }: { adjustment: NonNullable<Assessment['adjustment']> }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="adjustment-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="adjustment-heading">Adjusted score</Title>
        <Details
          items={[
            { label: 'Adjusted score', value: <Group gap="xs" component="span">{adjustment.score} <AssessmentBand band={adjustment.band} /></Group> },
            { label: 'Status', value: adjustmentStatusLabels[adjustment.status] },
            { label: 'Reasons', value: <Text span style={{ whiteSpace: 'pre-wrap' }} size="sm">{adjustment.reason}</Text> },
            { label: 'Adjusted by', value: `${adjustment.by.name}, ${formatDateTime(adjustment.at)}` },
            ...(adjustment.decidedBy ? [{ label: 'Decided by', value: `${adjustment.decidedBy.name}, ${formatDateTime(adjustment.decidedAt)}` }] : []),
            ...(adjustment.note ? [{ label: 'Supervisor’s note', value: adjustment.note }] : []),
          ]}
        />
      </Stack>
    </Paper>
  );
}

function Answers({ assessment, template }: { assessment: Assessment; template: Template }) {
  const answers = assessment.answers ?? {};
  const asked = new Set(askedQuestions(template, answers).map((q) => q.key));
  return (
    <Stack gap="lg">
      {template.sections.map((section) => {
        const shown = section.questions.filter((q) => asked.has(q.key));
        if (shown.length === 0) return null;
        return (
          <Paper key={section.title} withBorder p="md" component="section" aria-label={section.title}>
            <Title order={2} size="h3" mb="sm">{section.title}</Title>
            <Table fz="sm" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="60%">Question</Table.Th>
                  <Table.Th scope="col">Answer</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((q) => (
                  <Table.Tr key={q.key}>
                    <Table.Th scope="row" fw={500}>{q.text}</Table.Th>
                    <Table.Td>{answerText(q, answers[q.key], assessment.members ?? [])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A completed assessment: read-only answers, both scores, the adjustment and what to do next. */
export function AssessmentResult({ assessment: a, template }: { assessment: Assessment; template: Template }) {
  const navigate = useNavigate();
  const review = useStartReview(a.id);
  const [adjusting, setAdjusting] = useState(false);
  const startReview = () => review.mutate(undefined, {
    onSuccess: (draft) => void navigate(`/assessments/${draft.id}`),
    onError: (error) => notifyProblem('The review was not started', messageOf(error)),
  });
  const pending = a.adjustment?.status === 'pending';
  return (
    <Stack gap="lg">
      <Group gap="sm">
        {a.permissions.canReview && <Button onClick={startReview} loading={review.isPending}>Start review</Button>}
        <Button variant="default" component={Link} to={`/assessments/${a.id}/compare`}>Compare reviews</Button>
        {a.permissions.canAdjust && !adjusting && <Button variant="default" onClick={() => setAdjusting(true)}>Adjust the score</Button>}
      </Group>
      {adjusting && <AssessmentAdjustForm assessment={a} approvalRequired={template.adjustment === 'approval_required'} onDone={() => setAdjusting(false)} />}
      <Paper withBorder p="md" component="section" aria-labelledby="result-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="result-heading">Result</Title>
          <Details
            items={[
              { label: 'Result', value: <AssessmentScore score={a.score} finalScore={a.finalScore} band={a.band} finalBand={a.finalBand} /> },
              ...(a.adjustment ? [{ label: 'Score from the answers', value: <Group gap="xs" component="span">{a.score} <AssessmentBand band={a.band} /></Group> }] : []),
              ...(pending ? [{ label: 'Adjustment', value: 'Waiting for a supervisor: the score from the answers counts until then' }] : []),
              { label: 'Completed', value: formatDateTime(a.completedAt) },
              { label: 'Assessor', value: a.assessor ? `${a.assessor.name} (${a.team.name})` : a.team.name },
              { label: 'Review by', value: a.reviewOn ? formatDate(a.reviewOn) : 'No review date' },
              { label: 'Who can read it', value: a.visibility ? visibilityLabels[a.visibility] : '—' },
            ]}
          />
          {(a.thresholds ?? []).length > 0 && (
            <>
              <Text size="sm" fw={600}>Consequences</Text>
              <List size="sm">
                {(a.thresholds ?? []).map((t) => <List.Item key={t.label}>{t.label}</List.Item>)}
              </List>
            </>
          )}
        </Stack>
      </Paper>
      {a.adjustment && <Adjustment adjustment={a.adjustment} />}
      {a.permissions.canDecideAdjustment && pending && <AssessmentDecision assessment={a} />}
      <Answers assessment={a} template={template} />
    </Stack>
  );
}
