import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { bankQuestion, type BankQuestion } from '../../shared/api/assessments.ts';
import { questionStatusLabels, type QuestionStatus } from '../../shared/assessments.ts';
import { call } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { formatDate } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { bankKeys } from './keys.ts';
import { TemplateQuestionSummary } from './TemplateQuestionSummary.tsx';

const statusColours: Record<QuestionStatus, string> = { submitted: 'yellow', approved: 'green', retired: 'gray' };

interface Props {
  question: BankQuestion;
  curator: boolean;
  canEdit: boolean;
  onEdit: () => void;
}

const done: Record<QuestionStatus, string> = {
  approved: 'The question is in the bank: templates can use it.',
  retired: 'The question is retired: new templates cannot use it; templates that ask it keep it.',
  submitted: 'The question is back with the submitted ones.',
};

export function BankQuestionCard({ question, curator, canEdit, onEdit }: Props) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: QuestionStatus) => call('PATCH', `/assessment-questions/${question.id}`, bankQuestion, { body: { version: question.version, status } }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: bankKeys.all });
      notifySaved(done[saved.status]);
    },
  });
  const short = question.text.length > 60 ? `${question.text.slice(0, 57)}…` : question.text;
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Text fw={600} style={{ flex: 1, minWidth: 200 }}>
            {question.text}
          </Text>
          <Badge color={statusColours[question.status]} variant="light">
            {questionStatusLabels[question.status]}
          </Badge>
        </Group>
        <TemplateQuestionSummary question={{ ...question, questionId: question.id, required: false, condition: null }} hideText />
        <Text size="xs" c="dimmed">
          {question.builtIn ? 'Built in' : question.submittedBy ? `Submitted by ${question.submittedBy.name}${question.submittedByTeam ? ` (${question.submittedByTeam.name})` : ''}` : 'Added by a curator'}
          {`, changed ${formatDate(question.updatedAt)}`}
        </Text>
        {change.error ? <Alert color="red" role="alert">{messageOf(change.error)}</Alert> : null}
        {(curator || canEdit) && (
          <Group gap="xs">
            {canEdit && (
              <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit “${short}”`}>
                Edit
              </Button>
            )}
            {curator && question.status !== 'approved' && (
              <Button size="xs" loading={change.isPending} onClick={() => change.mutate('approved')} aria-label={`${question.status === 'retired' ? 'Restore' : 'Approve'} “${short}”`}>
                {question.status === 'retired' ? 'Restore' : 'Approve'}
              </Button>
            )}
            {curator && question.status !== 'retired' && (
              <Button size="xs" variant="default" color="red" loading={change.isPending} onClick={() => change.mutate('retired')} aria-label={`Retire “${short}”`}>
                Retire
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
