import { useQuery } from '@tanstack/react-query';
import { profile } from '../../shared/api/profiles.ts';
import { get } from '../api/client.ts';
import { profileKeys } from './keys.ts';

export function useProfile(id: string) {
  return useQuery({ queryKey: profileKeys.one(id), queryFn: () => get(`/profiles/${id}`, profile) });
}
