import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { Officer } from '../../shared/api/supervision.ts';
import { messageOf } from '../api/errors.ts';

interface Props {
  /** What is handed on, for the labels: "Send the noise diary". */
  what: string;
  officers: Officer[];
  /** Who holds it now, left out of the choice. */
  holderId: string | null;
  /** Hands it on; a thrown error is shown beside the control. */
  onHand: (officer: Officer) => Promise<void>;
  pending: boolean;
  /** Shown instead of a plain error when the hand-over needs a decision (such as sharing the record first). */
  problem?: React.ReactNode;
}

/**
 * A choice of officer and one button to hand a task or a case's lead to them. The choice starts
 * empty, so nothing moves by accident; a native select keeps it a single keyboard stop.
 */
export function HandOn({ what, officers, holderId, onHand, pending, problem }: Props) {
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = officers.filter((o) => o.id !== holderId);
  const chosen = choices.find((o) => o.id === to);
  const hand = async () => {
    if (!chosen) {
      setError('Choose who to hand it to.');
      return;
    }
    setError(null);
    try {
      await onHand(chosen);
      setTo('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <NativeSelect
          size="xs"
          label="Hand to"
          // The visible words first, so speech users can say what they see; then which row.
          aria-label={`Hand to, for ${what}`}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data={[{ value: '', label: 'Choose an officer' }, ...choices.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Button size="xs" variant="default" loading={pending} onClick={() => void hand()} aria-label={`Hand on ${what}`}>
          Hand on
        </Button>
      </Group>
      {problem}
      {error && !problem && (
        <Alert color="red" p="xs" role="alert">
          <Text size="xs">{error}</Text>
        </Alert>
      )}
    </Stack>
  );
}
