import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { profileMatches } from '../../shared/api/profiles.ts';
import { referral, referralForm, referralFormList, referralFormVersionList, referralPage, referralStatistics } from '../../shared/api/referrals.ts';
import { get, withQuery, type Query } from '../api/client.ts';
import { usePagedList } from '../api/lists.ts';
import { referralFormKeys, referralKeys } from './keys.ts';

/** A desk's referrals, page by page, with the team whose desk it is. */
export function useDesk(query: Query) {
  const list = usePagedList(referralKeys.desk(query), '/referrals', query, referralPage);
  // Every page was parsed with `referralPage`, which names the desk's team; the paged list's type forgets it.
  const first = list.data?.pages[0] as z.infer<typeof referralPage> | undefined;
  return { ...list, team: first?.team };
}

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.one(id), queryFn: () => get(`/referrals/${id}`, referral) });
}

/** People already on Concord who may be the referral's subject, with stubs for those the reader cannot open. */
export function useReferralMatches(id: string) {
  return useQuery({ queryKey: referralKeys.matches(id), queryFn: () => get(`/referrals/${id}/matches`, profileMatches) });
}

export function useReferralStatistics(query: Query) {
  return useQuery({ queryKey: referralKeys.statistics(query), queryFn: () => get(withQuery('/referrals/statistics', query), referralStatistics) });
}

/** The partnership's referral forms: a few per team at most, so one list holds them all. */
export function useReferralForms() {
  return useQuery({ queryKey: referralFormKeys.list, queryFn: () => get('/referral-forms', referralFormList) });
}

export function useReferralForm(id: string | null) {
  return useQuery({ queryKey: referralFormKeys.one(id ?? ''), queryFn: () => get(`/referral-forms/${id}`, referralForm), enabled: id !== null });
}

export function useReferralFormVersions(id: string) {
  return useQuery({ queryKey: referralFormKeys.versions(id), queryFn: () => get(`/referral-forms/${id}/versions`, referralFormVersionList) });
}
