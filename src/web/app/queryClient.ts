import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live updates invalidate what others change; this only bounds how stale a screen can be.
      staleTime: 30_000,
      // A refusal or a missing record will not change by asking again; a dropped connection may.
      retry: (failures, error) => failures < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});
