import { useState } from 'react';
import { Text, Textarea } from '@mantine/core';
import { recordInformationBody, type Referral } from '../../shared/api/referrals.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useReferralChange } from './useReferralChange.ts';

/** What the referrer told the team some other way (a phone call): answers the open question and restarts the clock. */
export function InformationForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const [information, setInformation] = useState('');
  const errors = useFieldErrors({ information: 'What they said' });
  const change = useReferralChange(referral.id, (r) => `${r.reference}: the information is recorded and the clock has restarted.`, onDone);
  const asked = referral.informationRequests.find((r) => r.answeredAt === null);
  const submit = () => {
    const body = errors.check(recordInformationBody, { version: referral.version, information });
    if (body) change.mutate({ path: 'information', body });
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={change.error} fieldErrors={errors.fieldErrors} />
      {asked && <Text size="sm">We asked: “{asked.question}”</Text>}
      <Textarea
        label="What they said"
        description="As the referrer told you, by phone or otherwise. It answers the question and restarts the decision clock."
        required
        autosize
        minRows={3}
        maxLength={10_000}
        value={information}
        onChange={(e) => setInformation(e.currentTarget.value)}
        error={errors.fieldErrors.information}
        data-autofocus
      />
      <FormButtons submitLabel="Record the information" pending={change.isPending} onCancel={onDone} />
    </Form>
  );
}
