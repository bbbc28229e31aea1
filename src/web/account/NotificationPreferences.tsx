import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Radio, Stack, Text } from '@mantine/core';
import { notificationPreferences } from '../../shared/api/notifications.ts';
import { notificationEmailModeLabels, notificationEmailModes, type NotificationEmailMode } from '../../shared/work.ts';
import { call, get } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { notifySaved } from '../components/notify.ts';
import { notificationKeys } from '../notifications/keys.ts';

const descriptions: Record<NotificationEmailMode, string> = {
  immediate: 'An email for each notification, as it happens.',
  daily_digest: 'One email each morning after 7am listing the day’s notifications. Reminders you set still arrive at their time.',
};

/** How the person is emailed about their notifications; in Concord they always appear. */
export function NotificationPreferences() {
  const queryClient = useQueryClient();
  // The choice shows at once, in the same render as the click: the mutation's pending state
  // arrives a tick later, and a radio that lags its click reads as not having changed.
  const [chosen, setChosen] = useState<NotificationEmailMode | null>(null);
  const preferences = useQuery({ queryKey: notificationKeys.preferences, queryFn: () => get('/notification-preferences', notificationPreferences) });
  const save = useMutation({
    mutationFn: (email: NotificationEmailMode) => call('PUT', '/notification-preferences', notificationPreferences, { body: { email } }),
    onSuccess: (data) => {
      queryClient.setQueryData(notificationKeys.preferences, data);
      // A later click may be on its way: only its own reply settles the choice shown.
      setChosen((current) => (current === data.email ? null : current));
      notifySaved(data.email === 'daily_digest' ? 'You will get a daily digest.' : 'You will be emailed straight away.');
    },
    onError: () => setChosen(null),
  });

  return (
    <Stack gap="sm">
      <QueryStatus isPending={preferences.isPending} error={preferences.error} onRetry={() => void preferences.refetch()} label="Loading your email choice" />
      {preferences.data && (
        <Radio.Group
          label="Email me about notifications"
          description="Emails never name anyone: they say what happened and link to Concord."
          value={chosen ?? preferences.data.email}
          onChange={(value) => {
            setChosen(value as NotificationEmailMode);
            save.mutate(value as NotificationEmailMode);
          }}
        >
          <Stack gap="sm" mt="xs">
            {notificationEmailModes.map((mode) => (
              <Radio key={mode} value={mode} label={notificationEmailModeLabels[mode]} description={descriptions[mode]} disabled={save.isPending} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {save.error && (
        <Text size="sm" c="red.9" role="alert">
          {messageOf(save.error)}
        </Text>
      )}
    </Stack>
  );
}
