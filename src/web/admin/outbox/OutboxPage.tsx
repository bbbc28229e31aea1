import { useState } from 'react';
import { Badge, Box, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { outboundMessagePage } from '../../../shared/api/outbox.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/lists.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { LinkedText } from './LinkedText.tsx';
import classes from './OutboxPage.module.css';

const statusLabels = { pending: 'Waiting to send', sent: 'Sent', failed: 'Failed' } as const;

export function OutboxPage() {
  const [search, setSearch] = useState('');
  const [recipient] = useDebouncedValue(search.trim(), 300);
  const query = { recipient };
  const list = usePagedList(keys.outbox(query), '/outbox', query, outboundMessagePage);

  return (
    <Page title="Outbox (development)">
      <Text>
        The emails and text messages Concord would have sent, kept here because no email or SMS service is set up. Use
        it to follow invitation and password reset links while trying Concord out.
      </Text>
      <TextInput label="Recipient" description="Email address or phone number" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading messages" />
      {list.data && (
        <Stack gap="md">
          {list.items.length === 0 && <Text>No messages.</Text>}
          {list.items.map((m) => (
            <Paper key={m.id} withBorder p="md" component="article" aria-labelledby={`message-${m.id}`}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start">
                  <Title order={2} size="h4" id={`message-${m.id}`}>
                    {m.subject ?? (m.channel === 'sms' ? 'Text message' : '(no subject)')}
                  </Title>
                  <Badge variant="light" color={m.status === 'failed' ? 'red' : 'gray'}>
                    {statusLabels[m.status]}
                  </Badge>
                </Group>
                <Text size="sm">
                  To {m.recipient}, {formatDateTime(m.createdAt)}
                </Text>
                <Box className={classes.body}>
                  <LinkedText text={m.body} />
                </Box>
              </Stack>
            </Paper>
          ))}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="messages" />
        </Stack>
      )}
    </Page>
  );
}
