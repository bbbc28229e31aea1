import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Group, List, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { retentionReviewPage, type RetentionReview } from '../../../shared/api/retention.ts';
import { retentionDecisionLabels, retentionReviewStatusLabels, type RetentionDecision } from '../../../shared/retention.ts';
import { usePagedList } from '../../api/lists.ts';
import { formatDate } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { can, useMe } from '../../app/session.ts';
import { retentionKeys } from './api.ts';
import { DecisionForm } from './DecisionForm.tsx';

const pathOf = (review: RetentionReview) => (review.record.kind === 'case' ? `/cases/${review.record.id}` : review.record.kind === 'profile' ? `/profiles/${review.record.id}` : null);
const whyLabels = { open_case: 'on another open case', legal_hold: 'under a legal hold', subject_access_open: 'a subject access request about them is being answered', already_anonymised: 'already anonymised' } as const;

function RecordCell({ review }: { review: RetentionReview }) {
  const path = review.status === 'deleted' ? null : pathOf(review);
  const name = review.record.reference ? `${review.record.reference}: ${review.record.title}` : review.record.title;
  return path ? <Anchor component={Link} to={path}>{name}</Anchor> : <Text span>{name}</Text>;
}

function ReviewTable({ decided }: { decided: boolean }) {
  const query = { status: decided ? 'decided' : 'pending', limit: 50 };
  const list = usePagedList(retentionKeys.reviews(query), '/retention-reviews', query, retentionReviewPage);
  const [deciding, setDeciding] = useState<{ review: RetentionReview; decision: RetentionDecision } | null>(null);
  const [outcome, setOutcome] = useState<RetentionReview | null>(null);
  return (
    <Stack gap="md">
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading the retention queue" />
      {outcome?.people && outcome.people.some((p) => !p.anonymised) && (
        <Stack gap={4} role="status">
          <Text fw={600}>Some of the case&apos;s people were left as they were:</Text>
          <List size="sm">
            {outcome.people.filter((p) => !p.anonymised).map((p) => (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/profiles/${p.id}`}>A person</Anchor> {p.why ? whyLabels[p.why] : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {list.data && (list.items.length === 0 ? (
        <Text>{decided ? 'No decisions yet.' : 'No records are waiting for a decision.'}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Held by</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>{decided ? 'Decision' : 'Decide'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td><RecordCell review={review} /></Table.Td>
                  <Table.Td>{review.owner.team.name}, {review.owner.organisation.name}</Table.Td>
                  <Table.Td>{review.rule.description}</Table.Td>
                  <Table.Td>{formatDate(review.dueOn)}</Table.Td>
                  <Table.Td>
                    {decided ? (
                      <Text size="sm">
                        {retentionReviewStatusLabels[review.status]}
                        {review.keepUntil ? ` until ${formatDate(review.keepUntil)}` : ''} by {review.decidedBy?.name ?? 'someone'}: {review.reason}
                      </Text>
                    ) : review.held ? (
                      <Badge color="orange" variant="light">Legal hold</Badge>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        {(['keep', 'anonymise', 'delete'] as const).map((decision) => (
                          <Button key={decision} size="xs" variant={decision === 'keep' ? 'default' : 'light'} color={decision === 'delete' ? 'red' : undefined}
                            onClick={() => setDeciding({ review, decision })} aria-label={`${retentionDecisionLabels[decision]} ${review.record.reference ?? review.record.title}`}>
                            {retentionDecisionLabels[decision]}
                          </Button>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
      {list.data && <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="records" />}
      <Modal opened={deciding !== null} onClose={() => setDeciding(null)} size="lg"
        title={deciding ? `${retentionDecisionLabels[deciding.decision]} ${deciding.review.record.reference ?? deciding.review.record.title}` : ''}>
        {deciding && <DecisionForm review={deciding.review} decision={deciding.decision} onDone={(decided) => { setOutcome(decided); setDeciding(null); }} />}
      </Modal>
    </Stack>
  );
}

/** Records past their retention period: keep each (with a reason and a new date), anonymise it or delete it. */
export function RetentionQueuePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const decided = params.get('status') === 'decided';
  return (
    <Page title="Retention" actions={
      <Group gap="sm">
        <Button component={Link} to="/data-protection/retention/rules" variant="default">Rules</Button>
        <Button component={Link} to="/data-protection/retention/holds" variant="default">Legal holds</Button>
      </Group>
    }>
      <Text>Records your {can(me, 'partnerships.manage') ? 'partnership' : 'organisation'} holds that have passed their retention period. A record under a legal hold waits until the hold is lifted.</Text>
      <Tabs value={decided ? 'decided' : 'pending'} onChange={(v) => setParams(v === 'decided' ? { status: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="pending">Waiting for a decision</Tabs.Tab>
          <Tabs.Tab value="decided">Decided</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending" pt="md"><ReviewTable decided={false} /></Tabs.Panel>
        <Tabs.Panel value="decided" pt="md"><ReviewTable decided /></Tabs.Panel>
      </Tabs>
    </Page>
  );
}
