import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { BankQuestion } from '../../shared/api/assessments.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { TemplateQuestionSummary } from './TemplateQuestionSummary.tsx';
import { useBankQuestions } from './template-api.ts';

interface Props {
  /** Bank questions the template already asks. */
  used: ReadonlySet<string>;
  onAdd: (question: BankQuestion) => void;
}

/** Approved bank questions, searched by wording or topic; templates may only use approved ones. */
export function TemplateBankPicker({ used, onAdd }: Props) {
  const [search, setSearch] = useState('');
  const [topic, setTopic] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [topicFilter] = useDebouncedValue(topic.trim(), 300);
  const list = useBankQuestions({ status: 'approved', q: q || undefined, topic: topicFilter || undefined });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput label="Search the bank" description="Words in the question" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <TextInput label="Topic" description="For example: family, risk" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} w={180} />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the question bank" />
      {list.data && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.items.map((question) => (
            <Paper key={question.id} withBorder p="sm" component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <TemplateQuestionSummary question={{ ...question, questionId: question.id, required: false, condition: null }} showText />
                <Button size="xs" disabled={used.has(question.id)} onClick={() => onAdd(question)} aria-label={`Add “${question.text}”`}>
                  {used.has(question.id) ? 'Added' : 'Add'}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {list.data && list.items.length === 0 && <Text>No approved questions match.</Text>}
      {list.data && <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="questions" />}
    </Stack>
  );
}
