import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notificationPage, type Notification } from '../../shared/api/notifications.ts';
import { messageOf } from '../api/errors.ts';
import { usePagedList } from '../api/lists.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { notificationKeys } from './keys.ts';
import { useMarkAllRead, useMarkRead, useUnreadCount } from './useNotifications.ts';

function NotificationItem({ n }: { n: Notification }) {
  const markRead = useMarkRead();
  const messageId = `notification-${n.id}`;
  return (
    <Paper withBorder p="md" component="li" bg={n.readAt ? undefined : 'blue.0'}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Group gap="xs">
            {!n.readAt && (
              <Badge color="blue.8" size="sm">
                Unread
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(n.createdAt)}
            </Text>
          </Group>
          <Anchor component={Link} to={n.link} id={messageId} fw={n.readAt ? 400 : 700} onClick={() => !n.readAt && markRead.mutate(n.id)}>
            {n.message}
          </Anchor>
          {markRead.error && (
            <Text size="sm" c="red.9" role="alert">
              {messageOf(markRead.error)}
            </Text>
          )}
        </Stack>
        {!n.readAt && (
          <Button size="xs" variant="default" loading={markRead.isPending} onClick={() => markRead.mutate(n.id)} aria-describedby={messageId}>
            Mark read
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Everything the person has been told, newest first; following one marks it read. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const filter = params.get('show') === 'unread' ? 'unread' : 'all';
  const list = usePagedList(notificationKeys.list(filter), '/notifications', { unread: filter === 'unread' ? true : undefined }, notificationPage);
  const count = useUnreadCount().data?.count ?? 0;
  const markAllRead = useMarkAllRead();

  return (
    <Page
      title="Notifications"
      actions={
        <Button variant="default" disabled={count === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
          Mark all read
        </Button>
      }
    >
      <Text>
        You are told here when a task is set for you or changes, a reminder falls due, someone asks for or decides on access, and when someone else changes a
        profile or case you follow. Choose how you are emailed on <Anchor component={Link} to="/account">your account page</Anchor>.
      </Text>
      <SegmentedControl
        aria-label="Show"
        value={filter}
        onChange={(value) => setParams(value === 'unread' ? { show: 'unread' } : {}, { replace: true })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unread', label: `Unread (${count})` },
        ]}
        w="fit-content"
      />
      {markAllRead.error && (
        <Text c="red.9" role="alert">
          {messageOf(markAllRead.error)}
        </Text>
      )}
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading notifications" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text>{filter === 'unread' ? 'You have no unread notifications.' : 'You have no notifications yet.'}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notifications">
              {list.items.map((n) => (
                <NotificationItem key={n.id} n={n} />
              ))}
            </Stack>
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="notifications" />
        </>
      )}
    </Page>
  );
}
