import { useQuery } from '@tanstack/react-query';
import { location } from '../../shared/api/locations.ts';
import { get } from '../api/client.ts';
import { locationKeys } from './keys.ts';

export function useLocationRecord(id: string) {
  return useQuery({ queryKey: locationKeys.one(id), queryFn: () => get(`/locations/${id}`, location) });
}
