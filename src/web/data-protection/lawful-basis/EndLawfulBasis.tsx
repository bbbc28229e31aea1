import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { lawfulBasis, type LawfulBasisEntry } from '../../../shared/api/agreements.ts';
import { chosenEndReasons, lawfulBasisEndReasonLabels } from '../../../shared/data-protection.ts';
import { call } from '../../api/client.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { dataProtectionKeys } from '../api.ts';

type Reason = (typeof chosenEndReasons)[number];

/** Ends the organisation's basis: consent withdrawn, or no longer needed, after asking why. */
export function EndLawfulBasis({ entry }: { entry: LawfulBasisEntry }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<Reason>('consent-withdrawn');
  const [note, setNote] = useState('');
  const end = useMutation({
    mutationFn: () => call('POST', `/lawful-bases/${entry.id}/end`, lawfulBasis, { body: { reason, note: note || null } }),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: dataProtectionKeys.lawfulBases(entry.profileId) });
      notifySaved(`${entry.organisation.name}'s lawful basis has ended.`);
    },
  });
  const close = () => {
    setOpen(false);
    end.reset();
  };
  return (
    <>
      <Button size="xs" variant="outline" color="red" onClick={() => setOpen(true)}>
        End this basis
      </Button>
      <Modal opened={open} onClose={close} title="End this lawful basis?">
        <Stack gap="md">
          <FormAlert error={end.error} />
          <Radio.Group label="Why it ends" value={reason} onChange={(v) => setReason(v as Reason)}>
            <Stack gap="xs" mt="xs">
              {chosenEndReasons.map((r) => <Radio key={r} value={r} label={lawfulBasisEndReasonLabels[r]} />)}
            </Stack>
          </Radio.Group>
          <Textarea label="Note (kept on the audit trail)" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Keep it
            </Button>
            <Button color="red" loading={end.isPending} onClick={() => end.mutate()}>
              End this basis
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
