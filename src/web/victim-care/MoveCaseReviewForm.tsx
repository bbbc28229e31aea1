import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { caseReview, moveCaseReviewBody, type CaseReview } from '../../shared/api/victim-care.ts';
import { caseReviewStageLabels, caseReviewStages, type CaseReviewStage } from '../../shared/victim-care.ts';
import { londonDayAndTime } from '../actions/london.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { victimCareKeys } from './keys.ts';

type Step = Exclude<CaseReviewStage, 'application-received'>;

interface Values {
  stage: Step | '';
  on: string;
  thresholdMet: '' | 'yes' | 'no';
  outcome: string;
  appealOutcome: string;
  reason: string;
}

const labels = { stage: 'Next step', on: 'Date', thresholdMet: 'Is the threshold met?', outcome: 'Outcome sent to the applicant', appealOutcome: 'Outcome of the appeal', reason: 'Why it is closed' };

const before = (a: CaseReviewStage, b: CaseReviewStage) => caseReviewStages.indexOf(a) < caseReviewStages.indexOf(b);

/** The steps that may come next: the one waiting, an appeal once the outcome is sent, and closing. */
function nextSteps(review: CaseReview): Step[] {
  const steps: Step[] = [];
  if (review.next && review.next.stage !== 'application-received') steps.push(review.next.stage);
  if (review.stage === 'outcome' && !steps.includes('appeal')) steps.push('appeal');
  if (!steps.includes('closed')) steps.push('closed');
  return steps;
}

/** Takes the review's next step on a date, with what that step needs said. */
export function MoveCaseReviewForm({ review }: { review: CaseReview }) {
  const queryClient = useQueryClient();
  const steps = nextSteps(review);
  // '' until chosen: the first step that may come next, which changes as the review moves on.
  const [values, setValues] = useState<Values>({ stage: '', on: londonDayAndTime(new Date()).day, thresholdMet: '', outcome: '', appealOutcome: '', reason: '' });
  const stage = values.stage !== '' && steps.includes(values.stage) ? values.stage : steps[0]!;
  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));
  const errors = useFieldErrors(labels);
  const move = useMutation({
    mutationFn: (body: unknown) => call('PATCH', `/case-reviews/${review.id}`, caseReview, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(victimCareKeys.review(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
      void queryClient.invalidateQueries({ queryKey: ['community-triggers'] });
      notifySaved(`${caseReviewStageLabels[saved.stage]}: recorded.`);
      setValues((v) => ({ ...v, stage: '', thresholdMet: '', outcome: '', appealOutcome: '', reason: '' }));
    },
    onError: (error) => {
      // Someone else moved it first: show the review as it is now, with the reason the step was refused.
      if (isApiError(error, 'conflict') || isApiError(error, 'stage_out_of_order')) void queryClient.invalidateQueries({ queryKey: victimCareKeys.review(review.id) });
      errors.fromServer(error);
    },
  });
  // Closing before the outcome is sent is a withdrawal, which needs its reason.
  const closingWithdraws = before(review.stage, 'outcome');
  const closing = stage === 'closed';
  const withdrawn = closing && closingWithdraws;
  const afterAppeal = closing && review.stage === 'appeal';
  const submit = () => {
    const body = errors.check(
      moveCaseReviewBody,
      {
        version: review.version,
        stage,
        on: values.on || undefined,
        thresholdMet: stage === 'threshold-decision' ? (values.thresholdMet === '' ? undefined : values.thresholdMet === 'yes') : undefined,
        outcome: stage === 'outcome' ? values.outcome : undefined,
        appealOutcome: afterAppeal ? values.appealOutcome : undefined,
        reason: withdrawn ? values.reason : undefined,
      },
      {},
      { thresholdMet: stage === 'threshold-decision' && values.thresholdMet === '' ? 'Say whether the threshold is met' : null },
    );
    if (body) move.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={move.error} fieldErrors={errors.fieldErrors} />
      <Group grow align="flex-start">
        <NativeSelect
          label={labels.stage}
          value={stage}
          onChange={(e) => set('stage', e.currentTarget.value as Step)}
          error={errors.fieldErrors.stage}
          data={steps.map((s) => ({ value: s, label: s === 'closed' && closingWithdraws ? 'Closed (withdrawn)' : caseReviewStageLabels[s] }))}
        />
        <TextInput type="date" label={labels.on} description="When it happened" value={values.on} onChange={(e) => set('on', e.currentTarget.value)} error={errors.fieldErrors.on} />
      </Group>
      {stage === 'threshold-decision' && (
        <Radio.Group label={labels.thresholdMet} required value={values.thresholdMet} onChange={(v) => set('thresholdMet', v as Values['thresholdMet'])} error={errors.fieldErrors.thresholdMet}>
          <Stack gap="xs" mt="xs">
            <Radio value="yes" label="Yes: a case review meeting is held" />
            <Radio value="no" label="No: the applicant is told why" />
          </Stack>
        </Radio.Group>
      )}
      {stage === 'outcome' && (
        <Textarea label={labels.outcome} required description="What the partnership decided and will do, as the applicant is told it" value={values.outcome} onChange={(e) => set('outcome', e.currentTarget.value)} error={errors.fieldErrors.outcome} autosize minRows={3} />
      )}
      {afterAppeal && (
        <Textarea label={labels.appealOutcome} required value={values.appealOutcome} onChange={(e) => set('appealOutcome', e.currentTarget.value)} error={errors.fieldErrors.appealOutcome} autosize minRows={3} />
      )}
      {withdrawn && (
        <Textarea label={labels.reason} required description="For example, the applicant withdrew it" value={values.reason} onChange={(e) => set('reason', e.currentTarget.value)} error={errors.fieldErrors.reason} autosize minRows={2} />
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={move.isPending}>
          Record this step
        </Button>
      </Group>
    </Form>
  );
}
