import { Stack, Text, Title } from '@mantine/core';
import type { Answers, FormDefinition } from '../../shared/forms/definition.ts';
import { askedQuestions } from '../../shared/forms/engine.ts';
import { answerText } from '../assessments/AnswerText.ts';
import { Details } from '../components/Details.tsx';

/** The referral's answers against the questions of the form version it was sent with, in words. */
export function ReferralAnswers({ definition, answers }: { definition: FormDefinition; answers: Answers }) {
  const asked = new Set(askedQuestions(definition, answers).map((q) => q.key));
  const sections = definition.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => asked.has(q.key)) })).filter((s) => s.questions.length > 0);
  if (sections.length === 0) return <Text size="sm">The form’s questions were not answered.</Text>;
  return (
    <Stack gap="md">
      {sections.map((s, i) => (
        <Stack key={i} gap="xs">
          {sections.length > 1 && (
            <Title order={3} size="h5">
              {s.title}
            </Title>
          )}
          <Details items={s.questions.map((q) => ({ label: q.text, value: <span style={{ whiteSpace: 'pre-wrap' }}>{answerText(q, answers[q.key])}</span> }))} />
        </Stack>
      ))}
    </Stack>
  );
}
