import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Modal, Text, Textarea } from '@mantine/core';
import { decideAccessRequestBody, type AccessRequest } from '../../shared/api/records.ts';
import { callNoReply } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { recordNoun } from '../records/kinds.ts';

export type Decision = 'approve' | 'refuse';

interface Props {
  request: AccessRequest;
  decision: Decision;
  onDone: () => void;
}

/** Approving opens the record to the requester's team; refusing tells them why. */
function DecideForm({ request: r, decision, onDone }: Props) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const errors = useFieldErrors({ reason: 'Reason' });
  const decide = useMutation({
    mutationFn: (body: { reason?: string | null }) => callNoReply('POST', `/access-requests/${r.id}/${decision}`, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['access-requests'] });
      notifySaved(decision === 'approve' ? `${r.requesterTeam.name} can now see ${r.record.title}.` : `Request from ${r.requester.name} refused.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const body = errors.check(decideAccessRequestBody, { reason: reason.trim() || null });
    if (body) decide.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={decide.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm">
        {decision === 'approve'
          ? `${r.requesterTeam.name} will be able to ${r.level === 'edit' ? 'see and change' : 'see'} this ${recordNoun(r.record.kind)}. You can change or remove their access later in its sharing.`
          : `${r.requester.name} will be told that you refused, with your reason.`}
      </Text>
      <Textarea
        label="Reason"
        description={decision === 'approve' ? 'Optional: for the record’s history.' : 'Tell them why, and what they could do instead.'}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors.reason}
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
      />
      <FormButtons submitLabel={decision === 'approve' ? 'Approve' : 'Refuse'} pending={decide.isPending} onCancel={onDone} danger={decision === 'refuse'} />
    </Form>
  );
}

export interface Deciding {
  request: AccessRequest;
  decision: Decision;
}

export function DecideModal({ deciding, onClose }: { deciding: Deciding | null; onClose: () => void }) {
  return (
    <Modal
      opened={deciding !== null}
      onClose={onClose}
      title={deciding ? `${deciding.decision === 'approve' ? 'Approve' : 'Refuse'} access to ${deciding.request.record.title}` : ''}
      size="lg"
    >
      {deciding && <DecideForm request={deciding.request} decision={deciding.decision} onDone={onClose} />}
    </Modal>
  );
}
