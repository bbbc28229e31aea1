import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Text, Textarea, TextInput } from '@mantine/core';
import { retentionDecisionBody, retentionReview, type RetentionReview } from '../../../shared/api/retention.ts';
import { retentionDecisionLabels, type RetentionDecision } from '../../../shared/retention.ts';
import { call } from '../../api/client.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';

const explanation: Record<RetentionDecision, string> = {
  keep: 'The record stays as it is until the date you give; then it comes back to this queue.',
  anonymise: 'Names, dates of birth, contacts and free text are replaced; links, counts and statistics stay. This cannot be undone.',
  delete: 'The record and everything on it, files included, are deleted. The audit trail keeps only that a record was deleted. This cannot be undone.',
};

/** A decision on one review: keep needs a later date; delete needs the record's name typed, so it is never one slip away. */
export function DecisionForm({ review, decision, onDone }: { review: RetentionReview; decision: RetentionDecision; onDone: (decided: RetentionReview) => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [keepUntil, setKeepUntil] = useState('');
  const [typed, setTyped] = useState('');
  const errors = useFieldErrors({ reason: 'Reason', keepUntil: 'Keep until', decision: 'Decision' });
  const confirmWord = review.record.reference ?? 'delete';
  const decide = useMutation({
    mutationFn: (body: { decision: RetentionDecision; reason: string; keepUntil?: string }) => call('POST', `/retention-reviews/${review.id}/decision`, retentionReview, { body }),
    onSuccess: (decided) => {
      void queryClient.invalidateQueries({ queryKey: ['retention'] });
      void queryClient.invalidateQueries({ queryKey: [review.record.kind === 'case' ? 'cases' : 'profiles'] });
      notifySaved(`${retentionDecisionLabels[decision]}: ${review.record.reference ?? review.record.title}.`);
      onDone(decided);
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const explained: Record<string, string | null> = { decision: decision === 'delete' && typed.trim() !== confirmWord ? `Type ${confirmWord} to confirm the deletion` : null };
    const body = errors.check(retentionDecisionBody, { decision, reason, ...(decision === 'keep' ? { keepUntil: keepUntil || undefined } : {}) }, {}, explained);
    if (body) decide.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={decide.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm">{explanation[decision]}</Text>
      <Textarea label="Reason" description="Kept with the decision on the audit trail." value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fieldErrors.reason} required autosize minRows={2} maxLength={1000} />
      {decision === 'keep' && (
        <TextInput label="Keep until" type="date" required value={keepUntil} onChange={(e) => setKeepUntil(e.currentTarget.value)} error={errors.fieldErrors.keepUntil} />
      )}
      {decision === 'delete' && (
        <TextInput label={`Type ${confirmWord} to confirm`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} error={errors.fieldErrors.decision} required autoComplete="off" />
      )}
      <FormButtons submitLabel={retentionDecisionLabels[decision]} pending={decide.isPending} onCancel={() => onDone(review)} danger={decision !== 'keep'} />
    </Form>
  );
}
