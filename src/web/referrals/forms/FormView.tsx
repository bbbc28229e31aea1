import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { FormDefinition } from '../../../shared/forms/definition.ts';
import { questionKindLabels } from '../../../shared/forms/questions.ts';

/** The form's questions as the public is asked them, section by section. */
export function FormView({ definition }: { definition: FormDefinition }) {
  return (
    <Stack gap="md">
      {definition.sections.map((s, i) => (
        <Stack key={i} gap="xs">
          <Title order={3} size="h4">
            {s.title}
          </Title>
          <List type="ordered" spacing="xs">
            {s.questions.map((q) => (
              <List.Item key={q.key}>
                <Group gap="xs" component="span">
                  <Text span>{q.text}</Text>
                  <Badge variant="outline" color="gray" component="span">
                    {questionKindLabels[q.kind]}
                  </Badge>
                  {q.required && (
                    <Badge variant="light" color="gray" component="span">
                      Must be answered
                    </Badge>
                  )}
                </Group>
                {q.options.length > 0 && <Text size="sm" c="dimmed">{q.options.map((o) => o.label).join(' · ')}</Text>}
                {q.condition && <Text size="sm" c="dimmed">Asked only after certain answers to an earlier question</Text>}
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}
