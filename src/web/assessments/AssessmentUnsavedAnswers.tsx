import { Alert, List, Text } from '@mantine/core';
import type { Assessment, Template } from '../../shared/api/assessments.ts';
import { answerText } from './AnswerText.ts';
import type { DraftAnswers } from './AssessmentDraftState.ts';

interface Props {
  assessment: Assessment;
  template: Template;
  answers: DraftAnswers;
  onDismiss: () => void;
}

/**
 * A teammate completed the draft while this person still had answers to save. The completed
 * assessment cannot take them, so they are shown here, in words, to carry into a review.
 */
export function AssessmentUnsavedAnswers({ assessment, template, answers, onDismiss }: Props) {
  const questions = template.sections.flatMap((s) => s.questions).filter((q) => q.key in answers);
  if (questions.length === 0) return null;
  return (
    <Alert color="yellow" title="Completed while you were editing" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={onDismiss}>
      <Text size="sm">
        {assessment.assessor?.name ?? 'Someone in your team'} completed this assessment before your changes were saved, so these answers of yours are not in it. Start a review to add them.
      </Text>
      <List size="sm" mt="xs" aria-label="Your answers that were not saved">
        {questions.map((q) => (
          <List.Item key={q.key}>
            {q.text}: {answerText(q, answers[q.key], assessment.members)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
