import { Stack, Table, Text } from '@mantine/core';
import { historyPage, type HistoryEntry } from '../../shared/api/records.ts';
import { usePagedList } from '../api/lists.ts';
import { formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { historyAction, sharedWith, subjectOf } from './historyActions.ts';
import { historyFieldLabel, historyValue, shownChanges } from './historyValues.ts';
import { recordKeys } from './keys.ts';
import type { RecordPath } from './kinds.ts';
import { RecordSubject } from './RecordSubject.tsx';
import { Section } from './Section.tsx';

function Changes({ entry }: { entry: HistoryEntry }) {
  const { created, rows } = shownChanges(entry.action, entry.changes);
  if (rows.length === 0) return null;
  const value = (field: string, v: unknown) => historyValue(entry.action, field, v, entry.names);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{created ? 'Recorded' : 'What changed'}</Table.Th>
            {!created && <Table.Th scope="col">Before</Table.Th>}
            <Table.Th scope="col">{created ? 'Value' : 'After'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([field, { before, after }]) => (
            <Table.Tr key={field}>
              <Table.Th scope="row">{historyFieldLabel(entry.action, field)}</Table.Th>
              {!created && <Table.Td>{value(field, before)}</Table.Td>}
              <Table.Td>{value(field, after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Entry({ entry }: { entry: HistoryEntry }) {
  const withWhom = sharedWith(entry);
  const subject = subjectOf(entry);
  return (
    <Stack component="li" gap={6} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm">
        <Text span fw={700}>
          {historyAction(entry.action)}
        </Text>
        {withWhom && ` ${withWhom}`}
        {subject && (
          <>
            {': '}
            <RecordSubject subject={subject} />
          </>
        )}
      </Text>
      <Text size="sm" c="dimmed">
        by {entry.actor.name ?? 'Concord'}, <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Text>
      {entry.reason && <Text size="sm">Reason: {entry.reason}</Text>}
      <Changes entry={entry} />
    </Stack>
  );
}

/** Every change to a record, newest first: who, when, and each field before and after. */
export function RecordHistory({ kind, id }: { kind: RecordPath; id: string }) {
  const query = { limit: 20 };
  const list = usePagedList(recordKeys.history(kind, id), `/${kind}/${id}/history`, query, historyPage);
  return (
    <Section title="History">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the history" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text size="sm">No changes recorded yet.</Text>
          ) : (
            <Stack component="ol" gap={0} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.items.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </Stack>
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="changes" />
        </>
      )}
    </Section>
  );
}
