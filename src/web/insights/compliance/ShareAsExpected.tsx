import { useState } from 'react';
import { Button, List, Modal, Text, VisuallyHidden } from '@mantine/core';
import type { ComplianceGap } from '../../../shared/api/insights.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { listText } from '../../victim-care/labels.ts';
import { useShareAsExpected } from './api.ts';
import { missingShareText, targetText } from './labels.ts';

/**
 * Shares the person with every team and organisation their cases' types expect, after naming
 * each one and the level it gets: sharing a person's record is a decision, not a side effect.
 */
export function ShareAsExpected({ gap, onShared }: { gap: ComplianceGap; onShared: () => void }) {
  const [open, setOpen] = useState(false);
  // Once shared, the row and this button leave the list: focus goes where `onShared` puts it, not back here.
  const [shared, setShared] = useState(false);
  const share = useShareAsExpected(gap.profile.id);
  const close = () => {
    setOpen(false);
    share.reset();
  };
  const submit = () =>
    share.mutate(undefined, {
      onSuccess: (reply) => {
        notifySaved(
          reply.shared.length > 0
            ? `${gap.profile.name} is now shared with ${listText(reply.shared.map(targetText))}.`
            : `${gap.profile.name} was already shared as the case type expects.`,
        );
        setShared(true);
        setOpen(false);
        onShared();
      },
    });
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        Share as the case type expects
        <VisuallyHidden component="span"> for {gap.profile.name}</VisuallyHidden>
      </Button>
      <Modal
        opened={open}
        onClose={close}
        returnFocus={!shared}
        title={`Share ${gap.profile.name} as the case type expects`}
      >
        <Form onSubmit={submit}>
          <FormAlert error={share.error} />
          <Text size="sm">Their cases’ types share people with these teams and organisations. {gap.profile.name} will be shared with:</Text>
          <List size="sm">
            {gap.missingShares.map((s) => (
              <List.Item key={`${s.organisation.id}-${s.team?.id ?? 'all'}`}>{missingShareText(s)}</List.Item>
            ))}
          </List>
          <Text size="sm">The sharing is recorded on the profile, and can be changed there afterwards.</Text>
          <FormButtons submitLabel="Share" pending={share.isPending} onCancel={close} />
        </Form>
      </Modal>
    </>
  );
}
