import { useId } from 'react';
import { Checkbox, Group, NumberInput, Radio, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import type { AnswerValue, FamilyMember, FormQuestion } from '../../shared/forms/definition.ts';
import { defaultScale, maxTextAnswer } from '../../shared/forms/questions.ts';

interface Props {
  question: FormQuestion;
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  error?: string | undefined;
  members: FamilyMember[];
}

/** The right input for each kind of a form's question; each is labelled by the question and described by its guidance. */
export function QuestionInput({ question, value, onChange, error, members }: Props) {
  const common = { label: question.text, description: question.guidance ?? undefined, error, withAsterisk: question.required };
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)}>
          {question.kind === 'yes_no' ? (
            <Group gap="xl" mt="xs">
              {question.options.map((o) => <Radio key={o.value} value={o.value} label={o.label} />)}
            </Group>
          ) : (
            <Stack gap="xs" mt="xs">
              {question.options.map((o) => <Radio key={o.value} value={o.value} label={o.label} />)}
            </Stack>
          )}
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v.length > 0 ? v : null)}>
          <Stack gap="xs" mt="xs">
            {question.options.map((o) => <Checkbox key={o.value} value={o.value} label={o.label} />)}
          </Stack>
        </Checkbox.Group>
      );
    case 'scale':
      return <ScaleInput {...common} question={question} value={value} onChange={onChange} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          maw={200}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
          maw={220}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxLength={maxTextAnswer}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'family_grid':
      return <FamilyGrid question={question} value={value} onChange={onChange} error={error} members={members} />;
  }
}

type ScaleProps = Pick<Props, 'question' | 'value' | 'onChange'> & { label: string; description: string | undefined; error: string | undefined; withAsterisk: boolean };

/** A rating as a row of numbered radios: arrow keys move along it, and each number is read out. */
function ScaleInput({ question, value, onChange, ...common }: ScaleProps) {
  const range = question.scale ?? defaultScale;
  const ratings = Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
  return (
    <Radio.Group {...common} value={typeof value === 'number' ? String(value) : null} onChange={(v) => onChange(Number(v))}>
      <Group gap="md" mt="xs" wrap="wrap">
        {ratings.map((r) => <Radio key={r} value={String(r)} label={String(r)} />)}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {range.min} is lowest, {range.max} highest
      </Text>
    </Radio.Group>
  );
}

type GridProps = Omit<Props, 'value'> & { value: AnswerValue | null };

/** One answer per family member: a row of radios for each, named by the member and the option. */
function FamilyGrid({ question, value, onChange, error, members }: GridProps) {
  const id = useId();
  const chosen = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const choose = (profileId: string, option: string) => onChange({ ...chosen, [profileId]: option });
  if (members.length === 0) {
    return (
      <Stack gap={4}>
        <Text fw={500} size="sm">{question.text}</Text>
        <Text size="sm">No family members were found on the record when this assessment was started.</Text>
      </Stack>
    );
  }
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <Text component="legend" fw={500} size="sm">
        {question.text}
        {question.required && <Text component="span" c="red.8" aria-hidden="true"> *</Text>}
      </Text>
      {question.guidance && <Text size="xs" c="dimmed">{question.guidance}</Text>}
      <Table.ScrollContainer minWidth={480} mt="xs">
        <Table fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Family member</Table.Th>
              {question.options.map((o) => <Table.Th key={o.value} scope="col">{o.label}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.profileId}>
                <Table.Th scope="row" fw={500}>
                  {m.name}
                  <Text size="xs" c="dimmed">{m.relationship}</Text>
                </Table.Th>
                {question.options.map((o) => (
                  <Table.Td key={o.value}>
                    <Radio
                      name={`${id}-${m.profileId}`}
                      value={o.value}
                      checked={chosen[m.profileId] === o.value}
                      onChange={() => choose(m.profileId, o.value)}
                      aria-label={`${m.name}: ${o.label}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && <Text id={`${id}-error`} size="xs" c="red.8" mt={4}>{error}</Text>}
    </fieldset>
  );
}
