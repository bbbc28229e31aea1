import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { z } from 'zod';
import { createReferralBody, referral, type Panel, type ReferralStart } from '../../shared/api/panels.ts';
import { referralCriterionLabels, type ReferralCriterion } from '../../shared/panels.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { usePanels, useReferralStart, type SubjectType } from './api.ts';
import { panelKeys } from './keys.ts';
import { kindName, referralLabels } from './labels.ts';
import { WhatConcordHolds } from './WhatConcordHolds.tsx';

// Repeat is Concord's to decide (referred to the same panel in the last 12 months), never ticked by hand.
const chosenCriteria: ReferralCriterion[] = ['dash-14', 'ram-high', 'escalation', 'professional-judgement'];

interface DetailsProps {
  panel: Panel;
  type: SubjectType;
  id: string;
  start: ReferralStart;
  onDone: () => void;
}

/** The criteria and reason, starting from what Concord suggests for this person. */
function ReferralDetails({ panel, type, id, start, onDone }: DetailsProps) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(referralLabels);
  const [criteria, setCriteria] = useState<string[]>(() => start.suggestedCriteria.filter((c) => c !== 'repeat'));
  const [reason, setReason] = useState('');
  const judgement = criteria.includes('professional-judgement');

  const refer = useMutation({
    mutationFn: (body: z.infer<typeof createReferralBody>) =>
      call('POST', `/panels/${panel.id}/referrals`, referral, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (made) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: panelKeys.all });
      notifySaved(`Referred to ${panel.name}${made.repeat ? ' as a repeat referral' : ''}.`);
      onDone();
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const body = errors.check(
      createReferralBody,
      { subject: { type, id }, reason, criteria: start.repeat ? [...criteria, 'repeat'] : criteria },
      {},
      { criteria: criteria.length === 0 && !start.repeat ? 'Tick at least one criterion the referral meets' : null },
    );
    if (body) refer.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <WhatConcordHolds start={start} panelName={panel.name} />
      <FormAlert error={refer.error} fieldErrors={errors.fieldErrors} />
      <Checkbox.Group
        label={referralLabels.criteria}
        description="Ticked where Concord's records already show it; check them against what you know."
        value={criteria}
        onChange={setCriteria}
        error={errors.fieldErrors.criteria}
        required
      >
        <Stack gap={6} mt={6}>
          {chosenCriteria.map((c) => (
            <Checkbox key={c} value={c} label={referralCriterionLabels[c]} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={referralLabels.reason}
        description={judgement ? 'Professional judgement: give your reasons, in enough detail for the panel to weigh them.' : 'What the panel needs to know and why now.'}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors.reason}
        autosize
        minRows={4}
        maxLength={5000}
        required
      />
      <FormButtons submitLabel="Refer" pending={refer.isPending} onCancel={onDone} />
    </Form>
  );
}

function ReferralForm({ panels, type, id, onDone }: { panels: Panel[]; type: SubjectType; id: string; onDone: () => void }) {
  const [panelId, setPanelId] = useState<string | null>(panels.length === 1 ? panels[0]!.id : null);
  const chosen = panels.find((p) => p.id === panelId) ?? null;
  const start = useReferralStart(chosen?.id ?? null, type, id);
  return (
    <Stack gap="md">
      <Select
        label={referralLabels.panelId}
        data={panels.map((p) => ({ value: p.id, label: `${p.name} (${kindName(p.kind)})` }))}
        value={panelId}
        onChange={setPanelId}
        allowDeselect={false}
        required
        data-autofocus
      />
      {chosen && !start.data && <QueryStatus isPending={start.isPending} error={start.error} onRetry={() => void start.refetch()} label="Loading what Concord holds" />}
      {chosen && start.data && <ReferralDetails key={chosen.id} panel={chosen} type={type} id={id} start={start.data} onDone={onDone} />}
      {!chosen && (
        <Button variant="default" onClick={onDone} style={{ alignSelf: 'flex-end' }}>
          Cancel
        </Button>
      )}
    </Stack>
  );
}

/**
 * "Refer to a panel" among a profile's or case's actions, for those whose panels take referrals;
 * nothing at all for anyone else.
 */
export function ReferToPanelButton({ type, id }: { type: SubjectType; id: string }) {
  const [open, setOpen] = useState(false);
  const panels = usePanels();
  const referable = (panels.data?.items ?? []).filter((p) => p.permissions.canRefer);
  if (referable.length === 0) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Refer to a panel
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Refer to a panel" size="xl">
        {open && <ReferralForm panels={referable} type={type} id={id} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
