import { Radio, Select, Stack, Text, Title } from '@mantine/core';
import { TemplateSections } from '../../assessments/TemplateSections.tsx';
import { useTemplates } from '../../assessments/template-api.ts';
import type { Problems } from '../../assessments/TemplateDraft.ts';
import type { FormDraft } from './formDraft.ts';

interface Props {
  draft: FormDraft;
  set: (change: Partial<FormDraft>) => void;
  problems: Problems;
  announce: (message: string) => void;
}

/**
 * The form's questions: written here with the assessment builder's section and question editors
 * (without scores), or an assessment template's, whose completed assessment an accepted referral
 * then becomes.
 */
export function FormQuestions({ draft, set, problems, announce }: Props) {
  const templates = useTemplates();
  // The public answers about one person, so a template that asks about a family cannot be used.
  const templateData = (templates.data?.items ?? []).filter((t) => t.status === 'active' && !t.family).map((t) => ({ value: t.key, label: t.team ? `${t.name} (${t.team.name})` : t.name }));
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Questions
      </Title>
      <Text size="sm">Besides these, the form always asks who is referring, who it is about, and for their consent.</Text>
      <Radio.Group label="Where the questions come from" value={draft.source} onChange={(v) => set({ source: v as FormDraft['source'] })}>
        <Stack gap="xs" mt="xs">
          <Radio value="own" label="Write the questions here" />
          <Radio value="template" label="Use an assessment template’s questions" description="An accepted referral becomes a completed assessment with the template" />
        </Stack>
      </Radio.Group>
      {draft.source === 'template' ? (
        <Select
          label="Assessment template"
          description="Its questions as they are now are copied into a new version of the form when you save"
          required
          data={templateData}
          value={draft.templateKey}
          onChange={(templateKey) => set({ templateKey })}
          error={problems.templateKey?.join('; ')}
          searchable
          maw={480}
        />
      ) : (
        <TemplateSections definition={draft.definition} problems={problems} onChange={(definition) => set({ definition })} announce={announce} scored={false} />
      )}
    </Stack>
  );
}
