import { Stack, Text } from '@mantine/core';
import type { BankQuestion } from '../../shared/api/assessments.ts';
import { useMe } from '../app/session.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { BankQuestionCard } from './BankQuestionCard.tsx';
import { useBankQuestions, type BankFilters } from './template-api.ts';

interface Props {
  filters: BankFilters;
  curator: boolean;
  onEdit: (question: BankQuestion) => void;
  empty: string;
  /** When the submitted ones are listed above, they are left out here. */
  hideSubmitted?: boolean;
}

export function BankQuestionList({ filters, curator, onEdit, empty, hideSubmitted = false }: Props) {
  const me = useMe();
  const list = useBankQuestions(filters);
  const items = hideSubmitted ? list.items.filter((q) => q.status !== 'submitted') : list.items;
  return (
    <Stack gap="sm">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading questions" />
      {list.data && (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((q) => (
              <BankQuestionCard
                key={q.id}
                question={q}
                curator={curator}
                canEdit={curator || (q.status === 'submitted' && q.submittedBy?.id === me.id)}
                onEdit={() => onEdit(q)}
              />
            ))}
          </Stack>
          {items.length === 0 && <Text>{empty}</Text>}
          <LoadMore shown={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="questions" />
        </>
      )}
    </Stack>
  );
}
