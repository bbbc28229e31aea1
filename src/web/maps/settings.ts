import { useQuery } from '@tanstack/react-query';
import { settings } from '../../shared/api/settings.ts';
import { get } from '../api/client.ts';

/** Where map tiles come from: set by whoever runs Concord, unchanged while the app is open. */
export function useMapSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => get('/settings', settings), staleTime: Infinity });
}
