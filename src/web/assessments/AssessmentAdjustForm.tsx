import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Textarea } from '@mantine/core';
import { adjustAssessmentBody, type Assessment } from '../../shared/api/assessments.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useAdjustScore } from './api.ts';

const labels = { score: 'The adjusted score', reason: 'The reasons' };

/** The assessor's professional judgement on a completed assessment, with reasons; both scores stay on show. */
export function AssessmentAdjustForm({ assessment, approvalRequired, onDone }: { assessment: Assessment; approvalRequired: boolean; onDone: () => void }) {
  const [score, setScore] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(labels);
  const adjust = useAdjustScore(assessment.id);
  const submit = () => {
    const body = errors.check(adjustAssessmentBody, { version: assessment.version, score: score === '' ? undefined : score, reason });
    if (!body) return;
    adjust.mutate(body, {
      onSuccess: () => {
        notifySaved(approvalRequired ? 'Adjustment sent to a supervisor for approval.' : 'Score adjusted.');
        onDone();
      },
      onError: (error) => errors.fromServer(error),
    });
  };
  return (
    <Paper withBorder p="md">
      <Form onSubmit={submit}>
        <FormAlert error={adjust.error} fieldErrors={errors.fieldErrors} />
        <NumberInput label="Adjusted score" required allowDecimal={false} value={score} onChange={(v) => setScore(typeof v === 'number' ? v : '')} error={errors.fieldErrors.score} maw={200} />
        <Textarea
          label="Reasons for the adjustment"
          description={approvalRequired ? 'A supervisor in your team must approve it.' : undefined}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.fieldErrors.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={adjust.isPending}>Save the adjustment</Button>
        </Group>
      </Form>
    </Paper>
  );
}
