import { useState, type ReactNode } from 'react';
import { Link, NavLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { partnershipPage } from '../../../shared/api/structure.ts';
import { setup as setupSchema, setupStepLabels, setupSteps, type Setup, type SetupStep } from '../../../shared/api/setup.ts';
import { lawfulBases, lawfulBasisLabels } from '../../../shared/referrals.ts';
import { call, get } from '../../api/client.ts';
import { isApiError, messageOf } from '../../api/errors.ts';
import { Form } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { stepOfPath, stepPath } from './steps.ts';

const setupKey = (id: string) => ['partnership-setups', id] as const;

/** The steps in order, as links: the one on screen marked, the ones submitted ticked. */
function Steps({ setup, current }: { setup: Setup; current: SetupStep | 'checklist' }) {
  const id = setup.partnership.id;
  return (
    <nav aria-label="Setup steps">
      <Group gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {setupSteps.map((step, index) => {
          const done = setup.stepsDone.includes(step);
          const here = step === current;
          return (
            <li key={step}>
              {step === 'partnership' ? (
                <Badge variant="light" color="green" size="lg">{index + 1}. {setupStepLabels[step]} ✓</Badge>
              ) : (
                <Button component={NavLink} to={stepPath(id, step)} size="xs" variant={here ? 'filled' : done ? 'light' : 'default'} aria-current={here ? 'step' : undefined}>
                  {index + 1}. {setupStepLabels[step]}{done ? ' ✓' : ''}
                </Button>
              )}
            </li>
          );
        })}
        <li>
          <Button component={NavLink} to={`/admin/setup/${id}`} end size="xs" variant={current === 'checklist' ? 'filled' : 'default'} aria-current={current === 'checklist' ? 'step' : undefined}>
            Checklist
          </Button>
        </li>
      </Group>
    </nav>
  );
}

/** What is left, worked out by the server from the partnership's own records, each linking to where it is done. */
function Checklist({ setup }: { setup: Setup }) {
  const left = setup.checklist.filter((c) => !c.done).length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="setup-checklist">
      <Title order={2} size="h3" id="setup-checklist">
        Checklist
      </Title>
      <Text role="status" fw={600}>
        {left === 0 ? 'Everything is done: the partnership is ready.' : `${left} of ${setup.checklist.length} still to do.`}
      </Text>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Done</Table.Th>
            <Table.Th scope="col">Where it stands</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {setup.checklist.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row">
                <Anchor component={Link} to={c.href}>
                  {c.label}
                </Anchor>
              </Table.Th>
              <Table.Td>{c.done ? <Badge color="green">Done</Badge> : <Badge color="yellow">To do</Badge>}</Table.Td>
              <Table.Td>{c.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

interface StepFormProps {
  setup: Setup;
  step: SetupStep;
  children: (field: (name: string) => string | undefined) => ReactNode;
  body: () => unknown;
  intro: ReactNode;
}

/** A step's form: submits, then goes to the next step (or the checklist), or shows each bad line. */
function StepForm({ setup, step, children, body, intro }: StepFormProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = setup.partnership.id;
  const submit = useMutation({
    mutationFn: () => call('POST', `/partnership-setups/${id}/${step.replace('_', '-')}`, setupSchema, { body: body() }),
    onSuccess: (saved) => {
      queryClient.setQueryData(setupKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['partnership-setups'] });
      const next = setupSteps[setupSteps.indexOf(step) + 1];
      void navigate(next ? stepPath(id, next) : `/admin/setup/${id}`);
    },
  });
  const problems = isApiError(submit.error, 'validation_failed') ? submit.error.fieldProblems : [];
  const field = (name: string) => {
    const mine = problems.filter((p) => p.field === name);
    return mine.length > 0 ? (mine.length === 1 ? mine[0]!.problem : `${mine.length} lines have problems: see the list above the form.`) : undefined;
  };
  return (
    <Stack gap="md">
      {intro}
      {submit.error && (
        <Alert color="red" title="Nothing was saved" role="alert">
          {messageOf(submit.error)}
          {problems.length > 1 && (
            <List size="sm" mt="xs">
              {problems.map((p) => (
                <List.Item key={`${p.field}:${p.problem}`}>{p.problem}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Form onSubmit={() => submit.mutate()}>
        {children(field)}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            Save and continue
          </Button>
        </Group>
      </Form>
    </Stack>
  );
}

function LinesStep({ setup, step, label, description, placeholder, intro }: { setup: Setup; step: SetupStep; label: string; description: string; placeholder: string; intro: ReactNode }) {
  const [lines, setLines] = useState('');
  return (
    <StepForm setup={setup} step={step} body={() => ({ lines })} intro={intro}>
      {(field) => (
        <Textarea label={label} description={description} placeholder={placeholder} value={lines} onChange={(e) => setLines(e.currentTarget.value)} error={field('lines')} autosize minRows={6} maxRows={20} required />
      )}
    </StepForm>
  );
}

function Existing({ setup, what }: { setup: Setup; what: 'organisations' | 'teams' | 'admins' }) {
  const items = what === 'organisations'
    ? setup.organisations.map((o) => `${o.name} (${o.kind.replace('_', ' ')})`)
    : what === 'teams'
      ? setup.organisations.flatMap((o) => o.teams.map((t) => `${o.name} / ${t.name}`))
      : setup.organisations.flatMap((o) => [...o.admins, ...o.teams.flatMap((t) => t.admins)].map((a) => `${a.name}, ${a.email} (${a.accepted ? 'accepted' : 'invited'})`));
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>Already added ({items.length}); pasting them again changes nothing:</Text>
      <List size="sm">
        {items.slice(0, 30).map((i) => (
          <List.Item key={i}>{i}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function LookupsStep({ setup }: { setup: Setup }) {
  const partnerships = useQuery({ queryKey: ['partnerships', { setup: true }], queryFn: () => get('/partnerships?limit=100', partnershipPage) });
  const choices = (partnerships.data?.items ?? []).filter((p) => p.id !== setup.partnership.id);
  const [template, setTemplate] = useState(setup.template?.id ?? '');
  const chosen = template || choices[0]?.id || '';
  return (
    <StepForm setup={setup} step="lookups" body={() => ({ templatePartnershipId: chosen })} intro={
      <Text>
        Copy every list (case types and their reference codes, report types, vulnerabilities, warning markers, ethnicities, interventions …)
        from a partnership that already works the way this one will. Its values replace the standard ones; you can change them later under Lists.
      </Text>
    }>
      {(field) => (
        <NativeSelect label="Copy the lists of" data={choices.map((p) => ({ value: p.id, label: p.name }))} value={chosen} onChange={(e) => setTemplate(e.currentTarget.value)} error={field('templatePartnershipId')} maw={480} />
      )}
    </StepForm>
  );
}

function AgreementStep({ setup }: { setup: Setup }) {
  const [values, setValues] = useState({ title: `${setup.partnership.name} information sharing agreement`, purpose: '', lawfulBasis: 'public-task', startsOn: '', reviewOn: '', signatures: '' });
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [key]: e.currentTarget.value });
  return (
    <StepForm setup={setup} step="agreement" body={() => values} intro={
      <Text>
        Every organisation of the partnership is a party. Paste who has signed so far; the others sign later, and the checklist shows who is left.
      </Text>
    }>
      {(field) => (
        <>
          <TextInput label="Title" value={values.title} onChange={set('title')} error={field('title')} required maw={600} />
          <Textarea label="Purpose" description="Why the organisations share information." value={values.purpose} onChange={set('purpose')} error={field('purpose')} required autosize minRows={3} />
          <NativeSelect label="Lawful basis" data={lawfulBases.map((b) => ({ value: b, label: lawfulBasisLabels[b] }))} value={values.lawfulBasis} onChange={set('lawfulBasis')} error={field('lawfulBasis')} maw={480} />
          <Group>
            <TextInput type="date" label="Starts on" value={values.startsOn} onChange={set('startsOn')} error={field('startsOn')} required />
            <TextInput type="date" label="Review on" value={values.reviewOn} onChange={set('reviewOn')} error={field('reviewOn')} required />
          </Group>
          <Textarea
            label="Signatures"
            description="One organisation a line: Organisation, who signed, date signed (today if left out)."
            placeholder="Shire Police, Chief Constable, 2026-01-05"
            value={values.signatures}
            onChange={set('signatures')}
            error={field('signatures')}
            autosize
            minRows={4}
          />
        </>
      )}
    </StepForm>
  );
}

function StepBody({ setup, step }: { setup: Setup; step: SetupStep }) {
  switch (step) {
    case 'organisations':
      return (
        <LinesStep setup={setup} step={step} label="Organisations" description="One a line: the name, a comma, and its kind (police, council, housing, fire, probation, health, charity …)."
          placeholder={'Shire Police, police\nShire District Council, council'} intro={<Existing setup={setup} what="organisations" />} />
      );
    case 'teams':
      return (
        <LinesStep setup={setup} step={step} label="Teams" description='One a line: "Organisation / Team".'
          placeholder={'Shire Police / ASB team\nShire District Council / Community Safety team'} intro={<Existing setup={setup} what="teams" />} />
      );
    case 'admins':
      return (
        <LinesStep setup={setup} step={step} label="Administrators" placeholder="Priya Shah, priya.shah@shire.police.uk, Shire Police / ASB team"
          description='One a line: name, email, "Organisation / Team", and a role if not a team administrator (organisation administrator, system administrator). Each is emailed an invitation to choose a password within 72 hours. Invite at least one system administrator of the partnership: they keep its lists and agreements from then on.'
          intro={<Existing setup={setup} what="admins" />} />
      );
    case 'lookups':
      return <LookupsStep setup={setup} />;
    case 'case_types':
      return (
        <LinesStep setup={setup} step={step} label="Default sharing of case types" placeholder={'ASB, Shire Police, edit\nASB, Shire District Council / Community Safety team, view'}
          description='One a line: case type, organisation (or "Organisation / Team"), and view or edit. Every new case of the type is shared so; case types not named keep theirs.'
          intro={<Text>Case types: {setup.caseTypes.map((c) => (c.sharing.length > 0 ? `${c.name} (shared with ${c.sharing.map((s) => `${s.name}: ${s.level}`).join(', ')})` : c.name)).join('; ')}.</Text>} />
      );
    case 'agreement':
      return <AgreementStep setup={setup} />;
    default:
      return null;
  }
}

/** One partnership's setup: the steps, and either a step's form or the checklist. */
export function SetupPage() {
  const { id = '', step: segment } = useParams();
  const step = stepOfPath(segment);
  const query = useQuery({ queryKey: setupKey(id), queryFn: () => get(`/partnership-setups/${id}`, setupSchema) });
  const setup = query.data;
  const title = setup ? `${step ? setupStepLabels[step] : 'Checklist'}: ${setup.partnership.name}` : 'Set up a partnership';
  return (
    <Page title={title}>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the setup" />
      {setup && (
        <>
          <Steps setup={setup} current={step ?? 'checklist'} />
          {step ? <StepBody key={step} setup={setup} step={step} /> : <Checklist setup={setup} />}
          <Anchor component={Link} to="/admin/setup">
            All partnerships being set up
          </Anchor>
        </>
      )}
    </Page>
  );
}
