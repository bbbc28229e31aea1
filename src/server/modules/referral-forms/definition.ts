import { formDefinition, formQuestion, type FormDefinition, type FormQuestion, type FormSection, type Sections } from '../../../shared/forms/definition.ts';
import { formDefinitionProblems } from '../../../shared/forms/engine.ts';
import { referralFormDefaults } from '../../../shared/referrals.ts';
import type { Context } from '../../platform/context.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import * as q from './queries.ts';

/** A form's questions, and the template version they were copied from, if any. */
export interface Questions {
  definition: FormDefinition;
  templateId: string | null;
  templateVersionId: string | null;
}

/** The one section a form built from a list of questions (or none) asks them in. */
export const concernSectionTitle = 'Your concern';

/**
 * A form's own definition of a template's: the questions' wording, options, required and
 * conditions, nothing about scoring (zod drops the options' scores, the bank's links, the bands).
 */
export function plainDefinition(definition: Sections): FormDefinition {
  return formDefinition.parse({ sections: definition.sections });
}

/** Definitions compare equal when they ask the same: parsing puts every key in the schema's order. */
export const sameQuestions = (a: FormDefinition, b: FormDefinition) => JSON.stringify(plainDefinition(a)) === JSON.stringify(plainDefinition(b));

/** The public answers for themselves: a question asked of each family member has no members to ask about. */
function familyGrids(definition: FormDefinition): { at: string; question: FormQuestion }[] {
  return definition.sections.flatMap((section, s) => section.questions.flatMap((question, i) => (question.kind === 'family_grid'
    ? [{ at: `definition.sections.${s}.questions.${i}`, question }]
    : [])));
}

const familyProblem = 'asks about each family member, which a referral form cannot: the person filling it in has no family members to choose from';

/**
 * Checks a form's own questions, reporting problems where the body put them: `field` is
 * `questions` (one section) or `sections`.
 */
function ownQuestions(definition: FormDefinition, field: 'questions' | 'sections'): Questions {
  const prefix = field === 'questions' ? /^definition\.sections\.0\.questions/ : /^definition\.sections/;
  const problems: FieldProblem[] = [
    ...familyGrids(definition).map(({ at }) => ({ field: `${at}.kind`, problem: familyProblem })),
    ...formDefinitionProblems(definition),
  ].map((p) => ({ ...p, field: p.field.replace(prefix, field) }));
  if (problems.length > 0) throw new ValidationError(problems);
  return { definition, templateId: null, templateVersionId: null };
}

export const fromQuestions = (questions: FormQuestion[]) => ownQuestions({ sections: [{ title: concernSectionTitle, questions }] }, 'questions');
export const fromSections = (sections: FormSection[]) => ownQuestions({ sections }, 'sections');

/** A form that asks only what the concern is. */
export function concernOnly(): Questions {
  return { definition: { sections: [{ title: concernSectionTitle, questions: [formQuestion.parse(referralFormDefaults.concernQuestion)] }] }, templateId: null, templateVersionId: null };
}

/**
 * A template's questions and, unless it asks already, what the concern is in the referrer's own
 * words (optional, so the template's questions stay the ones that must be answered): an assessment
 * tool alone would leave the case's first report without them.
 */
export function withConcern(definition: FormDefinition): FormDefinition {
  if (definition.sections.some((section) => section.questions.some((question) => question.key === referralFormDefaults.concernQuestion.key))) return definition;
  const concern = formQuestion.parse({ ...referralFormDefaults.concernQuestion, required: false });
  return { sections: [...definition.sections, { title: concernSectionTitle, questions: [concern] }] };
}

/**
 * The questions of an assessment template of the partnership as its current version asks them,
 * with the concern in the referrer's words, so an accepted referral's answers become an
 * assessment made with that version and its first report holds what they said.
 */
export async function fromTemplate(ctx: Context, key: string): Promise<Questions> {
  const template = await q.currentTemplate(ctx.tx, ctx.actor.partnershipId, key);
  if (!template) throw new ValidationError([{ field: 'templateKey', problem: 'is not the key of an assessment template of your partnership' }]);
  if (template.status !== 'active') throw new ValidationError([{ field: 'templateKey', problem: 'is a retired template; bring it back or choose another' }]);
  const definition = withConcern(plainDefinition(template.definition));
  const grids = familyGrids(definition);
  if (grids.length > 0) throw new ValidationError([{ field: 'templateKey', problem: `has a question that ${familyProblem} ("${grids[0]!.question.text}")` }]);
  return { definition, templateId: template.id, templateVersionId: template.versionId };
}

/** A form's questions come from one place: its own list, its own sections, or a template. */
export function oneSource(body: { questions?: unknown; sections?: unknown; templateKey?: unknown }): void {
  const given = (['questions', 'sections', 'templateKey'] as const).filter((field) => body[field] !== undefined && body[field] !== null);
  if (given.length > 1) {
    throw new ValidationError(given.map((field) => ({ field, problem: `cannot be given with ${given.filter((f) => f !== field).join(' or ')}: give the questions one way` })));
  }
}
