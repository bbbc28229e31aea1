import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referral as referralSchema, type Referral } from '../../shared/api/referrals.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { notifySaved } from '../components/notify.ts';
import { referralKeys } from './keys.ts';

/** A refusal that means the referral moved on under this person: the page is read again to show where it is now. */
export const isStale = (error: unknown) => isApiError(error, 'referral_state') || isApiError(error, 'conflict');

interface Change {
  /** Under the referral: "triage", "withdrawal", "reopening", "information"; "" for the referral itself. */
  path: string;
  method?: 'POST' | 'PATCH';
  body: Record<string, unknown>;
}

/**
 * A step or change that answers with the whole referral: shown at once, the desk refreshed. A
 * refusal because someone else moved it first (409) keeps its message and reloads the referral.
 */
export function useReferralChange(id: string, saved: (r: Referral) => string, done?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: Change) => call(method, path ? `/referrals/${id}/${path}` : `/referrals/${id}`, referralSchema, { body }),
    onSuccess: (r) => {
      queryClient.setQueryData(referralKeys.one(id), r);
      void queryClient.invalidateQueries({ queryKey: referralKeys.all, predicate: (q) => q.queryKey[1] !== 'one' || q.queryKey[2] !== id });
      notifySaved(saved(r));
      done?.();
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: referralKeys.one(id) });
    },
  });
}
