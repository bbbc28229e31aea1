import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Button, MultiSelect, Paper, Select, Text } from '@mantine/core';
import type { z } from 'zod';
import { actionPlanList, assigneeCannotOpenRecord, createTaskBody, task } from '../../shared/api/tasks.ts';
import { call, get } from '../api/client.ts';
import { isApiError, messageOf } from '../api/errors.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { recordHref, recordNoun, recordPath, type RecordPath } from '../records/kinds.ts';
import { AssigneePicker, assigneeBody, type AssigneeValue } from './AssigneePicker.tsx';
import { BackdatedReasonField, backdatedProblem, isBackdated } from './BackdatedReason.tsx';
import { actionPlanKeys } from './keys.ts';
import { taskLabels } from './labels.ts';
import { usePeopleSearch } from './PeopleSearch.ts';
import { TaskDetailsFields, type TaskDetails } from './TaskDetailsFields.tsx';

const kindOf: Record<RecordPath, 'profile' | 'case' | 'location'> = { profiles: 'profile', cases: 'case', locations: 'location' };

function recordFrom(params: URLSearchParams): { path: RecordPath; id: string } | null {
  const kind = params.get('kind');
  const id = params.get('id');
  if (!id || (kind !== 'profiles' && kind !== 'cases' && kind !== 'locations')) return null;
  return { path: recordPath(kind), id };
}

// The share button names the team, which may be long: on a phone its label wraps rather than runs off the screen.
const wrapping = { root: { height: 'auto', paddingBlock: 8 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

/** Sets a task, standalone or on the record the person came from (?kind=cases&id=…, optionally &plan=…). */
export function NewTaskPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const record = recordFrom(params);
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(taskLabels);
  const [details, setDetails] = useState<TaskDetails>({ title: '', description: '', priority: 'normal', dueOn: '' });
  const [assignee, setAssignee] = useState<AssigneeValue>({ kind: 'team', id: null });
  const [watcherIds, setWatcherIds] = useState<string[]>([]);
  const [planId, setPlanId] = useState<string | null>(params.get('plan'));
  const [backdatedReason, setBackdatedReason] = useState('');
  const people = usePeopleSearch();
  const caseId = record?.path === 'cases' ? record.id : null;
  const plans = useQuery({
    queryKey: actionPlanKeys.ofCase(caseId ?? ''),
    queryFn: () => get(`/cases/${caseId}/action-plans`, actionPlanList),
    enabled: caseId !== null,
  });
  const back = record ? recordHref(record.path, record.id) : '/tasks';

  const create = useMutation({
    mutationFn: (body: z.infer<typeof createTaskBody>) => call('POST', '/tasks', task, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (created) => {
      idempotency.reset();
      notifySaved('Task set.');
      void navigate(`/tasks/${created.id}`);
    },
    onError: errors.fromServer,
  });
  const backdated = isBackdated(details.dueOn);
  const cannotOpen = isApiError(create.error, 'assignee_cannot_open_record') ? assigneeCannotOpenRecord.safeParse(create.error.details[0]).data : undefined;

  const submit = (shareWithAssignee: boolean) => {
    const body = errors.check(createTaskBody, {
      ...details,
      description: details.description || null,
      assignee: assigneeBody(assignee),
      record: record ? { kind: kindOf[record.path], id: record.id } : null,
      actionPlanId: planId,
      watcherIds,
      backdatedReason: backdated ? backdatedReason : null,
      shareWithAssignee,
    }, { assignee: 'Choose who the task is for' }, { dueOn: backdated ? backdatedProblem(details.dueOn, backdatedReason) : null });
    if (body) create.mutate(body);
  };

  return (
    <Page title="Set a task">
      <Anchor component={Link} to={back} size="sm">
        {record ? `Back to the ${recordNoun(record.path)}` : 'Back to tasks'}
      </Anchor>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={760}>
        <Form onSubmit={() => submit(false)}>
          <FormAlert error={cannotOpen ? null : create.error} fieldErrors={errors.fieldErrors} />
          {cannotOpen && (
            <Alert color="orange" title="Who the task is for cannot open this record" role="alert">
              <Text size="sm">{messageOf(create.error)}</Text>
              {cannotOpen.canShare && (
                <Button mt="sm" onClick={() => submit(true)} loading={create.isPending} styles={wrapping}>
                  {`Share this record (view) with ${cannotOpen.assignee.name} and set the task`}
                </Button>
              )}
            </Alert>
          )}
          <Text size="sm">
            {record ? `The task will be on this ${recordNoun(record.path)}; everyone who can open it will see the task.` : 'A standalone task, not on any record.'}
          </Text>
          <TaskDetailsFields values={details} onChange={setDetails} fieldErrors={errors.fieldErrors} />
          {backdated && <BackdatedReasonField value={backdatedReason} onChange={setBackdatedReason} error={errors.fieldErrors.backdatedReason} />}
          <AssigneePicker
            value={assignee}
            onChange={(value) => {
              // A warning about who cannot open the record is about the assignee it named.
              create.reset();
              setAssignee(value);
            }}
            error={errors.fieldErrors.assignee}
          />
          {caseId && (plans.data?.items.length ?? 0) > 0 && (
            <Select
              label={taskLabels.actionPlanId}
              placeholder="Not in a plan"
              data={plans.data!.items.map((p) => ({ value: p.id, label: p.title }))}
              value={planId}
              onChange={setPlanId}
              clearable
              error={errors.fieldErrors.actionPlanId}
            />
          )}
          <MultiSelect
            label={taskLabels.watcherIds}
            description="People told of every step, besides you and whoever the task is for"
            data={people.data}
            value={watcherIds}
            onChange={(ids) => {
              people.remember(ids);
              setWatcherIds(ids);
            }}
            onSearchChange={people.onSearchChange}
            searchable
            clearable
            nothingFoundMessage="No one matches"
            error={errors.fieldErrors.watcherIds}
          />
          <FormButtons submitLabel="Set task" pending={create.isPending} onCancel={() => void navigate(back)} />
        </Form>
      </Paper>
    </Page>
  );
}
