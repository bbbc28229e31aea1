import { useQuery } from '@tanstack/react-query';
import { settings } from '../../shared/api/settings.ts';
import { get } from '../api/client.ts';

/** Where map tiles come from, and what a postcode lookup gives: set by whoever runs Concord, unchanged while the app is open. */
export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => get('/settings', settings), staleTime: Infinity });
}
