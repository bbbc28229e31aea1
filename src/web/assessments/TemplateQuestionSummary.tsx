import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { TemplateQuestion } from '../../shared/api/assessments.ts';
import { questionKindLabels, questionNatureLabels } from '../../shared/assessments.ts';

/** A question as the template asks it: kind, guidance, options with their scores, the rating range. */
interface Props {
  question: TemplateQuestion;
  /** The wording as a heading above the details, rather than below the kind. */
  showText?: boolean;
  /** Leave the wording out where the caller shows it already. */
  hideText?: boolean;
}

export function TemplateQuestionSummary({ question, showText = false, hideText = false }: Props) {
  return (
    <Stack gap={4}>
      {showText && <Text fw={600}>{question.text}</Text>}
      <Group gap="xs">
        <Badge variant="outline" color="gray">{questionKindLabels[question.kind]}</Badge>
        <Badge variant="outline" color="gray">{questionNatureLabels[question.nature]}</Badge>
        {question.topics.map((t) => (
          <Badge key={t} variant="light" color="gray">{t}</Badge>
        ))}
      </Group>
      {!showText && !hideText && <Text size="sm">{question.text}</Text>}
      {question.guidance && (
        <Text size="sm" c="dimmed">
          Guidance: {question.guidance}
        </Text>
      )}
      {question.options.length > 0 && (
        <List size="sm" spacing={0}>
          {question.options.map((o) => (
            <List.Item key={o.value}>
              {o.label} — scores {o.score}
            </List.Item>
          ))}
        </List>
      )}
      {question.kind === 'scale' && question.scale && (
        <Text size="sm">
          Rated from {question.scale.min} to {question.scale.max}; the rating is its score.
        </Text>
      )}
    </Stack>
  );
}
