import { useId } from 'react';
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FieldErrors } from '../components/forms.ts';
import type { AliasValues } from './form.ts';

interface Props {
  aliases: AliasValues[];
  onChange: (aliases: AliasValues[]) => void;
  fieldErrors: FieldErrors;
}

/** Other names the person is known by; matching and search look at these too. */
export function AliasFields({ aliases, onChange, fieldErrors }: Props) {
  const labelId = useId();
  const update = (index: number, alias: AliasValues) => onChange(aliases.map((a, i) => (i === index ? alias : a)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id={labelId}>
        Other names (aliases)
      </Text>
      {aliases.length === 0 && (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      )}
      {aliases.map((alias, index) => (
        <Group key={index} align="flex-end" gap="sm" wrap="nowrap" role="group" aria-label={`Other name ${index + 1}`}>
          <TextInput
            label="Alias first name"
            value={alias.firstName}
            onChange={(e) => update(index, { ...alias, firstName: e.currentTarget.value })}
            error={fieldErrors[`aliases.${index}.firstName`]}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <TextInput
            label="Alias last name"
            value={alias.lastName}
            onChange={(e) => update(index, { ...alias, lastName: e.currentTarget.value })}
            error={fieldErrors[`aliases.${index}.lastName`]}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="default"
            size="lg"
            mb={2}
            aria-label={`Remove other name ${index + 1}`}
            onClick={() => onChange(aliases.filter((_, i) => i !== index))}
          >
            <span aria-hidden="true">×</span>
          </ActionIcon>
        </Group>
      ))}
      {fieldErrors.aliases && (
        <Text size="sm" c="red.9">
          {fieldErrors.aliases}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...aliases, { firstName: '', lastName: '' }])} aria-describedby={labelId}>
          Add another name
        </Button>
      </Group>
    </Stack>
  );
}
