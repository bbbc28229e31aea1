import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, List, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { informationRequestBody, type Assessment } from '../../shared/api/assessments.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDate } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { AssigneePicker, assigneeBody, type AssigneeValue } from '../tasks/AssigneePicker.tsx';
import { TaskStatus } from '../tasks/TaskStatus.tsx';
import { useRequestInformation } from './api.ts';

const labels = { assignee: 'Who', dueOn: 'Needed by', note: 'What you need' };

interface FormProps {
  assessmentId: string;
  questionKey: string;
  questionText: string;
  onDone: () => void;
}

/** Asks another team, person or organisation for what a question needs: a task on the record. */
export function AssessmentInformationRequestForm({ assessmentId, questionKey, questionText, onDone }: FormProps) {
  const [assignee, setAssignee] = useState<AssigneeValue>({ kind: 'team', id: null });
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const errors = useFieldErrors(labels);
  const request = useRequestInformation(assessmentId);
  const submit = () => {
    const body = errors.check(informationRequestBody, { questionKey, assignee: assigneeBody(assignee), dueOn, note: note.trim() || null }, { assignee: 'Choose who to ask' });
    if (!body) return;
    request.mutate(body, {
      onSuccess: () => {
        notifySaved('Request sent: a task was set on the record.');
        onDone();
      },
      onError: (error) => errors.fromServer(error),
    });
  };
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Form onSubmit={submit}>
        <Text size="sm" fw={600}>Ask another team about: {questionText}</Text>
        <FormAlert error={request.error} fieldErrors={errors.fieldErrors} />
        <AssigneePicker value={assignee} onChange={setAssignee} error={errors.fieldErrors.assignee} />
        <TextInput label={labels.dueOn} type="date" required value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.fieldErrors.dueOn} maw={220} />
        <Textarea label={labels.note} description="Say what you need to know; do not copy the person's details" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fieldErrors.note} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={request.isPending}>Send the request</Button>
        </Group>
      </Form>
    </Paper>
  );
}

/** The requests already made for one question, with how each task stands. */
export function AssessmentInformationRequests({ requests }: { requests: NonNullable<Assessment['informationRequests']> }) {
  if (requests.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600}>Information requested</Text>
      <List size="sm" spacing={4} listStyleType="none" p={0}>
        {requests.map((r) => (
          <List.Item key={r.task.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/tasks/${r.task.id}`} size="sm">
                From {r.task.assignee.name}, due {formatDate(r.task.dueOn)}
              </Anchor>
              <TaskStatus task={r.task} />
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
