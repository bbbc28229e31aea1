import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { AdjustmentRule } from '../../shared/assessments.ts';

export interface CompleteValues {
  reviewOn: string;
  adjust: boolean;
  score: number | '';
  reason: string;
}

export const emptyCompleteValues: CompleteValues = { reviewOn: '', adjust: false, score: '', reason: '' };

interface Props {
  values: CompleteValues;
  onChange: (values: CompleteValues) => void;
  adjustment: AdjustmentRule;
  errors: Record<string, string>;
  pending: boolean;
  onComplete: () => void;
}

/** The last step of a draft: when to review it and, where the template allows, the assessor's own score. */
export function AssessmentCompletePanel({ values, onChange, adjustment, errors, pending, onComplete }: Props) {
  const set = <K extends keyof CompleteValues>(field: K, value: CompleteValues[K]) => onChange({ ...values, [field]: value });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="complete-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="complete-heading">Complete the assessment</Title>
        <Text size="sm">
          Completing checks every required answer and saves the score. It can no longer be changed afterwards; a review starts a new one.
        </Text>
        <TextInput
          type="date"
          label="Review by"
          description="Optional. You will get a reminder on the morning of that day."
          value={values.reviewOn}
          onChange={(e) => set('reviewOn', e.currentTarget.value)}
          error={errors.reviewOn}
          maw={240}
        />
        {adjustment !== 'not_allowed' && (
          <Stack gap="xs">
            <Checkbox
              label="Adjust the score with my professional judgement"
              description={adjustment === 'approval_required' ? 'A supervisor in your team must approve the adjusted score; both scores are shown.' : 'Both scores are shown.'}
              checked={values.adjust}
              onChange={(e) => set('adjust', e.currentTarget.checked)}
            />
            {values.adjust && (
              <>
                <NumberInput
                  label="Adjusted score"
                  required
                  allowDecimal={false}
                  value={values.score}
                  onChange={(v) => set('score', typeof v === 'number' ? v : '')}
                  error={errors['adjustment.score']}
                  maw={200}
                />
                <Textarea
                  label="Reasons for the adjustment"
                  required
                  autosize
                  minRows={3}
                  value={values.reason}
                  onChange={(e) => set('reason', e.currentTarget.value)}
                  error={errors['adjustment.reason']}
                />
              </>
            )}
          </Stack>
        )}
        <Group>
          <Button loading={pending} onClick={onComplete}>Complete the assessment</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
