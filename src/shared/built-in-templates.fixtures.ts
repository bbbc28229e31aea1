import { defaultQuestions, defaultTemplates } from '../server/db/seed/assessment-defaults.ts';
import { templateDefinition, type TemplateDefinition, type TemplateQuestion } from './api/assessments.ts';

/** A built-in template as the seed builds it, through the same schema the API validates with. */
export function builtIn(key: string): TemplateDefinition {
  const t = defaultTemplates.find((d) => d.key === key)!;
  return templateDefinition.parse({
    ...t.rules,
    sections: t.sections.map((s) => ({
      title: s.title,
      questions: s.questions.map((q) => {
        const bank = defaultQuestions.find((b) => b.key === q.key)!;
        return { ...bank, required: q.required ?? false };
      }),
    })),
  });
}

export const questions = (d: TemplateDefinition): TemplateQuestion[] => d.sections.flatMap((s) => s.questions);
