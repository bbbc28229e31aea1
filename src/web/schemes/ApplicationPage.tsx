import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Checkbox, Fieldset, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { application, closeApplicationBody, issuedApplication, type Application, type SchemeContact } from '../../shared/api/schemes.ts';
import { applicationCheckLabels, applicationKindLabels, applicationStatusLabels, type ApplicationCheck } from '../../shared/schemes.ts';
import { call } from '../api/client.ts';
import { Details } from '../components/Details.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { applicationKeys, schemeBase, schemeKeys, useApplication } from './api.ts';

function Contacts({ people }: { people: SchemeContact[] }) {
  if (people.length === 0) return <>None</>;
  return (
    <List size="sm">
      {people.map((c) => <List.Item key={`${c.name}-${c.phone}`}>{c.name}{c.relationship ? ` (${c.relationship})` : ''}: {c.phone}</List.Item>)}
    </List>
  );
}

const closeLabels = { reason: 'Reason' };

function CloseForm({ a, to, onDone }: { a: Application; to: 'decline' | 'withdraw'; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(closeLabels);
  const close = useMutation({
    mutationFn: (body: unknown) => call('POST', `${schemeBase}/applications/${a.id}/${to}`, application, { body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(applicationKeys.one(a.id), updated);
      void queryClient.invalidateQueries({ queryKey: schemeKeys.all });
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(closeApplicationBody, { reason, version: a.version });
    if (body) close.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={close.error} fieldErrors={errors.fieldErrors} />
      <Textarea label={closeLabels.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fieldErrors.reason} autosize minRows={2} maxLength={1000} required />
      <FormButtons submitLabel={to === 'decline' ? 'Decline the application' : 'Withdraw the application'} pending={close.isPending} onCancel={onDone} danger />
    </Form>
  );
}

function Worked({ a }: { a: Application }) {
  const queryClient = useQueryClient();
  const [closing, setClosing] = useState<'decline' | 'withdraw' | null>(null);
  const saved = (updated: Application) => {
    queryClient.setQueryData(applicationKeys.one(a.id), updated);
    void queryClient.invalidateQueries({ queryKey: schemeKeys.all });
  };
  const tick = useMutation({
    mutationFn: ({ check, done }: { check: ApplicationCheck; done: boolean }) =>
      call('PATCH', `${schemeBase}/applications/${a.id}`, application, { body: { version: a.version, checks: { [check]: done } } }),
    onSuccess: saved,
  });
  const approve = useMutation({
    mutationFn: () => call('POST', `${schemeBase}/applications/${a.id}/approve`, application, { body: { version: a.version } }),
    onSuccess: saved,
  });
  const issue = useMutation({
    mutationFn: () => call('POST', `${schemeBase}/applications/${a.id}/issue`, issuedApplication, { body: { version: a.version } }),
    onSuccess: (issued) => saved(issued.application),
  });
  const open = a.status === 'checks' || a.status === 'approved';
  const d = a.details;
  return (
    <Stack gap="md">
      {a.underAge && !d.parentalConsent && (
        <Alert color="orange" title="Under 16">
          A parent or guardian must agree before this application can be approved. Record who agreed and when.
        </Alert>
      )}
      <FormAlert error={tick.error ?? approve.error ?? issue.error} />
      <Fieldset legend="Checks">
        <Text size="sm" c="dimmed" mb="xs">Every check is needed before a scheme administrator can approve.</Text>
        <Stack gap="xs">
          {a.checks.map((c) => (
            <Checkbox
              key={c.check}
              label={applicationCheckLabels[c.check]}
              description={c.by ? `By ${c.by.name}, ${formatDateTime(c.at)}` : undefined}
              checked={c.done}
              disabled={!a.permissions.canEdit || a.status !== 'checks' || tick.isPending}
              onChange={(e) => tick.mutate({ check: c.check, done: e.currentTarget.checked })}
            />
          ))}
        </Stack>
      </Fieldset>
      <Group>
        {a.permissions.canApprove && a.status === 'checks' && (
          <Button onClick={() => approve.mutate()} loading={approve.isPending}>Approve</Button>
        )}
        {a.permissions.canApprove && a.status === 'approved' && (
          <Button onClick={() => issue.mutate()} loading={issue.isPending}>Issue the card</Button>
        )}
        {a.status === 'issued' && a.cardholder && (
          <>
            <Button component="a" href={`/api/v1${schemeBase}/cardholders/${a.cardholder.id}/card.pdf`} download variant="default">
              Print card (PDF)
            </Button>
            <Anchor component={Link} to={`${schemeBase}/cardholders/${a.cardholder.id}`}>Open the cardholder</Anchor>
          </>
        )}
        {a.permissions.canEdit && open && (
          <>
            <Button variant="outline" color="red" onClick={() => setClosing('decline')}>Decline</Button>
            <Button variant="default" onClick={() => setClosing('withdraw')}>Withdraw</Button>
          </>
        )}
      </Group>
      <Details
        items={[
          { label: 'Status', value: <Badge variant="light">{applicationStatusLabels[a.status]}</Badge> },
          { label: 'Kind', value: applicationKindLabels[a.kind] },
          { label: 'Person', value: <Anchor component={Link} to={`/profiles/${a.profile.id}`}>{a.profile.firstName} {a.profile.lastName}</Anchor> },
          { label: 'Date of birth', value: formatDate(a.profile.dateOfBirth) },
          ...(a.cardholder?.cardNumber ? [{ label: 'Card number', value: a.cardholder.cardNumber }] : []),
          { label: 'Condition', value: <span style={{ whiteSpace: 'pre-wrap' }}>{d.condition || 'Not given'}</span> },
          { label: 'How to communicate', value: <span style={{ whiteSpace: 'pre-wrap' }}>{d.communication || 'Not given'}</span> },
          { label: 'Medication', value: d.medicationNotes ?? 'None given' },
          { label: 'Carers', value: <Contacts people={d.carers} /> },
          { label: 'Emergency contacts', value: <Contacts people={d.emergencyContacts} /> },
          { label: 'Police disability contact line', value: d.usesDisabilityContactLine ? 'Uses it' : 'Does not use it' },
          { label: 'Condition on the card', value: d.showConditionOnCard ? 'Shown' : 'Not shown' },
          { label: 'Parental consent', value: d.parentalConsent ? `${d.parentalConsent.by}, ${formatDate(d.parentalConsent.on)}` : a.underAge ? 'Needed' : 'Not needed' },
          { label: 'Received', value: `${formatDateTime(a.createdAt)}${a.referral ? `, online (${a.referral.reference})` : a.createdBy ? `, from ${a.createdBy.name}` : ''}` },
          ...(a.approvedBy ? [{ label: 'Approved', value: `${a.approvedBy.name}, ${formatDateTime(a.approvedAt)}` }] : []),
          ...(a.decisionReason ? [{ label: 'Reason', value: a.decisionReason }] : []),
        ]}
      />
      <Modal opened={closing !== null} onClose={() => setClosing(null)} title={closing === 'decline' ? 'Decline the application' : 'Withdraw the application'} size="lg">
        {closing && <CloseForm a={a} to={closing} onDone={() => setClosing(null)} />}
      </Modal>
    </Stack>
  );
}

/** One application: its details, the checks, approval by a scheme administrator, and the card. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  const a = query.data;
  return (
    <Page title={a ? `Application: ${a.profile.firstName} ${a.profile.lastName}` : 'Keep Safe Card application'}>
      <Anchor component={Link} to={`${schemeBase}/applications`} size="sm">
        Keep Safe Card applications
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the application" />
      {a && <Worked a={a} />}
      {a && a.status === 'issued' && <Text size="sm">The card is issued. Print it on card stock and give it to the holder.</Text>}
    </Page>
  );
}
