import { Fieldset, Group, Input, Text, TextInput } from '@mantine/core';
import { partsOf, readBack, valueOf, type DateParts } from './dateParts.ts';

interface Props {
  legend: string;
  /** The text as typed, "year-month-day" (see dateParts.ts); '' when empty. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}

const widths: Record<keyof DateParts, string> = { day: '4.5rem', month: '4.5rem', year: '6.5rem' };
const labels: Record<keyof DateParts, string> = { day: 'Day', month: 'Month', year: 'Year' };

/**
 * The GOV.UK date input: day, month and year in their own boxes, in that order, with the date
 * read back in words so a slip shows before it is saved.
 */
export function DateInput({ legend, value, onChange, error, hint = 'For example, 27 3 2007' }: Props) {
  const parts = partsOf(value);
  const set = (part: keyof DateParts, text: string) => onChange(valueOf({ ...parts, [part]: text.replace(/[\s-]/g, '') }));
  const words = readBack(value);
  const hintId = `${legend.replace(/\W+/g, '-').toLowerCase()}-hint`;
  return (
    <Fieldset legend={legend} variant="unstyled" aria-describedby={hintId}>
      <Text id={hintId} size="sm" c="dimmed" mb={4}>
        {hint}
      </Text>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        {(['day', 'month', 'year'] as const).map((part) => (
          <TextInput
            key={part}
            label={labels[part]}
            value={parts[part]}
            onChange={(e) => set(part, e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={part === 'year' ? 4 : 2}
            w={widths[part]}
            error={Boolean(error)}
            aria-invalid={Boolean(error)}
          />
        ))}
      </Group>
      {error && <Input.Error mt={4}>{error}</Input.Error>}
      <Text size="sm" mt={4} aria-live="polite">
        {words ? `Read back: ${words}` : ''}
      </Text>
    </Fieldset>
  );
}
