/**
 * The vocabulary of a form's questions: the kinds there are, and the limits their answers keep.
 * The same words in the database, the API and the screen.
 */

export const questionKinds = ['yes_no', 'single_choice', 'multiple_choice', 'scale', 'number', 'date', 'text', 'family_grid'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = {
  yes_no: 'Yes or no',
  single_choice: 'One choice',
  multiple_choice: 'Several choices',
  scale: 'A rating on a scale',
  number: 'A number',
  date: 'A date',
  text: 'Free text',
  family_grid: 'One answer for each family member',
};

/** Kinds whose answers come from the question's options. */
export const choiceKinds: readonly QuestionKind[] = ['yes_no', 'single_choice', 'multiple_choice', 'family_grid'];

/** Kinds a condition may depend on: those answered by choosing options once (not a family grid, answered per member). */
export const conditionKinds: readonly QuestionKind[] = ['yes_no', 'single_choice', 'multiple_choice'];

/** The rating range of a scale question that gives none. */
export const defaultScale = { min: 1, max: 10 } as const;

/** The longest free-text answer. */
export const maxTextAnswer = 10_000;
