import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Assessment } from '../../shared/api/assessments.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useDecideAdjustment } from './api.ts';

/** A supervisor approves or rejects the assessor's adjusted score, with an optional note for them. */
export function AssessmentDecision({ assessment }: { assessment: Assessment }) {
  const [note, setNote] = useState('');
  const decide = useDecideAdjustment(assessment.id);
  const send = (decision: 'approved' | 'rejected') =>
    decide.mutate(
      { version: assessment.version, decision, note: note.trim() || null },
      { onSuccess: () => notifySaved(decision === 'approved' ? 'Adjustment approved.' : 'Adjustment rejected.') },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="decision-heading">Your decision</Title>
        <Text size="sm">The assessor asks for the adjusted score to count. The assessor is told of your decision.</Text>
        <FormAlert error={decide.error} />
        <Textarea label="Note for the assessor" description="Optional" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button color="green.8" loading={decide.isPending && decide.variables?.decision === 'approved'} disabled={decide.isPending} onClick={() => send('approved')}>
            Approve
          </Button>
          <Button color="red.8" variant="outline" loading={decide.isPending && decide.variables?.decision === 'rejected'} disabled={decide.isPending} onClick={() => send('rejected')}>
            Reject
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
