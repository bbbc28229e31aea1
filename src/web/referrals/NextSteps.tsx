import { useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import type { ProfileMatch } from '../../shared/api/profiles.ts';
import type { Referral } from '../../shared/api/referrals.ts';
import { openReferralStates, stepFrom } from '../../shared/referrals.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { Section } from '../records/Section.tsx';
import { DecideForm } from './DecideForm.tsx';
import { InformationForm } from './InformationForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { useReferralChange } from './useReferralChange.ts';

type Open = 'decide' | 'information' | 'withdraw' | 'reopen' | null;

/** The steps the referral's state allows (`stepFrom`), and the forms they need. */
export function NextSteps({ referral, matches }: { referral: Referral; matches: ProfileMatch[] }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const start = useReferralChange(referral.id, (r) => `${r.reference}: triage started.`);
  const can = (step: Parameters<typeof stepFrom>[1]) => stepFrom(referral.status, step) !== null;
  const deciding = openReferralStates.includes(referral.status);

  return (
    <Section title="What happens next">
      <FormAlert error={start.error} />
      {open === 'decide' && <DecideForm referral={referral} matches={matches} onDone={close} />}
      {open === 'information' && <InformationForm referral={referral} onDone={close} />}
      {open !== 'decide' && open !== 'information' && (
        <>
          {referral.status === 'waiting-for-information' && <Text size="sm">The clock is paused until the referrer answers, or you record what they told you.</Text>}
          <Group gap="sm">
            {can('start-triage') && (
              <Button variant="default" loading={start.isPending} onClick={() => start.mutate({ path: 'triage', body: { version: referral.version } })}>
                Start triage
              </Button>
            )}
            {deciding && <Button onClick={() => setOpen('decide')}>Decide</Button>}
            {can('information-received') && (
              <Button variant="default" onClick={() => setOpen('information')}>
                Record information received
              </Button>
            )}
            {can('withdraw') && (
              <Button variant="default" color="red" onClick={() => setOpen('withdraw')}>
                Withdraw
              </Button>
            )}
            {can('reopen') && (
              <Button variant="default" onClick={() => setOpen('reopen')}>
                Reopen
              </Button>
            )}
          </Group>
        </>
      )}
      <Modal opened={open === 'withdraw'} onClose={close} title={`Withdraw ${referral.reference}`}>
        {open === 'withdraw' && (
          <ReasonForm referral={referral} path="withdrawal" description="For example, the referrer asked to withdraw it, or it was sent twice" submitLabel="Withdraw the referral" saved={`${referral.reference} is withdrawn.`} onDone={close} />
        )}
      </Modal>
      <Modal opened={open === 'reopen'} onClose={close} title={`Reopen ${referral.reference}`}>
        {open === 'reopen' && (
          <ReasonForm
            referral={referral}
            path="reopening"
            description="It goes back into triage. Anything the decision made, such as a case, stays as it is."
            submitLabel="Reopen the referral"
            saved={`${referral.reference} is back in triage.`}
            onDone={close}
          />
        )}
      </Modal>
    </Section>
  );
}
