import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Group, NumberInput, Select, Text, Textarea, TextInput } from '@mantine/core';
import {
  bankQuestion, createBankQuestionBody, updateBankQuestionBody, type BankQuestion, type QuestionOption,
} from '../../shared/api/assessments.ts';
import { questionKindLabels, questionKinds, questionNatureLabels, questionNatures, type QuestionKind, type QuestionNature } from '../../shared/assessments.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { bankKeys } from './keys.ts';
import { TemplateOptionsEditor } from './TemplateOptionsEditor.tsx';
import { withKind } from './TemplateDraft.ts';

interface Props {
  /** The question to edit; none to submit a new one. */
  question?: BankQuestion;
  /** Curators put questions straight into the bank; others submit them for approval. */
  curator: boolean;
  onDone: () => void;
}

interface Values {
  text: string;
  guidance: string;
  kind: QuestionKind;
  nature: QuestionNature;
  topics: string;
  options: QuestionOption[];
  scale: { min: number; max: number } | null;
}

const labels = { text: 'Question', guidance: 'Guidance', kind: 'Kind of answer', nature: 'Objective or subjective', topics: 'Topics', options: 'Options', scale: 'Ratings' };
const int = (value: number | string) => (typeof value === 'number' ? Math.trunc(value) : Number.parseInt(value, 10) || 0);

function valuesOf(q: BankQuestion | undefined): Values {
  if (!q) return { text: '', guidance: '', kind: 'yes_no', nature: 'objective', topics: '', options: [{ value: 'yes', label: 'Yes', score: 1 }, { value: 'no', label: 'No', score: 0 }], scale: null };
  return { text: q.text, guidance: q.guidance ?? '', kind: q.kind, nature: q.nature, topics: q.topics.join(', '), options: q.options, scale: q.scale };
}

export function BankQuestionForm({ question, curator, onDone }: Props) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const errors = useFieldErrors(labels);
  const [values, setValues] = useState(() => valuesOf(question));
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      question
        ? call('PATCH', `/assessment-questions/${question.id}`, bankQuestion, { body })
        : call('POST', '/assessment-questions', bankQuestion, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: (saved) => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: bankKeys.all });
      notifySaved(question ? 'The question is saved.' : saved.status === 'approved' ? 'The question is in the bank.' : 'Thank you: the question is submitted for a curator to approve.');
      onDone();
    },
    onError: errors.fromServer,
  });

  const submit = () => {
    const input = {
      text: values.text,
      guidance: values.guidance.trim() || null,
      kind: values.kind,
      nature: values.nature,
      topics: values.topics.split(',').map((t) => t.trim()).filter(Boolean),
      options: values.options,
      scale: values.scale,
    };
    const body = question ? errors.check(updateBankQuestionBody, { ...input, version: question.version }) : errors.check(createBankQuestionBody, input);
    if (body) save.mutate(body);
  };

  const kind = values.kind;
  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      {!question && !curator && <Text size="sm">A curator checks each submitted question before templates can use it.</Text>}
      <Textarea label="Question" required autosize minRows={2} value={values.text} onChange={(e) => set({ text: e.currentTarget.value })} error={errors.fieldErrors.text} />
      <Textarea label="Guidance" description="Helps the assessor ask it" autosize minRows={1} value={values.guidance} onChange={(e) => set({ guidance: e.currentTarget.value })} error={errors.fieldErrors.guidance} />
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label="Kind of answer"
          data={questionKinds.map((k) => ({ value: k, label: questionKindLabels[k] }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            const changed = withKind({ key: 'q', questionId: null, text: '', guidance: null, kind, nature: values.nature, topics: [], options: values.options, scale: values.scale, required: false, condition: null }, v as QuestionKind);
            set({ kind: changed.kind, options: changed.options, scale: changed.scale });
          }}
          w={260}
        />
        <Select
          label="Objective or subjective"
          description="A fact, or someone's view"
          data={questionNatures.map((n) => ({ value: n, label: questionNatureLabels[n] }))}
          value={values.nature}
          allowDeselect={false}
          onChange={(v) => v && set({ nature: v as QuestionNature })}
          w={220}
        />
      </Group>
      <TextInput label="Topics" description="Separated by commas, for example: family, housing" value={values.topics} onChange={(e) => set({ topics: e.currentTarget.value })} error={errors.fieldErrors.topics} />
      {values.options.length > 0 && (
        <TemplateOptionsEditor options={values.options} onChange={(options) => set({ options })} fixed={kind === 'yes_no'} questionLabel={values.text.trim() || 'this question'} />
      )}
      {errors.fieldErrors.options && <Text c="red.8" size="sm">{errors.fieldErrors.options}</Text>}
      {kind === 'scale' && (
        <Group gap="sm">
          <NumberInput label="Lowest rating" value={values.scale?.min ?? 1} onChange={(v) => set({ scale: { min: int(v), max: values.scale?.max ?? 10 } })} w={160} />
          <NumberInput label="Highest rating" value={values.scale?.max ?? 10} onChange={(v) => set({ scale: { min: values.scale?.min ?? 1, max: int(v) } })} w={160} />
        </Group>
      )}
      <FormButtons submitLabel={question ? 'Save question' : curator ? 'Add to the bank' : 'Submit question'} pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
