import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  meeting, meetingPage, type Meeting, minutesVersionList, panel, panelPage, panelStatistics, referralPage, referralStart,
} from '../../shared/api/panels.ts';
import { get, withQuery } from '../api/client.ts';
import { meetingKeys, panelKeys } from './keys.ts';

/** A profile or case as the panels API names it. */
export type SubjectType = 'profile' | 'case';

// A partnership runs a handful of standing panels, and a panel meets monthly or so: the first 200
// of each list is all of them.
const all = { limit: 200 };

export function usePanels() {
  return useQuery({ queryKey: panelKeys.list, queryFn: () => get(withQuery('/panels', all), panelPage) });
}

export function usePanel(id: string) {
  return useQuery({ queryKey: panelKeys.one(id), queryFn: () => get(`/panels/${id}`, panel) });
}

export function useWaitingReferrals(panelId: string) {
  const query = { ...all, status: 'waiting' };
  return useQuery({ queryKey: panelKeys.referrals(panelId, query), queryFn: () => get(withQuery(`/panels/${panelId}/referrals`, query), referralPage) });
}

/** What Concord already holds about a record brought to a panel. */
export function useReferralStart(panelId: string | null, type: SubjectType, id: string) {
  return useQuery({
    queryKey: panelKeys.start(panelId ?? '', type, id),
    queryFn: () => get(withQuery(`/panels/${panelId}/referral-start`, { subjectType: type, subjectId: id }), referralStart),
    enabled: panelId !== null,
  });
}

export function usePanelMeetings(panelId: string, when: 'upcoming' | 'past') {
  const query = { ...all, when };
  return useQuery({ queryKey: panelKeys.meetings(panelId, when), queryFn: () => get(withQuery(`/panels/${panelId}/meetings`, query), meetingPage) });
}

export interface StatisticsRange {
  from?: string;
  to?: string;
  [name: string]: string | undefined;
}

export function usePanelStatistics(panelId: string, range: StatisticsRange) {
  return useQuery({
    queryKey: panelKeys.statistics(panelId, range),
    queryFn: () => get(withQuery(`/panels/${panelId}/statistics`, range), panelStatistics),
  });
}

/** The CSV is fetched by the browser itself, so it arrives as a download with the session cookie. */
export const statisticsCsvHref = (panelId: string, range: StatisticsRange) => `/api/v1${withQuery(`/panels/${panelId}/statistics.csv`, range)}`;

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => get(`/meetings/${id}`, meeting) });
}

/** The invitation as an iCalendar file, for the person's own calendar. */
export const calendarHref = (meetingId: string) => `/api/v1/meetings/${meetingId}/calendar.ics`;

export function useMinutesVersions(meetingId: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.versions(meetingId, itemId),
    queryFn: () => get(`/meetings/${meetingId}/agenda/${itemId}/versions`, minutesVersionList),
    enabled,
  });
}

/** After a change on the meeting page: the meeting again, and the panel's counts and lists. */
export function useMeetingRefresh(meetingId: string) {
  const queryClient = useQueryClient();
  return (saved?: Meeting) => {
    if (saved) queryClient.setQueryData(meetingKeys.one(meetingId), saved);
    else void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
    void queryClient.invalidateQueries({ queryKey: meetingKeys.versionsOf(meetingId) });
    void queryClient.invalidateQueries({ queryKey: panelKeys.all });
  };
}
