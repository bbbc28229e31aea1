import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Modal, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import type { z } from 'zod';
import { actionPlan, actionPlanList, createActionPlanBody, type ActionPlan } from '../../shared/api/tasks.ts';
import { call, get } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { can, useMe } from '../app/session.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { Section } from '../records/Section.tsx';
import { actionPlanKeys } from './keys.ts';
import { TaskTable } from './TaskTable.tsx';

function NewPlanForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors({ title: 'Plan name' });
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: (body: z.infer<typeof createActionPlanBody>) => call('POST', `/cases/${caseId}/action-plans`, actionPlan, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: actionPlanKeys.ofCase(caseId) });
      notifySaved('Action plan started.');
      onDone();
    },
    onError: errors.fromServer,
  });
  const submit = () => {
    const body = errors.check(createActionPlanBody, { title });
    if (body) create.mutate(body);
  };
  return (
    <Form onSubmit={submit}>
      <FormAlert error={create.error} fieldErrors={errors.fieldErrors} />
      <TextInput
        label="Plan name"
        description="e.g. “Safety plan” or “Tenancy support”"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.fieldErrors.title}
        required
        data-autofocus
      />
      <FormButtons submitLabel="Start plan" pending={create.isPending} onCancel={onDone} />
    </Form>
  );
}

function Plan({ plan, canAdd }: { plan: ActionPlan; canAdd: boolean }) {
  const { completed, total } = plan.progress;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`plan-${plan.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={3} size="h4" id={`plan-${plan.id}`}>
            {plan.title}
          </Title>
          {canAdd && (
            <Button size="xs" variant="default" component={Link} to={`/tasks/new?kind=cases&id=${plan.caseId}&plan=${plan.id}`} aria-label={`Add a task to ${plan.title}`}>
              Add a task
            </Button>
          )}
        </Group>
        <Text size="sm">
          {completed} of {total} {total === 1 ? 'task' : 'tasks'} completed
        </Text>
        <Progress value={total === 0 ? 0 : (completed / total) * 100} aria-label={`${plan.title}: ${completed} of ${total} tasks completed`} />
        {plan.tasks.length === 0
          ? <Text size="sm">No tasks in this plan yet.</Text>
          : <TaskTable tasks={plan.tasks} showRecord={false} caption={`Tasks in ${plan.title}`} />}
      </Stack>
    </Paper>
  );
}

/** A case's action plans: the tasks agreed for it, grouped, with how far each plan has got. */
export function ActionPlans({ caseId }: { caseId: string }) {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const plans = useQuery({ queryKey: actionPlanKeys.ofCase(caseId), queryFn: () => get(`/cases/${caseId}/action-plans`, actionPlanList) });
  const canAdd = can(me, 'records.edit');
  return (
    <Section title="Action plans" actions={canAdd && <Button variant="default" onClick={() => setCreating(true)}>Start a plan</Button>}>
      <QueryStatus isPending={plans.isPending} error={plans.error} onRetry={() => void plans.refetch()} label="Loading action plans" />
      {plans.data && (plans.data.items.length === 0
        ? <Text size="sm">No action plans for this case yet.</Text>
        : plans.data.items.map((plan) => <Plan key={plan.id} plan={plan} canAdd={canAdd} />))}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Start an action plan">
        {creating && <NewPlanForm caseId={caseId} onDone={() => setCreating(false)} />}
      </Modal>
    </Section>
  );
}
