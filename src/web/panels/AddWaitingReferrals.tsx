import { useMutation } from '@tanstack/react-query';
import { Button } from '@mantine/core';
import { meeting as meetingSchema, type Meeting } from '../../shared/api/panels.ts';
import { call } from '../api/client.ts';
import { notifyProblem, notifySaved } from '../components/notify.ts';
import { messageOf } from '../api/errors.ts';
import { useMeetingRefresh } from './api.ts';

/** Puts every referral waiting for the panel on the agenda, in SafeLives' suggested order. */
export function AddWaitingReferrals({ meeting: m }: { meeting: Meeting }) {
  const refresh = useMeetingRefresh(m.id);
  const add = useMutation({
    mutationFn: () => call('POST', `/meetings/${m.id}/agenda/waiting`, meetingSchema),
    onSuccess: (saved) => {
      const added = saved.agenda.length - m.agenda.length;
      refresh(saved);
      notifySaved(added === 0 ? 'No referral was waiting.' : `${added} ${added === 1 ? 'referral' : 'referrals'} added to the agenda.`);
    },
    onError: (error) => notifyProblem('The referrals could not be added', messageOf(error)),
  });
  return (
    <Button size="xs" onClick={() => add.mutate()} loading={add.isPending}>
      Add waiting referrals
    </Button>
  );
}
