import { useQuery } from '@tanstack/react-query';
import { caseRecord } from '../../shared/api/cases.ts';
import { get } from '../api/client.ts';
import { caseKeys } from './keys.ts';

export function useCase(id: string, enabled = true) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => get(`/cases/${id}`, caseRecord), enabled: enabled && id !== '' });
}
