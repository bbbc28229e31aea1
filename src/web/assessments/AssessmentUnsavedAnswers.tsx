import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, List, Text } from '@mantine/core';
import { assessment as assessmentSchema, type Assessment, type Template } from '../../shared/api/assessments.ts';
import { call } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useStartReview } from './api.ts';
import { assessmentKeys } from './keys.ts';
import { answerText } from './AnswerText.ts';
import type { DraftAnswers } from './AssessmentDraftState.ts';

interface Props {
  assessment: Assessment;
  template: Template;
  answers: DraftAnswers;
  onDismiss: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A teammate completed the draft while this person still had answers to save. The completed
 * assessment cannot take them, so they are shown here, in words, and can be carried into a review.
 * An answer the teammate completed with the same value is not lost, so it is not listed.
 */
export function AssessmentUnsavedAnswers({ assessment, template, answers, onDismiss }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const review = useStartReview(assessment.id);
  const [failure, setFailure] = useState<unknown>(null);
  const lost = Object.fromEntries(Object.entries(answers).filter(([key, value]) => !same(value, assessment.answers?.[key])));
  const questions = template.sections.flatMap((s) => s.questions).filter((q) => q.key in lost);
  if (questions.length === 0) return null;

  const carryIntoReview = async () => {
    setFailure(null);
    try {
      const draft = await review.mutateAsync();
      const saved = await call('PATCH', `/assessments/${draft.id}`, assessmentSchema, { body: { version: draft.version, answers: lost } });
      queryClient.setQueryData(assessmentKeys.one(saved.id), saved);
      void navigate(`/assessments/${draft.id}`);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Alert color="yellow" title="Completed while you were editing" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={onDismiss}>
      <Text size="sm">
        {assessment.assessor?.name ?? 'Someone in your team'} completed this assessment before your changes were saved, so these answers of yours are not in it.
      </Text>
      <List size="sm" my="xs" aria-label="Your answers that were not saved">
        {questions.map((q) => (
          <List.Item key={q.key}>
            {q.text}: {answerText(q, lost[q.key], assessment.members)}
          </List.Item>
        ))}
      </List>
      {assessment.permissions.canReview && (
        <Button size="xs" onClick={() => void carryIntoReview()} loading={review.isPending}>
          Start a review with these answers
        </Button>
      )}
      {failure !== null && <Text size="sm" c="red.9" mt="xs">The review was not started with your answers: {messageOf(failure)}</Text>}
    </Alert>
  );
}
