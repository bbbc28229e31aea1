import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Text } from '@mantine/core';
import { emergencyAccessState } from '../../../shared/api/privacy.ts';
import { get } from '../../api/client.ts';
import { privacyKeys } from '../keys.ts';

const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes left, counted down once a minute; when the access ends the profile is asked for again and locks. */
function useMinutesLeft(expiresAt: string | null, onEnd: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    const end = window.setTimeout(onEnd, Math.max(0, Date.parse(expiresAt) - Date.now()) + 1000);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(end);
    };
  }, [expiresAt, onEnd]);
  return expiresAt ? Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 60_000)) : null;
}

/** On a profile opened by breaking the glass: until when, and that everything is recorded. */
export function EmergencyBanner({ profileId }: { profileId: string }) {
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: privacyKeys.emergencyState(profileId), queryFn: () => get(`/profiles/${profileId}/emergency-access`, emergencyAccessState) });
  const active = state.data?.active ?? null;
  const ended = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['profiles'] }), [queryClient]);
  const left = useMinutesLeft(active?.expiresAt ?? null, ended);
  if (!active) return null;
  return (
    <Alert color="red" title={`You are using emergency access until ${time.format(new Date(active.expiresAt))}`}>
      <Text size="sm">
        {left === 1 ? 'About 1 minute left.' : `About ${left} minutes left.`} Everything you open is recorded, and the team that holds this
        profile reviews why you used emergency access.
      </Text>
    </Alert>
  );
}
