import { and, eq, inArray } from 'drizzle-orm';
import type { TemplateDefinition } from '../../../shared/api/assessments.ts';
import type { Drizzle } from '../connection.ts';
import { assessmentQuestions, assessmentTemplates, assessmentTemplateVersions, partnerships } from '../schema/index.ts';
import type { Tx } from '../transaction.ts';
import { defaultQuestions, defaultTemplates, type DefaultQuestion } from './assessment-defaults.ts';

function templateQuestion(bank: Map<string, { id: string; question: DefaultQuestion }>, key: string, required: boolean) {
  const found = bank.get(key);
  if (!found) throw new Error(`The built-in templates name a question the bank lacks: ${key}`);
  const q = found.question;
  return {
    key,
    questionId: found.id,
    text: q.text,
    guidance: q.guidance ?? null,
    kind: q.kind,
    nature: q.nature,
    topics: q.topics,
    options: q.options ?? [],
    scale: q.scale ?? null,
    required,
    condition: null,
  };
}

/**
 * Gives a partnership (or every partnership) the built-in questions and templates it lacks.
 * Like lookups, running it again never brings back or rewrites what curators have changed.
 */
export async function ensureBuiltInAssessments(tx: Tx | Drizzle, partnershipId?: string): Promise<void> {
  const ids = (await tx.select({ id: partnerships.id }).from(partnerships).where(partnershipId ? eq(partnerships.id, partnershipId) : undefined)).map((p) => p.id);
  for (const id of ids) {
    await tx.insert(assessmentQuestions).values(defaultQuestions.map((q) => ({
      partnershipId: id,
      key: q.key,
      text: q.text,
      guidance: q.guidance ?? null,
      kind: q.kind,
      nature: q.nature,
      topics: q.topics,
      options: q.options ?? [],
      scaleMin: q.scale?.min ?? null,
      scaleMax: q.scale?.max ?? null,
      status: 'approved' as const,
      builtIn: true,
    }))).onConflictDoNothing();
    const rows = await tx.select({ id: assessmentQuestions.id, key: assessmentQuestions.key }).from(assessmentQuestions)
      .where(and(eq(assessmentQuestions.partnershipId, id), inArray(assessmentQuestions.key, defaultQuestions.map((q) => q.key))));
    const bank = new Map(rows.map((r) => [r.key, { id: r.id, question: defaultQuestions.find((q) => q.key === r.key)! }]));
    for (const t of defaultTemplates) {
      const [created] = await tx.insert(assessmentTemplates)
        .values({ partnershipId: id, key: t.key, name: t.name, description: t.description, builtIn: true })
        .onConflictDoNothing()
        .returning({ id: assessmentTemplates.id });
      if (!created) continue;
      const definition: TemplateDefinition = {
        ...t.rules,
        sections: t.sections.map((s) => ({ title: s.title, questions: s.questions.map((q) => templateQuestion(bank, q.key, q.required ?? false)) })),
      };
      await tx.insert(assessmentTemplateVersions).values({ templateId: created.id, version: 1, definition });
    }
  }
}
