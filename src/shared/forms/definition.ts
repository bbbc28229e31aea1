/**
 * A form's definition: sections of questions, each of a kind, with its options, whether it is
 * required and when it is shown. The same definition serves any form a person fills in (an
 * assessment, and in time a referral, a panel's research or a scheme application); what the
 * answers then mean (an assessment's score) is the business of whatever builds on it.
 */
import { z } from 'zod';
import { optionalText, text, uuid } from '../api/common.ts';
import { maxTextAnswer, questionKinds } from './questions.ts';

/** Question keys name answers in the API (`answers: {frequency: "3"}`), so they are short and stable. */
export const questionKey = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'must be lower-case letters, digits, - or _ (at most 60)');

/** One of a choice question's options: the value stored as the answer, and the words shown. */
export const formOption = z.object({
  value: z.string().trim().min(1, 'must not be blank').max(60),
  label: text(300),
});
export type FormOption = z.infer<typeof formOption>;

export const scaleRange = z.object({ min: z.number().int().min(-100).max(100), max: z.number().int().min(-100).max(100) });
export type ScaleRange = z.infer<typeof scaleRange>;

/** Shown only when an earlier question's answer is one of `values`. */
export const questionCondition = z.object({ questionKey, values: z.array(z.string().max(60)).min(1).max(30) });
export type QuestionCondition = z.infer<typeof questionCondition>;

export const formQuestion = z.object({
  key: questionKey,
  text: text(1000),
  guidance: optionalText(2000).default(null),
  kind: z.enum(questionKinds),
  options: z.array(formOption).max(30).default([]),
  scale: scaleRange.nullable().default(null),
  required: z.boolean().default(false),
  condition: questionCondition.nullable().default(null),
});
export type FormQuestion = z.infer<typeof formQuestion>;

/** A titled section holding questions of the given schema (a form's own, or ones that add to it, such as an assessment's scored questions). */
export const sectionOf = <Q extends z.ZodType>(question: Q) => z.object({ title: text(200), questions: z.array(question).min(1).max(100) });
/** A form's sections, in order. */
export const sectionsOf = <S extends z.ZodType>(section: S) => z.array(section).min(1).max(30);

export const formSection = sectionOf(formQuestion);
export type FormSection = z.infer<typeof formSection>;

export const formDefinition = z.object({ sections: sectionsOf(formSection) });
export type FormDefinition = z.infer<typeof formDefinition>;

/** What the engine needs of a definition; any form question will do, so functions hand back the caller's own kind of question. */
export interface Sections<Q extends FormQuestion = FormQuestion> {
  sections: readonly { readonly questions: readonly Q[] }[];
}

/**
 * An answer: the option's value for yes/no and single choice, an array of values for multiple
 * choice, a number for a scale or number, a YYYY-MM-DD date, text, or for a family grid an object
 * of profile id to option value.
 */
export const answerValue = z.union([
  z.string().max(maxTextAnswer),
  z.number().finite(),
  z.array(z.string().max(60)).max(30),
  z.record(z.string().max(60), z.string().max(60)),
]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answers = z.record(z.string().max(60), answerValue);
export type Answers = z.infer<typeof answers>;

/** Someone a family grid asks about: one answer each. */
export const familyMember = z.object({ profileId: uuid, name: z.string(), relationship: z.string() });
export type FamilyMember = z.infer<typeof familyMember>;
