import { useQuery } from '@tanstack/react-query';
import { Text } from '@mantine/core';
import { recentViewers } from '../../../shared/api/privacy.ts';
import { get } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { privacyKeys } from '../keys.ts';

/** "Recently viewed by": the last few of the reader's own team who opened the person. Nothing when nobody has. */
export function RecentViewers({ profileId }: { profileId: string }) {
  const query = useQuery({ queryKey: privacyKeys.recentViewers(profileId), queryFn: () => get(`/profiles/${profileId}/recent-viewers`, recentViewers) });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      Recently viewed by your team: {items.map((i) => `${i.user.name} (${formatDate(i.at)})`).join(', ')}
    </Text>
  );
}
