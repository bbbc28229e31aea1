import { ActionIcon, Button, Fieldset, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { QuestionOption } from '../../shared/api/assessments.ts';
import { keyFrom, moved } from './TemplateDraft.ts';

interface Props {
  options: QuestionOption[];
  onChange: (options: QuestionOption[]) => void;
  /** Yes/no questions keep their two options; only the scores change. */
  fixed: boolean;
  /** Names the question, so each field's label says which question it belongs to. */
  questionLabel: string;
  /** False for a form that only asks: options have no score. */
  scored?: boolean;
}

const whole = (value: number | string) => (typeof value === 'number' ? Math.trunc(value) : Number.parseInt(value, 10) || 0);

export function TemplateOptionsEditor({ options, onChange, fixed, questionLabel, scored = true }: Props) {
  const set = (i: number, change: Partial<QuestionOption>) => onChange(options.map((o, n) => (n === i ? { ...o, ...change } : o)));
  const takenExcept = (i: number) => new Set(options.filter((_, n) => n !== i).map((o) => o.value));
  return (
    <Fieldset legend={`Options of “${questionLabel}”`} variant="filled">
      <Stack gap="xs">
        {options.map((option, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={`Option ${i + 1}`}
              value={option.label}
              readOnly={fixed}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
              onBlur={() => {
                if (!fixed && option.value.trim() === '' && option.label.trim() !== '') set(i, { value: keyFrom(option.label, takenExcept(i), `option-${i + 1}`) });
              }}
              w={220}
            />
            <TextInput
              label={`Value of option ${i + 1}`}
              description="Stored as the answer"
              value={option.value}
              readOnly={fixed}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              w={140}
            />
            {scored && <NumberInput label={`Score of option ${i + 1}`} value={option.score} onChange={(v) => set(i, { score: whole(v) })} allowDecimal={false} w={120} />}
            {!fixed && (
              <Group gap={4}>
                <ActionIcon variant="default" size="lg" aria-label={`Move option ${i + 1} up`} disabled={i === 0} onClick={() => onChange(moved(options, i, -1))}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="default" size="lg" aria-label={`Move option ${i + 1} down`} disabled={i === options.length - 1} onClick={() => onChange(moved(options, i, 1))}>
                  ↓
                </ActionIcon>
                <Button variant="subtle" color="red" size="xs" onClick={() => onChange(options.filter((_, n) => n !== i))} aria-label={`Remove option ${i + 1}`}>
                  Remove
                </Button>
              </Group>
            )}
          </Group>
        ))}
        {fixed ? (
          <Text size="xs" c="dimmed">
            {scored ? 'A yes or no question always has the options Yes and No; set what each scores.' : 'A yes or no question always has the options Yes and No.'}
          </Text>
        ) : (
          <Group>
            <Button size="xs" variant="default" onClick={() => onChange([...options, { value: '', label: '', score: 0 }])}>
              Add an option
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
