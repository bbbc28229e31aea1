import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Modal, Paper, Radio, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { emergencyAccessPage, emergencyReviewBody, type EmergencyAccessItem } from '../../../shared/api/privacy.ts';
import { emergencyReviewOutcomeLabels, emergencyReviewOutcomes, type EmergencyAccessStatus, type EmergencyReviewOutcome } from '../../../shared/emergency-access.ts';
import { callNoReply } from '../../api/client.ts';
import { usePagedList } from '../../api/lists.ts';
import { Permitted } from '../../app/Permitted.tsx';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { privacyKeys } from '../keys.ts';

function AccessCard({ item, onReview }: { item: EmergencyAccessItem; onReview: (item: EmergencyAccessItem) => void }) {
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/profiles/${item.profile.id}`}>
              {item.profile.title}
            </Anchor>
          </Title>
          {item.review ? (
            <Badge color={item.review.outcome === 'justified' ? 'green' : 'red'}>{emergencyReviewOutcomeLabels[item.review.outcome]}</Badge>
          ) : (
            <Badge color="orange" variant="light">
              Waiting for review
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {item.user.name} ({item.team.name}, {item.organisation.name}) opened it on {formatDateTime(item.grantedAt)} until {formatDateTime(item.expiresAt)}
          , held by {item.owner.team.name}. They did {item.eventsDuring} {item.eventsDuring === 1 ? 'thing' : 'things'} on the record meanwhile.
        </Text>
        <Text size="sm">
          <strong>Their reason:</strong> {item.reason}
        </Text>
        {item.review ? (
          <Text size="sm" c="dimmed">
            Reviewed by {item.review.by.name} on {formatDateTime(item.review.at)}
            {item.review.note ? `: ${item.review.note}` : ''}
          </Text>
        ) : (
          <Group>
            <Button size="xs" onClick={() => onReview(item)}>
              Review
            </Button>
            <Anchor component={Link} to={`/profiles/${item.profile.id}?section=data-protection`} size="sm">
              See what they looked at
            </Anchor>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ReviewForm({ item, onDone }: { item: EmergencyAccessItem; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<EmergencyReviewOutcome | ''>('');
  const [note, setNote] = useState('');
  const errors = useFieldErrors({ outcome: 'Was it justified?', note: 'Note' });
  const review = useMutation({
    mutationFn: (body: { outcome: EmergencyReviewOutcome; note?: string | null }) => callNoReply('POST', `/emergency-access/${item.id}/review`, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['emergency-access'] });
      notifySaved(`Emergency access by ${item.user.name} reviewed.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(emergencyReviewBody, { outcome: outcome || undefined, note: note.trim() || null });
    if (body) review.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={review.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm">
        <strong>Their reason:</strong> {item.reason}
      </Text>
      <Radio.Group label="Was it justified?" value={outcome} onChange={(v) => setOutcome(v as EmergencyReviewOutcome)} error={errors.fieldErrors.outcome} required>
        <Stack gap="xs" mt="xs">
          {emergencyReviewOutcomes.map((o) => (
            <Radio key={o} value={o} label={emergencyReviewOutcomeLabels[o]} />
          ))}
        </Stack>
      </Radio.Group>
      {outcome === 'not_justified' && <Text size="sm">{item.user.name}&apos;s own team and organisation administrators will be told.</Text>}
      <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fieldErrors.note} autosize minRows={2} maxLength={2000} />
      <FormButtons submitLabel="Save review" pending={review.isPending} onCancel={onDone} />
    </Form>
  );
}

function AccessList({ status }: { status: EmergencyAccessStatus }) {
  const query = { status, limit: 50 };
  const list = usePagedList(privacyKeys.queue(query), '/emergency-access', query, emergencyAccessPage);
  const [reviewing, setReviewing] = useState<EmergencyAccessItem | null>(null);
  return (
    <Stack gap="md">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading emergency accesses" />
      {list.data && (
        <>
          {list.items.length === 0 ? (
            <Text>{status === 'pending' ? 'No emergency access is waiting for review.' : 'No emergency access has been reviewed yet.'}</Text>
          ) : (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.items.map((item) => (
                <AccessCard key={item.id} item={item} onReview={setReviewing} />
              ))}
            </Stack>
          )}
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="accesses" />
        </>
      )}
      <Modal opened={reviewing !== null} onClose={() => setReviewing(null)} title={reviewing ? `Review emergency access by ${reviewing.user.name}` : ''} size="lg">
        {reviewing && <ReviewForm item={reviewing} onDone={() => setReviewing(null)} />}
      </Modal>
    </Stack>
  );
}

/** The review queue: each time someone broke the glass on a record the reader administers, waiting ones first. */
export function EmergencyReviewPage() {
  const [params, setParams] = useSearchParams();
  const status: EmergencyAccessStatus = params.get('status') === 'reviewed' ? 'reviewed' : 'pending';
  return (
    <Permitted permission="emergency_access.review">
      <Page title="Emergency access">
        <Text>People who opened a profile held by your team without access, with their reason. Review each one.</Text>
        <Tabs value={status} onChange={(v) => setParams(v === 'reviewed' ? { status: v } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="pending">Waiting for review</Tabs.Tab>
            <Tabs.Tab value="reviewed">Reviewed</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="pending" pt="md">
            <AccessList status="pending" />
          </Tabs.Panel>
          <Tabs.Panel value="reviewed" pt="md">
            <AccessList status="reviewed" />
          </Tabs.Panel>
        </Tabs>
      </Page>
    </Permitted>
  );
}
