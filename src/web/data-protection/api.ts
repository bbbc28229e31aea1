import { useQuery } from '@tanstack/react-query';
import { agreement, agreementPage, dataProtectionSettings, lawfulBasisList } from '../../shared/api/agreements.ts';
import { get, withQuery } from '../api/client.ts';

export const dataProtectionKeys = {
  lawfulBases: (profileId: string) => ['lawful-bases', profileId] as const,
  agreements: (query: AgreementQuery) => ['sharing-agreements', 'list', query] as const,
  allAgreements: ['sharing-agreements'] as const,
  agreement: (id: string) => ['sharing-agreements', 'one', id] as const,
  settings: ['data-protection-settings'] as const,
};

export interface AgreementQuery {
  status?: 'draft' | 'active' | 'ended';
  reviewDue?: boolean;
}

export function useLawfulBases(profileId: string) {
  return useQuery({ queryKey: dataProtectionKeys.lawfulBases(profileId), queryFn: () => get(`/profiles/${profileId}/lawful-bases`, lawfulBasisList) });
}

/** The first 200 agreements: a partnership keeps a handful, not pages of them. */
export function useAgreements(query: AgreementQuery = {}, enabled = true) {
  return useQuery({
    queryKey: dataProtectionKeys.agreements(query),
    queryFn: () => get(withQuery('/sharing-agreements', { ...query, reviewDue: query.reviewDue ? 'true' : undefined, limit: 200 }), agreementPage),
    enabled,
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: dataProtectionKeys.agreement(id), queryFn: () => get(`/sharing-agreements/${id}`, agreement) });
}

export function useDataProtectionSettings() {
  return useQuery({ queryKey: dataProtectionKeys.settings, queryFn: () => get('/data-protection/settings', dataProtectionSettings) });
}
