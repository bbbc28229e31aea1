import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, List, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { lookupBody, lookupResult, type LookupResult, type SchemeContact } from '../../shared/api/schemes.ts';
import { cardStatusLabels } from '../../shared/schemes.ts';
import { call } from '../api/client.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDate } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { schemeBase } from './api.ts';

type Method = 'card' | 'name';

const labels = {
  cardNumber: 'Card number',
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  reason: 'Why you are looking this person up',
};

function CallList({ title, people }: { title: string; people: SchemeContact[] }) {
  if (people.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">{title}</Title>
      <List size="lg" listStyleType="none" spacing="xs">
        {people.map((c) => (
          <List.Item key={`${c.name}-${c.phone}`}>
            {c.name}
            {c.relationship ? ` (${c.relationship})` : ''}:{' '}
            <Anchor href={`tel:${c.phone.replace(/\s/g, '')}`} fw={700} c="white" underline="always">
              {c.phone}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The answer as a responder reads it at a glance: high contrast, large type, whom to call. */
function Answer({ a, onAgain }: { a: LookupResult; onAgain: () => void }) {
  return (
    <Paper component="section" withBorder p="lg" bg="dark.8" c="white" aria-labelledby="lookup-answer" maw={720}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} id="lookup-answer" c="white">
            {a.firstName}
          </Title>
          <Badge size="lg" color={a.cardStatus === 'active' ? 'green' : 'orange'}>
            Card {a.cardNumber}: {cardStatusLabels[a.cardStatus]}, valid until {formatDate(a.cardExpiresOn)}
          </Badge>
        </Group>
        <Stack gap={4}>
          <Title order={3} size="h4" c="white">How to communicate</Title>
          <Text size="lg" style={{ whiteSpace: 'pre-wrap' }}>{a.communication}</Text>
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h4" c="white">Condition</Title>
          <Text size="lg" style={{ whiteSpace: 'pre-wrap' }}>{a.condition}</Text>
        </Stack>
        {a.medicationNotes && (
          <Stack gap={4}>
            <Title order={3} size="h4" c="white">Medication</Title>
            <Text size="lg">{a.medicationNotes}</Text>
          </Stack>
        )}
        {a.usesDisabilityContactLine && <Text size="lg">Registered with the police disability contact line.</Text>}
        <CallList title="Call" people={a.carers} />
        <CallList title="Emergency contacts" people={a.emergencyContacts} />
        <Group>
          <Button onClick={onAgain} variant="white" color="dark">
            Look up another
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const blank = { cardNumber: '', firstName: '', lastName: '', dateOfBirth: '', reason: '' };

/**
 * The emergency look-up for control rooms and responders: by card number, or by name and date of
 * birth, always with a reason. Sent in the body, so nothing personal lands in the address bar or
 * the browser's history; the look-up is recorded and the scheme's administrators see it.
 */
export function LookupPage() {
  const [method, setMethod] = useState<Method>('card');
  const [values, setValues] = useState(blank);
  const errors = useFieldErrors(labels);
  const lookUp = useMutation({
    mutationFn: (body: unknown) => call('POST', `${schemeBase}/lookup`, lookupResult, { body }),
    onError: (error) => errors.fromServer(error),
  });
  const set = (field: keyof typeof blank) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [field]: e.currentTarget.value });
  const submit = () => {
    const input = method === 'card'
      ? { cardNumber: values.cardNumber, reason: values.reason }
      : { firstName: values.firstName, lastName: values.lastName, dateOfBirth: values.dateOfBirth || undefined, reason: values.reason };
    const body = errors.check(lookupBody, input);
    if (body) lookUp.mutate(body);
  };
  const again = () => {
    lookUp.reset();
    setValues(blank);
  };

  return (
    <Page title="Keep Safe Card look-up">
      {lookUp.data ? (
        <Answer a={lookUp.data} onAgain={again} />
      ) : (
        <Paper withBorder p="lg" maw={640}>
          <Form onSubmit={submit}>
            <Text size="sm">
              Look up a Keep Safe cardholder to see how to help them and whom to call. Every look-up is recorded with your reason, and the person&apos;s keyworker is told.
            </Text>
            <SegmentedControl
              value={method}
              onChange={(v) => setMethod(v as Method)}
              data={[{ value: 'card', label: 'Card number' }, { value: 'name', label: 'Name and date of birth' }]}
              aria-label="Look up by"
            />
            <FormAlert error={lookUp.error} fieldErrors={errors.fieldErrors} />
            {method === 'card' ? (
              <TextInput
                label={labels.cardNumber}
                description="As printed on the card, for example KS 4F7K 9QX2"
                size="lg"
                value={values.cardNumber}
                onChange={set('cardNumber')}
                error={errors.fieldErrors.cardNumber}
                autoComplete="off"
                required
                data-autofocus
              />
            ) : (
              <>
                <TextInput label={labels.firstName} value={values.firstName} onChange={set('firstName')} error={errors.fieldErrors.firstName} autoComplete="off" required />
                <TextInput label={labels.lastName} value={values.lastName} onChange={set('lastName')} error={errors.fieldErrors.lastName} autoComplete="off" required />
                <TextInput label={labels.dateOfBirth} type="date" value={values.dateOfBirth} onChange={set('dateOfBirth')} error={errors.fieldErrors.dateOfBirth} required w={200} />
              </>
            )}
            <Textarea label={labels.reason} value={values.reason} onChange={set('reason')} error={errors.fieldErrors.reason} autosize minRows={2} maxLength={500} required />
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={lookUp.isPending}>
                Look up
              </Button>
            </Group>
          </Form>
        </Paper>
      )}
    </Page>
  );
}
