import { useState } from 'react';
import { Button, Fieldset, Group, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { accessLevels, type AccessLevel } from '../../../shared/records.ts';
import { levelLabels, useSharingChoices, type Share } from './sharing.ts';

const levelOptions = accessLevels.map((l) => ({ value: l, label: levelLabels[l] }));

interface Props {
  value: Share[];
  onChange: (shares: Share[]) => void;
  error?: string;
}

/** Who every new case of a type is shared with: teams or whole organisations, to view or to edit. */
export function DefaultSharingField({ value, onChange, error }: Props) {
  const { choices, isPending } = useSharingChoices();
  const [target, setTarget] = useState<string | null>(null);
  const [level, setLevel] = useState<AccessLevel>('view');
  const labelOf = (t: string) => choices.find((c) => c.value === t)?.label ?? 'A team or organisation';
  const free = choices.filter((c) => !value.some((s) => s.target === c.value));
  const shown = [...value].sort((a, b) => labelOf(a.target).localeCompare(labelOf(b.target)));

  const add = () => {
    if (!target) return;
    onChange([...value, { target, level }]);
    setTarget(null);
  };

  return (
    <Fieldset
      legend={
        <Text span size="sm" fw={600}>
          Default sharing
        </Text>
      }
      variant="unstyled"
    >
      <Stack gap="sm">
        <Text size="sm">Every new case of this type is shared with these teams and organisations. The team that opens a case always has it.</Text>
        {value.length === 0 ? (
          <Text size="sm" fs="italic">
            Not shared with anyone else.
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {shown.map((s) => (
              <Group component="li" key={s.target} gap="sm" wrap="wrap" justify="space-between">
                <Text size="sm" style={{ flex: '1 1 12rem' }}>
                  {labelOf(s.target)}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <NativeSelect
                    aria-label={`Access for ${labelOf(s.target)}`}
                    data={levelOptions}
                    value={s.level}
                    onChange={(e) => onChange(value.map((v) => (v.target === s.target ? { ...v, level: e.currentTarget.value as AccessLevel } : v)))}
                    size="xs"
                  />
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => onChange(value.filter((v) => v.target !== s.target))}
                    aria-label={`Remove ${labelOf(s.target)}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Share with"
            placeholder={isPending ? 'Loading teams…' : 'Choose a team or organisation'}
            data={free}
            value={target}
            onChange={setTarget}
            searchable
            nothingFoundMessage="No team or organisation by that name"
            style={{ flex: '1 1 16rem' }}
            error={error}
          />
          <NativeSelect label="Access" data={levelOptions} value={level} onChange={(e) => setLevel(e.currentTarget.value as AccessLevel)} />
          <Button variant="default" onClick={add} disabled={!target}>
            Add
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
