import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { retentionRule, retentionRuleBody, retentionSwept, type RetentionRule } from '../../../shared/api/retention.ts';
import { retentionRecordKindLabels, retentionRecordKinds, retentionStartOf, type RetentionRecordKind } from '../../../shared/retention.ts';
import { call } from '../../api/client.ts';
import { can, useMe } from '../../app/session.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { retentionKeys, useRetentionRules } from './api.ts';

function NewRule({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [recordKind, setRecordKind] = useState<RetentionRecordKind>('case');
  const [caseType, setCaseType] = useState('');
  const [years, setYears] = useState<number | string>(6);
  const errors = useFieldErrors({ recordKind: 'Records', caseType: 'Case type', keepMonths: 'Keep for (years)' });
  const create = useMutation({
    mutationFn: (body: unknown) => call('POST', '/retention-rules', retentionRule, { body }),
    onSuccess: (rule) => {
      void queryClient.invalidateQueries({ queryKey: retentionKeys.rules });
      notifySaved(`Rule set: ${rule.description}.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const body = errors.check(retentionRuleBody, {
      recordKind, caseType: recordKind === 'case' && caseType.trim() ? caseType.trim() : null, startsFrom: retentionStartOf[recordKind], keepMonths: Math.round(Number(years) * 12), active: true,
    });
    if (body) create.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <Select label="Records" data={retentionRecordKinds.map((k) => ({ value: k, label: retentionRecordKindLabels[k] }))} value={recordKind} onChange={(v) => v && setRecordKind(v as RetentionRecordKind)} allowDeselect={false} />
      {recordKind === 'case' && <TextInput label="Case type" description="Leave empty for every case type without a rule of its own." value={caseType} onChange={(e) => setCaseType(e.currentTarget.value)} error={errors.fieldErrors.caseType} />}
      <NumberInput label="Keep for (years)" min={1} max={100} value={years} onChange={setYears} error={errors.fieldErrors.keepMonths} required />
      <FormButtons submitLabel="Set rule" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}

function RuleRow({ rule, editable }: { rule: RetentionRule; editable: boolean }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => call('PATCH', `/retention-rules/${rule.id}`, retentionRule, { body: { active: !rule.active, version: rule.version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: retentionKeys.rules }),
  });
  return (
    <Table.Tr>
      <Table.Td>{rule.description}</Table.Td>
      <Table.Td>{rule.active ? <Badge variant="light">Active</Badge> : <Badge color="gray" variant="light">Ended</Badge>}</Table.Td>
      {editable && (
        <Table.Td>
          <Button size="xs" variant="default" loading={toggle.isPending} onClick={() => toggle.mutate()}>{rule.active ? 'End' : 'Restart'}</Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** How long the partnership keeps each kind of record; its system administrators set the rules. */
export function RetentionRulesPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const rules = useRetentionRules();
  const editable = can(me, 'retention.manage');
  const [adding, setAdding] = useState(false);
  const sweep = useMutation({
    mutationFn: () => call('POST', '/retention-rules/sweep', retentionSwept, { body: {} }),
    onSuccess: ({ added }) => {
      void queryClient.invalidateQueries({ queryKey: retentionKeys.all });
      const total = Object.values(added).reduce((sum, n) => sum + n, 0);
      notifySaved(total === 0 ? 'No more records are past their time.' : `${total} ${total === 1 ? 'record was' : 'records were'} put in the retention queue.`);
    },
  });
  return (
    <Page title="Retention rules">
      <Text>A record whose time has passed goes to the retention queue for a decision. A case type&apos;s own rule is taken over the rule for every case.</Text>
      <QueryStatus isPending={rules.isPending} error={rules.error} onRetry={() => void rules.refetch()} label="Loading the rules" />
      {rules.data && (rules.data.items.length === 0 ? <Text>No rules yet: no record is ever put in the queue.</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>State</Table.Th>
              {editable && <Table.Th>Change</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.items.map((rule) => <RuleRow key={rule.id} rule={rule} editable={editable} />)}
          </Table.Tbody>
        </Table>
      ))}
      {editable && (adding ? (
        <Stack gap="sm">
          <Title order={2} size="h3">New rule</Title>
          <NewRule onDone={() => setAdding(false)} />
        </Stack>
      ) : (
        <Group>
          <Button onClick={() => setAdding(true)}>Add a rule</Button>
          <Button variant="default" loading={sweep.isPending} onClick={() => sweep.mutate()}>Check for records past their time now</Button>
        </Group>
      ))}
    </Page>
  );
}
