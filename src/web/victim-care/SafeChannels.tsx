import { Group, Stack, Text } from '@mantine/core';
import type { ContactPlan } from '../../shared/api/victim-care.ts';
import { safetyFields, safetyWords } from './plan.ts';
import { NotSafeIcon, SafeIcon } from './Icons.tsx';

/** Each channel that needs the victim's say-so, with whether it is safe: unsafe ones in red words and a crossed circle, never by colour alone. */
export function SafeChannels({ plan }: { plan: ContactPlan }) {
  return (
    <Stack component="ul" gap={4} aria-label="What is safe" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {safetyFields.map((field) => (
        <Group component="li" key={field} gap={6} wrap="nowrap">
          {plan[field] ? (
            <>
              <Text span c="green.9"><SafeIcon /></Text>
              <Text size="sm">{safetyWords[field]}: safe</Text>
            </>
          ) : (
            <>
              <Text span c="red.9"><NotSafeIcon /></Text>
              <Text size="sm" c="red.9" fw={700}>{safetyWords[field]}: not safe</Text>
            </>
          )}
        </Group>
      ))}
    </Stack>
  );
}
