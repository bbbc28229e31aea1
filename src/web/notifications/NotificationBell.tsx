import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Button, Group, Popover, Stack, Text, VisuallyHidden } from '@mantine/core';
import { messageOf } from '../api/errors.ts';
import { useLiveEvent } from '../app/useLiveUpdates.ts';
import { formatDateTime } from '../components/format.ts';
import classes from './NotificationBell.module.css';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useUnreadCount } from './useNotifications.ts';

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

const unreadLabel = (count: number) => (count === 0 ? 'Notifications' : `Notifications, ${count} unread`);

/**
 * The bell in the top bar: how many notifications are unread, and the newest ten. The count
 * refreshes when one arrives (the live stream invalidates it), without reloading the page.
 */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const count = useUnreadCount().data?.count ?? 0;
  const latest = useLatestNotifications(opened);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const close = () => setOpened(false);

  useLiveEvent('notification.created', (data) => {
    if (data.kind !== 'action_due') setAnnouncement(`New notification. ${unreadLabel(count + 1)}.`);
  });

  const items = latest.data?.items ?? [];
  return (
    <>
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus returnFocus withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unreadLabel(count)}
            aria-expanded={opened}
            aria-haspopup="dialog"
            onClick={() => setOpened((o) => !o)}
            className={classes.bell}
          >
            <BellIcon />
            {count > 0 && (
              <Badge size="xs" circle={count < 10} color="red.8" className={classes.count} aria-hidden="true">
                {count > 99 ? '99+' : count}
              </Badge>
            )}
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label="Notifications" p={0}>
          <Group justify="space-between" px="md" py="sm" className={classes.head}>
            <Text fw={700}>Notifications</Text>
            <Button size="compact-sm" variant="subtle" disabled={count === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
              Mark all read
            </Button>
          </Group>
          {latest.isPending && (
            <Text size="sm" px="md" py="sm" role="status">
              Loading notifications
            </Text>
          )}
          {latest.error && (
            <Text size="sm" px="md" py="sm" c="red.9" role="alert">
              {messageOf(latest.error)}
            </Text>
          )}
          {latest.data && items.length === 0 && (
            <Text size="sm" px="md" py="sm">
              You have no notifications.
            </Text>
          )}
          {items.length > 0 && (
            <ul className={classes.list}>
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? classes.item : `${classes.item} ${classes.unread}`}>
                  <Anchor
                    component={Link}
                    to={n.link}
                    className={classes.link}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id);
                      close();
                    }}
                  >
                    {!n.readAt && <VisuallyHidden>Unread: </VisuallyHidden>}
                    {n.message}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <Stack px="md" py="sm" className={classes.foot}>
            <Anchor component={Link} to="/notifications" onClick={close} size="sm">
              See all notifications
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </>
  );
}
