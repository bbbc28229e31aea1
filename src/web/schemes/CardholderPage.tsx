import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { cardholder, withdrawBody, type Cardholder, type SchemeContact } from '../../shared/api/schemes.ts';
import {
  cardStatusLabels, cardholderStatusLabels, removalReasonLabels, withdrawalReasons, type WithdrawalReason,
} from '../../shared/schemes.ts';
import { call } from '../api/client.ts';
import { Details } from '../components/Details.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { schemeBase, schemeKeys, useCardholder } from './api.ts';

function Contacts({ people }: { people: SchemeContact[] }) {
  if (people.length === 0) return <>None</>;
  return (
    <List size="sm">
      {people.map((c) => (
        <List.Item key={`${c.name}-${c.phone}`}>
          {c.name}
          {c.relationship ? ` (${c.relationship})` : ''}: {c.phone}
        </List.Item>
      ))}
    </List>
  );
}

const withdrawLabels = { reason: 'Why they are leaving the scheme', removalReason: 'Reason for leaving' };
const withdrawOptions = withdrawalReasons.map((r) => ({ value: r, label: removalReasonLabels[r] }));

function WithdrawForm({ holder, onDone }: { holder: Cardholder; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [removalReason, setRemovalReason] = useState<WithdrawalReason | null>(null);
  const errors = useFieldErrors(withdrawLabels);
  const withdraw = useMutation({
    mutationFn: (body: unknown) => call('POST', `${schemeBase}/cardholders/${holder.id}/withdraw`, cardholder, { body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(schemeKeys.cardholder(holder.id), updated);
      void queryClient.invalidateQueries({ queryKey: schemeKeys.all });
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(withdrawBody, { reason, removalReason, version: holder.version }, { removalReason: 'Choose why they are leaving' });
    if (body) withdraw.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <Text size="sm">Their card stops answering look-ups at once. The register keeps them, marked withdrawn.</Text>
      <FormAlert error={withdraw.error} fieldErrors={errors.fieldErrors} />
      <Select
        label={withdrawLabels.removalReason}
        data={withdrawOptions}
        value={removalReason}
        onChange={(v) => setRemovalReason(v as WithdrawalReason | null)}
        error={errors.fieldErrors.removalReason}
        required
      />
      <Textarea
        label={withdrawLabels.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fieldErrors.reason}
        autosize
        minRows={2}
        maxLength={1000}
        required
      />
      <FormButtons submitLabel="Take off the register" pending={withdraw.isPending} onCancel={onDone} danger />
    </Form>
  );
}

function Holder({ h }: { h: Cardholder }) {
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const onRegister = h.status === 'active' || h.status === 'review_due';
  const confirm = useMutation({
    mutationFn: () => call('POST', `${schemeBase}/cardholders/${h.id}/review`, cardholder, { body: { confirmed: true, version: h.version } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(schemeKeys.cardholder(h.id), updated);
      void queryClient.invalidateQueries({ queryKey: schemeKeys.all });
    },
  });
  return (
    <Stack gap="md">
      {h.status === 'review_due' && (
        <Alert color="orange" title="Review due">
          Check these details with {h.profile.firstName} or their family, then confirm them. Unconfirmed, they come off the register three months after {formatDate(h.reviewDueOn)}.
        </Alert>
      )}
      <FormAlert error={confirm.error} />
      {h.permissions.canEdit && onRegister && (
        <Group>
          {h.card?.status === 'active' && (
            <Button component="a" href={`/api/v1${schemeBase}/cardholders/${h.id}/card.pdf`} download variant="default">
              Print card (PDF)
            </Button>
          )}
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending} variant="default">
            Confirm details are right
          </Button>
          <Button onClick={() => setWithdrawing(true)} color="red" variant="outline">
            Withdraw from the scheme
          </Button>
        </Group>
      )}
      <Details
        items={[
          { label: 'Status', value: <Badge variant="light">{cardholderStatusLabels[h.status]}</Badge> },
          { label: 'Date of birth', value: formatDate(h.profile.dateOfBirth) },
          { label: 'Card', value: h.card ? `${h.card.printed} (${cardStatusLabels[h.card.status]}, valid until ${formatDate(h.card.expiresOn)})` : 'None' },
          { label: 'Condition', value: <span style={{ whiteSpace: 'pre-wrap' }}>{h.condition}</span> },
          { label: 'How to communicate', value: <span style={{ whiteSpace: 'pre-wrap' }}>{h.communication}</span> },
          { label: 'Medication', value: h.medicationNotes ?? 'None recorded' },
          { label: 'Carers', value: <Contacts people={h.carers} /> },
          { label: 'Emergency contacts', value: <Contacts people={h.emergencyContacts} /> },
          { label: 'Police disability contact line', value: h.usesDisabilityContactLine ? 'Uses it' : 'Does not use it' },
          { label: 'Condition on the card', value: h.showConditionOnCard ? 'Shown' : 'Not shown' },
          { label: 'Parental consent', value: h.parentalConsent ? `${h.parentalConsent.by}, ${formatDate(h.parentalConsent.on)}` : 'Not needed' },
          { label: 'Keyworker', value: h.keyworker?.name ?? 'None' },
          { label: 'Joined', value: formatDate(h.joinedOn) },
          { label: 'Review by', value: formatDate(h.reviewDueOn) },
          { label: 'Last confirmed', value: formatDate(h.reviewConfirmedOn) },
          ...(h.leftOn ? [{ label: 'Left', value: `${formatDate(h.leftOn)}${h.removalReason ? `: ${removalReasonLabels[h.removalReason]}` : ''}` }] : []),
          { label: 'Look-ups', value: h.lookups.count === 0 ? 'Never looked up' : `${h.lookups.count}, the last ${formatDateTime(h.lookups.last)}` },
        ]}
      />
      <Modal opened={withdrawing} onClose={() => setWithdrawing(false)} title={`Withdraw ${h.profile.firstName} ${h.profile.lastName} from the scheme`} size="lg">
        <WithdrawForm holder={h} onDone={() => setWithdrawing(false)} />
      </Modal>
    </Stack>
  );
}

/** One cardholder: what the scheme holds, their card to print, the review and leaving the scheme. */
export function CardholderPage() {
  const { id = '' } = useParams();
  const query = useCardholder(id);
  const h = query.data;
  return (
    <Page title={h ? `${h.profile.firstName} ${h.profile.lastName}` : 'Keep Safe cardholder'}>
      <Anchor component={Link} to="/schemes/keep-safe" size="sm">
        Keep Safe Card register
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the cardholder" />
      {h && <Holder h={h} />}
    </Page>
  );
}
