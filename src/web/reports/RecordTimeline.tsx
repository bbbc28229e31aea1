import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { timelinePage } from '../../shared/api/reports.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import type { RecordPath } from '../records/kinds.ts';
import { Section } from '../records/Section.tsx';
import { AddReportForm } from './AddReportForm.tsx';
import { noFilters, timelineQuery, type TimelineFilters } from './filters.ts';
import { timelineKeys } from './keys.ts';
import { TimelineFilterBar } from './TimelineFilterBar.tsx';
import { TimelineItem } from './TimelineItem.tsx';

/**
 * The record's timeline: reports, task steps, reminders, documents and changes, newest first.
 * What others save appears without a reload: a live update about the record refetches it.
 */
export function RecordTimeline({ kind, id }: { kind: RecordPath; id: string }) {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [filters, setFilters] = useState<TimelineFilters>(noFilters);
  const list = usePagedList(timelineKeys.page(kind, id, filters), `/${kind}/${id}/timeline`, timelineQuery(filters), timelinePage);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);
  return (
    <Section
      title="Timeline"
      actions={can(me, 'records.edit') && !adding && <Button onClick={() => setAdding(true)}>Add report</Button>}
    >
      {adding && (
        <Paper withBorder p="md" radius="sm">
          <Title order={3} size="h4" mb="sm">
            New report
          </Title>
          <AddReportForm kind={kind} id={id} onDone={() => setAdding(false)} />
        </Paper>
      )}
      <TimelineFilterBar filters={filters} onChange={setFilters} canIncludeLinked={kind === 'cases'} />
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the timeline" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text size="sm">{filtered ? 'Nothing on the timeline matches these filters.' : 'Nothing has been recorded yet.'}</Text>
          ) : (
            <Stack component="ol" gap={0} aria-label="Timeline entries, newest first" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.items.map((entry) => <TimelineItem key={entry.id} entry={entry} recordId={id} />)}
            </Stack>
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="items" />
        </>
      )}
    </Section>
  );
}
