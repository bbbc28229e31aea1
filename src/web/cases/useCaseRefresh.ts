import { useQueryClient } from '@tanstack/react-query';
import { recordKeys } from '../records/keys.ts';
import { caseKeys } from './keys.ts';

/** After a change on the case page: the case itself, its history, and the lists that show it. */
export function useCaseRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.one(id) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.history('cases', id) });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  };
}
