import { List, Stack, Text } from '@mantine/core';
import type { Answers, TemplateDefinition } from '../../shared/api/assessments.ts';
import { bandFor, scoreOf, thresholdsReached } from '../../shared/assessment-engine.ts';
import { AssessmentBand } from './AssessmentBand.tsx';

/** The score as the answers stand, worked out with the server's own rules; the server's figure is the one saved. */
export function AssessmentScorePreview({ definition, answers }: { definition: TemplateDefinition; answers: Answers }) {
  const score = scoreOf(definition, answers);
  if (score === null) return null;
  const band = bandFor(definition, score);
  const reached = thresholdsReached(definition, score);
  return (
    <Stack gap={6} role="status">
      <Text size="sm" fw={600}>Score so far: {score}</Text>
      {band && <AssessmentBand band={band} />}
      {reached.length > 0 && (
        <>
          <Text size="sm">On completion:</Text>
          <List size="sm" spacing={2}>
            {reached.map((t) => <List.Item key={t.label}>{t.label}</List.Item>)}
          </List>
        </>
      )}
    </Stack>
  );
}
