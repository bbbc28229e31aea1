import { Button, Group, Text } from '@mantine/core';
import { messageOf } from '../api/errors.ts';
import { savedAt, type AutosaveShown } from './autosave.ts';
import type { Autosave } from './useAutosave.ts';

/** Read out when it changes: only the outcome of a save, never each keystroke or each "Saving…". */
function outcome(shown: AutosaveShown): string {
  if (shown.kind === 'saved') return savedAt(shown.at);
  if (shown.kind === 'failed') return `Not saved: ${messageOf(shown.error)}`;
  if (shown.kind === 'paused') return `Not saved: ${shown.why}`;
  return '';
}

const quietly: Partial<Record<AutosaveShown['kind'], string>> = {
  clean: 'All changes are saved.',
  waiting: 'You have changes that are not saved yet.',
  saving: 'Saving…',
};

/** The line beside a form that saves itself: what is saved, and a retry when a save failed. */
export function AutosaveStatus({ autosave }: { autosave: Autosave }) {
  const { shown } = autosave;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        {/* Always in the page, so that screen readers hear it change. */}
        <span role="status">{outcome(shown)}</span>
        {quietly[shown.kind]}
      </Text>
      {shown.kind === 'failed' && (
        <Button variant="default" size="compact-sm" onClick={() => void autosave.saveNow()}>
          Retry
        </Button>
      )}
    </Group>
  );
}
