import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { legalHold, legalHoldPage, liftHoldBody, type LegalHold } from '../../../shared/api/retention.ts';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/lists.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { retentionKeys } from './api.ts';

export function LiftHold({ hold, onDone }: { hold: Pick<LegalHold, 'id' | 'reason'>; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const errors = useFieldErrors({ reason: 'Why it can be lifted' });
  const lift = useMutation({
    mutationFn: (body: { reason: string }) => call('POST', `/legal-holds/${hold.id}/lift`, legalHold, { body }),
    onSuccess: (lifted) => {
      void queryClient.invalidateQueries({ queryKey: ['retention'] });
      void queryClient.invalidateQueries({ queryKey: [lifted.record.type === 'case' ? 'cases' : 'profiles'] });
      notifySaved('Legal hold lifted.');
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(liftHoldBody, { reason });
    if (body) lift.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={lift.error} fieldErrors={errors.fieldErrors} />
      <Text size="sm"><strong>Placed because:</strong> {hold.reason}</Text>
      <Textarea label="Why it can be lifted" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fieldErrors.reason} required autosize minRows={2} maxLength={1000} />
      <FormButtons submitLabel="Lift the hold" pending={lift.isPending} onCancel={onDone} />
    </Form>
  );
}

/** The legal holds on records the reader decides on: while one stands, nothing anonymises or deletes the record. */
export function LegalHoldsPage() {
  const query = { active: 'true', limit: 50 };
  const list = usePagedList(retentionKeys.holds(query), '/legal-holds', query, legalHoldPage);
  const [lifting, setLifting] = useState<LegalHold | null>(null);
  return (
    <Page title="Legal holds">
      <Text>Place a hold from the person&apos;s Data protection tab. A held record stays out of the retention queue and cannot be anonymised or deleted.</Text>
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading legal holds" />
      {list.data && (list.items.length === 0 ? <Text>No legal holds stand.</Text> : (
        <Stack gap="sm">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Placed</Table.Th>
                <Table.Th>Lift</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((hold) => (
                <Table.Tr key={hold.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/${hold.record.type === 'case' ? 'cases' : 'profiles'}/${hold.record.id}`}>
                      {hold.record.reference ? `${hold.record.reference}: ${hold.record.title}` : hold.record.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{hold.reason}</Table.Td>
                  <Table.Td>{formatDate(hold.placedAt)} by {hold.placedBy?.name ?? 'someone'}</Table.Td>
                  <Table.Td><Button size="xs" variant="default" onClick={() => setLifting(hold)}>Lift</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={list.loadMore} noun="holds" />
        </Stack>
      ))}
      <Modal opened={lifting !== null} onClose={() => setLifting(null)} title="Lift the legal hold" size="lg">
        {lifting && <LiftHold hold={lifting} onDone={() => setLifting(null)} />}
      </Modal>
    </Page>
  );
}
