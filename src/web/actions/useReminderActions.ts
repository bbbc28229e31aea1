import { useMutation, useQueryClient } from '@tanstack/react-query';
import { action as actionSchema, type Action } from '../../shared/api/tasks.ts';
import { call } from '../api/client.ts';
import { actionKeys } from './keys.ts';

/** Marking a reminder done, for whoever set it or was given it. */
export function useMarkDone(onDone?: (saved: Action) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reminder: Action) => call('POST', `/actions/${reminder.id}/done`, actionSchema, { body: { version: reminder.version } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(actionKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['actions'] });
      onDone?.(saved);
    },
  });
}
