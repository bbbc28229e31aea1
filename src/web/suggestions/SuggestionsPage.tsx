import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import {
  suggestion as suggestionSchema, suggestionAnswerBody, suggestionCreate, suggestionPage, suggestionStatuses, suggestionStatusLabels,
  type Suggestion, type SuggestionStatus,
} from '../../shared/api/help.ts';
import { call } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { usePagedList } from '../api/lists.ts';
import { can, useMe } from '../app/session.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { LoadMore } from '../components/LoadMore.tsx';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';

const suggestionKeys = { all: ['suggestions'] as const };
const statusColours: Record<SuggestionStatus, string> = { under_review: 'gray', planned: 'blue', done: 'green', declined: 'red' };
const statusOptions = suggestionStatuses.map((s) => ({ value: s, label: suggestionStatusLabels[s] }));

/** Every change comes back as the suggestion as it now is: the lists are fetched again around it. */
function useRefreshed() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: suggestionKeys.all });
}

function NewSuggestion({ onDone }: { onDone: () => void }) {
  const refresh = useRefreshed();
  const [values, setValues] = useState({ title: '', body: '' });
  const errors = useFieldErrors({ title: 'Title', body: 'Your suggestion' });
  const idempotency = useIdempotencyKey();
  const post = useMutation({
    mutationFn: (body: unknown) => call('POST', '/suggestions', suggestionSchema, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: async () => {
      idempotency.reset();
      await refresh();
      notifySaved('Thank you: your suggestion is in the box.');
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(suggestionCreate, values);
    if (body) post.mutate(body);
  };
  return (
    <Paper withBorder p="md">
      <Form onSubmit={submit}>
        <Title order={2} size="h4">
          Make a suggestion
        </Title>
        <FormAlert error={post.error} fieldErrors={errors.fieldErrors} />
        <TextInput label="Title" description="In a few words: “Print a case summary from the case list”" value={values.title} onChange={(e) => setValues({ ...values, title: e.currentTarget.value })} error={errors.fieldErrors.title} required data-autofocus />
        <Textarea label="Your suggestion" description="What would help, and why. Everyone in the partnership can read it: do not name anyone on a record." value={values.body} onChange={(e) => setValues({ ...values, body: e.currentTarget.value })} error={errors.fieldErrors.body} autosize minRows={4} required />
        <FormButtons submitLabel="Send suggestion" pending={post.isPending} onCancel={onDone} />
      </Form>
    </Paper>
  );
}

/** The answer and status controls of the partnership's system administrators. */
function AnswerControls({ item }: { item: Suggestion }) {
  const refresh = useRefreshed();
  const [answer, setAnswer] = useState(item.answer?.body ?? '');
  const [status, setStatus] = useState<SuggestionStatus>(item.status);
  const errors = useFieldErrors({ body: 'Answer' });
  const saveAnswer = useMutation({
    mutationFn: (body: unknown) => call('POST', `/suggestions/${item.id}/answer`, suggestionSchema, { body }),
    onSuccess: async () => {
      await refresh();
      notifySaved('Answer saved: everyone in the partnership can read it.');
    },
    onError: (error) => errors.fromServer(error),
  });
  const move = useMutation({
    mutationFn: () => call('PATCH', `/suggestions/${item.id}`, suggestionSchema, { body: { status, version: item.version } }),
    onSuccess: async (saved) => {
      await refresh();
      notifySaved(`Marked ${suggestionStatusLabels[saved.status].toLowerCase()}.`);
    },
    onError: async (error) => {
      // Someone else changed it first: show it as it is now; they choose again.
      if (isApiError(error, 'conflict')) await refresh();
    },
  });
  const submitAnswer = () => {
    const body = errors.check(suggestionAnswerBody, { body: answer });
    if (body) saveAnswer.mutate(body);
  };
  return (
    <Stack gap="sm" mt="xs">
      <Form onSubmit={submitAnswer}>
        <FormAlert error={saveAnswer.error} fieldErrors={errors.fieldErrors} />
        <Textarea label={item.answer ? 'Change the answer' : 'Answer'} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={errors.fieldErrors.body} autosize minRows={2} />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={saveAnswer.isPending}>
            Save answer
          </Button>
        </Group>
      </Form>
      <Form onSubmit={() => move.mutate()}>
        <FormAlert error={move.error} fieldErrors={{}} />
        <Group align="flex-end" gap="sm">
          <Select label="Status" data={statusOptions} value={status} onChange={(v) => v && setStatus(v as SuggestionStatus)} allowDeselect={false} />
          <Button type="submit" variant="default" loading={move.isPending} disabled={status === item.status}>
            Change status
          </Button>
        </Group>
      </Form>
    </Stack>
  );
}

function SuggestionItem({ item, answers }: { item: Suggestion; answers: boolean }) {
  const refresh = useRefreshed();
  const headingId = useId();
  const toggle = useMutation({
    mutationFn: () => call(item.supported ? 'DELETE' : 'PUT', `/suggestions/${item.id}/support`, suggestionSchema, { body: {} }),
    onSuccess: () => refresh(),
  });
  const others = item.supportCount;
  return (
    <Paper component="li" withBorder p="md" id={`suggestion-${item.id}`} aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {item.title}
          </Title>
          <Badge color={statusColours[item.status]} variant="light" style={{ flexShrink: 0 }}>
            {suggestionStatusLabels[item.status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Suggested by {item.author.name} on {formatDate(item.createdAt)}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Text>
        <Group gap="sm">
          <Button
            variant={item.supported ? 'filled' : 'default'}
            size="xs"
            aria-pressed={item.supported}
            onClick={() => toggle.mutate()}
            loading={toggle.isPending}
          >
            Support
          </Button>
          <Text size="sm">{others === 1 ? '1 person supports this' : `${others} people support this`}</Text>
        </Group>
        <FormAlert error={toggle.error} fieldErrors={{}} />
        {item.answer && (
          <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="sm">
            <Text size="sm" fw={600}>
              Answer from {item.answer.by.name}, {formatDateTime(item.answer.at)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.answer.body}
            </Text>
          </Paper>
        )}
        {answers && <AnswerControls key={`${item.version}`} item={item} />}
      </Stack>
    </Paper>
  );
}

/** The suggestion box: everyone in the partnership reads, posts and supports; its system administrators answer. */
export function SuggestionsPage() {
  const me = useMe();
  const [writing, setWriting] = useState(false);
  const [sort, setSort] = useState<'newest' | 'support'>('newest');
  const [status, setStatus] = useState<SuggestionStatus | ''>('');
  const query = { sort, status: status || undefined };
  const list = usePagedList([...suggestionKeys.all, query], '/suggestions', query, suggestionPage);
  const answers = can(me, 'suggestions.answer');
  const make = !writing && (
    <Button onClick={() => setWriting(true)}>
      Make a suggestion
    </Button>
  );
  return (
    <Page title="Suggestions" actions={make}>
      <Text>Ideas to make Concord better, from everyone in the partnership, with the administrators’ answers. Support the ones you would use.</Text>
      {writing && <NewSuggestion onDone={() => setWriting(false)} />}
      <Group gap="md" align="flex-end">
        <Select
          label="Sort by"
          data={[{ value: 'newest', label: 'Newest first' }, { value: 'support', label: 'Most supported first' }]}
          value={sort}
          onChange={(v) => v && setSort(v as 'newest' | 'support')}
          allowDeselect={false}
        />
        <Select label="Status" data={[{ value: '', label: 'Any status' }, ...statusOptions]} value={status} onChange={(v) => setStatus((v ?? '') as SuggestionStatus | '')} allowDeselect={false} />
      </Group>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading suggestions" />
      {!list.isPending && list.items.length === 0 && <Text>No suggestions yet{status ? ' with this status' : ''}.</Text>}
      {list.items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.items.map((item) => (
            <SuggestionItem key={item.id} item={item} answers={answers} />
          ))}
        </Stack>
      )}
      <LoadMore shown={list.items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="suggestions" />
    </Page>
  );
}
