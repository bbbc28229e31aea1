import { useQuery } from '@tanstack/react-query';
import { caseReview, victimCare, victimCareSettings } from '../../shared/api/victim-care.ts';
import { get } from '../api/client.ts';
import { victimCareKeys } from './keys.ts';

export function useVictimCare(profileId: string) {
  return useQuery({ queryKey: victimCareKeys.profile(profileId), queryFn: () => get(`/profiles/${profileId}/victim-care`, victimCare) });
}

export function useCaseReview(id: string) {
  return useQuery({ queryKey: victimCareKeys.review(id), queryFn: () => get(`/case-reviews/${id}`, caseReview) });
}

export function useVictimCareSettings() {
  return useQuery({ queryKey: victimCareKeys.settings, queryFn: () => get('/victim-care/settings', victimCareSettings) });
}

/** The victim's own record of contacts as a spreadsheet; the download is audited by the server. */
export const contactsCsvHref = (profileId: string) => `/api/v1/profiles/${profileId}/contacts.csv`;
