import { useState } from 'react';
import { Box, Button, Group, Stack } from '@mantine/core';
import type { Assessment } from '../../shared/api/assessments.ts';
import type { AnswerValue, FamilyMember, FormQuestion } from '../../shared/forms/definition.ts';
import { QuestionInput } from '../forms/QuestionInput.tsx';
import { AssessmentInformationRequestForm, AssessmentInformationRequests } from './AssessmentInformationRequest.tsx';

interface Props {
  assessment: Assessment;
  question: FormQuestion;
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  error: string | undefined;
  members: FamilyMember[];
}

/** Where a question's first input is, so a failed save can take the person straight to it. */
export const questionAnchor = (key: string) => `question-${key}`;

/** One question of a draft: its input, a way to clear a choice, and asking another team for the answer. */
export function AssessmentQuestion({ assessment, question, value, onChange, error, members }: Props) {
  const [asking, setAsking] = useState(false);
  const requests = (assessment.informationRequests ?? []).filter((r) => r.questionKey === question.key);
  // Radios cannot be unticked, and an answer given by mistake must not stay in the score.
  const clearable = value !== null && ['yes_no', 'single_choice', 'scale', 'family_grid'].includes(question.kind);
  return (
    <Box id={questionAnchor(question.key)}>
      <Stack gap="xs">
        <QuestionInput question={question} value={value} onChange={onChange} error={error} members={members} />
        <AssessmentInformationRequests requests={requests} />
        <Group gap="xs">
          {clearable && (
            <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)} aria-label={`Clear answer: ${question.text}`}>
              Clear answer
            </Button>
          )}
          {assessment.permissions.canEdit && !asking && (
            <Button variant="subtle" size="compact-sm" onClick={() => setAsking(true)} aria-label={`Ask another team: ${question.text}`}>
              Ask another team
            </Button>
          )}
        </Group>
        {asking && (
          <AssessmentInformationRequestForm
            assessmentId={assessment.id}
            questionKey={question.key}
            questionText={question.text}
            onDone={() => setAsking(false)}
          />
        )}
      </Stack>
    </Box>
  );
}
