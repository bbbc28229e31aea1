import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { referralReasonBody, type Referral } from '../../shared/api/referrals.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useReferralChange } from './useReferralChange.ts';

interface Props {
  referral: Referral;
  /** "withdrawal" or "reopening". */
  path: string;
  description: string;
  submitLabel: string;
  saved: string;
  onDone: () => void;
}

/** A step that needs its reason: withdrawing a referral, or reopening a decided one. */
export function ReasonForm({ referral, path, description, submitLabel, saved, onDone }: Props) {
  const [reason, setReason] = useState('');
  const errors = useFieldErrors({ reason: 'The reason' });
  const change = useReferralChange(referral.id, () => saved, onDone);
  const submit = () => {
    const body = errors.check(referralReasonBody, { version: referral.version, reason });
    if (body) change.mutate({ path, body });
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={change.error} fieldErrors={errors.fieldErrors} />
      <Textarea label="Reason" description={description} required autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fieldErrors.reason} data-autofocus />
      <FormButtons submitLabel={submitLabel} pending={change.isPending} onCancel={onDone} />
    </Form>
  );
}
