import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { appointmentList, messageAttachment, messagePage, portalSettings, profilePortal, profilePortalItems, profileSafetyPlan } from '../../shared/api/portal.ts';
import { get, withQuery } from '../api/client.ts';
import { postFile } from '../documents/api.ts';
import { portalKeys } from './keys.ts';

export function usePortal(profileId: string) {
  return useQuery({ queryKey: portalKeys.access(profileId), queryFn: () => get(`/profiles/${profileId}/portal-access`, profilePortal) });
}

export function useSafetyPlan(profileId: string) {
  return useQuery({ queryKey: portalKeys.safetyPlan(profileId), queryFn: () => get(`/profiles/${profileId}/safety-plan`, profileSafetyPlan) });
}

export function useAppointments(profileId: string) {
  return useQuery({ queryKey: portalKeys.appointments(profileId), queryFn: () => get(`/profiles/${profileId}/appointments`, appointmentList) });
}

export function usePortalItems(profileId: string) {
  return useQuery({ queryKey: portalKeys.items(profileId), queryFn: () => get(`/profiles/${profileId}/portal/items`, profilePortalItems) });
}

export function usePortalSettings() {
  return useQuery({ queryKey: portalKeys.settings, queryFn: () => get('/portal-settings', portalSettings) });
}

/** The conversation, newest page first as the server sends it; older pages on demand. */
export function useConversation(profileId: string, enabled: boolean) {
  const result = useInfiniteQuery({
    enabled,
    queryKey: portalKeys.messages(profileId),
    queryFn: ({ pageParam }) => get(withQuery(`/profiles/${profileId}/portal/messages`, { limit: 20, cursor: pageParam }), messagePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // Shown oldest first, so the newest message sits at the bottom beside the reply box.
  const messages = (result.data?.pages.flatMap((p) => p.items) ?? []).toReversed();
  return { ...result, messages };
}

/** A file sent in the conversation; the download is audited by the server. */
export const attachmentHref = (profileId: string, attachmentId: string) => `/api/v1/profiles/${profileId}/portal/attachments/${attachmentId}`;

/** Uploads one file for a message not yet sent, as the documents do: the bytes as the body. */
export const uploadAttachment = (profileId: string, file: File) =>
  postFile(`/profiles/${profileId}/portal/attachments`, { fileName: file.name }, file, messageAttachment);
