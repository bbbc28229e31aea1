import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { anonymiseBody, anonymised, legalHold, legalHoldBody } from '../../../shared/api/retention.ts';
import { retentionReviewStatusLabels } from '../../../shared/retention.ts';
import { call } from '../../api/client.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { notifySaved } from '../../components/notify.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useRetentionState } from './api.ts';
import { LiftHold } from './LegalHoldsPage.tsx';

function ReasonForm({ label, submitLabel, danger, onSubmit, pending, error, onCancel, children }: {
  label: string; submitLabel: string; danger?: boolean; pending: boolean; error: unknown;
  onSubmit: (reason: string, errors: ReturnType<typeof useFieldErrors>) => void; onCancel: () => void; children?: React.ReactNode;
}) {
  const [reason, setReason] = useState('');
  const errors = useFieldErrors({ reason: label });
  return (
    <Form onSubmit={() => onSubmit(reason, errors)}>
      <FormAlert error={error} fieldErrors={errors.fieldErrors} />
      {children}
      <Textarea label={label} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fieldErrors.reason} required autosize minRows={2} maxLength={1000} />
      <FormButtons submitLabel={submitLabel} pending={pending} onCancel={onCancel} danger={danger} />
    </Form>
  );
}

/**
 * The profile's retention: the "Anonymised on …" banner, a legal hold and its lifting, the
 * review waiting in the queue, and anonymising now, for the owning organisation's administrators.
 */
export function RetentionPanel({ profileId }: { profileId: string }) {
  const queryClient = useQueryClient();
  const state = useRetentionState('profiles', profileId);
  const [open, setOpen] = useState<'anonymise' | 'hold' | 'lift' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['profiles'] });
  const anonymise = useMutation({
    mutationFn: (body: { reason: string; version: number }) => call('POST', `/profiles/${profileId}/anonymise`, anonymised, { body }),
    onSuccess: () => { refresh(); notifySaved('The person was anonymised.'); setOpen(null); },
  });
  const hold = useMutation({
    mutationFn: (body: unknown) => call('POST', '/legal-holds', legalHold, { body }),
    onSuccess: () => { refresh(); void queryClient.invalidateQueries({ queryKey: ['retention'] }); notifySaved('Legal hold placed.'); setOpen(null); },
  });
  if (!state.data) return null;
  const s = state.data;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">Retention</Title>
      {s.anonymisedAt && (
        <Alert color="gray" title={`Anonymised on ${formatDate(s.anonymisedAt)}`}>
          Names, date of birth, contacts and free text were replaced. Links, counts and statistics were kept.
        </Alert>
      )}
      {s.hold && (
        <Alert color="orange" title="Legal hold">
          Placed on {formatDate(s.hold.placedAt)}: {s.hold.reason}. Nothing anonymises or deletes this record while it stands.
        </Alert>
      )}
      {s.review && s.review.status === 'pending' && <Text>Past its retention period since {formatDate(s.review.dueOn)}: waiting in the retention queue.</Text>}
      {s.review && s.review.status !== 'pending' && <Text size="sm" c="dimmed">Last retention review: {retentionReviewStatusLabels[s.review.status]}.</Text>}
      {s.canDecide && (
        <Group gap="sm">
          {!s.hold && <Button variant="default" onClick={() => setOpen('hold')}>Place a legal hold</Button>}
          {s.hold && <Button variant="default" onClick={() => setOpen('lift')}>Lift the legal hold</Button>}
          {!s.anonymisedAt && !s.hold && <Button color="red" variant="light" onClick={() => setOpen('anonymise')}>Anonymise</Button>}
        </Group>
      )}
      <Modal opened={open === 'anonymise'} onClose={() => setOpen(null)} title="Anonymise this person" size="lg">
        <ReasonForm label="Why" submitLabel="Anonymise" danger pending={anonymise.isPending} error={anonymise.error} onCancel={() => setOpen(null)}
          onSubmit={(reason, errors) => { const body = errors.check(anonymiseBody, { reason, version: s.version }); if (body) anonymise.mutate(body); }}>
          <Text size="sm">Their names, date of birth, contacts and addresses, and the free text of everything on their record, are replaced. Links, counts and statistics stay. This cannot be undone.</Text>
        </ReasonForm>
      </Modal>
      <Modal opened={open === 'hold'} onClose={() => setOpen(null)} title="Place a legal hold" size="lg">
        <ReasonForm label="Why it must be kept" submitLabel="Place the hold" pending={hold.isPending} error={hold.error} onCancel={() => setOpen(null)}
          onSubmit={(reason, errors) => { const body = errors.check(legalHoldBody, { record: { type: 'profile', id: profileId }, reason }); if (body) hold.mutate(body); }} />
      </Modal>
      <Modal opened={open === 'lift'} onClose={() => setOpen(null)} title="Lift the legal hold" size="lg">
        {s.hold && <LiftHold hold={s.hold} onDone={() => { refresh(); setOpen(null); }} />}
      </Modal>
    </Stack>
  );
}
