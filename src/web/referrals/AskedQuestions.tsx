import { Fieldset, Stack } from '@mantine/core';
import type { Answers, FormDefinition } from '../../shared/forms/definition.ts';
import { askedQuestions } from '../../shared/forms/engine.ts';
import type { FieldErrors } from '../components/forms.ts';
import { QuestionInput } from '../forms/QuestionInput.tsx';

interface Props {
  definition: FormDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  fieldErrors: FieldErrors;
}

/** A form's questions as the referrer would have answered them: a question shows once the answer it depends on is given. */
export function AskedQuestions({ definition, answers, onChange, fieldErrors }: Props) {
  const asked = new Set(askedQuestions(definition, answers).map((q) => q.key));
  const answer = (key: string, value: Answers[string] | null) => {
    const next = { ...answers };
    if (value === null) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <>
      {definition.sections.map((section, i) => (
        <Fieldset key={i} legend={section.title}>
          <Stack gap="md">
            {section.questions.filter((q) => asked.has(q.key)).map((q) => (
              <QuestionInput key={q.key} question={q} value={answers[q.key] ?? null} onChange={(v) => answer(q.key, v)} error={fieldErrors[`answers.${q.key}`]} members={[]} />
            ))}
          </Stack>
        </Fieldset>
      ))}
    </>
  );
}
