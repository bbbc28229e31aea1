/**
 * What each page's fields are, as the options of GOV.UK Frontend's macros (`field.njk` calls the
 * macro). Question wording, hints and values go in as `text` or values, which the macros escape;
 * only HTML rendered from our own templates goes in as `html`.
 */
import type { FormDefinition, FormQuestion } from '../../../../shared/forms/definition.ts';
import { maxTextAnswer } from '../../../../shared/forms/questions.ts';
import { dateOfBirthFields } from './people.ts';
import { fieldOf, scaleAsRadios, scaleOf, sectionPlan, typedAnswers, type PageProblem, type Shown } from './questions.ts';
import { many, one, type Entered } from './state.ts';

type Macro = 'input' | 'radios' | 'checkboxes' | 'dateInput' | 'characterCount' | 'fieldset';

export interface FieldView {
  macro: Macro;
  params: Record<string, unknown>;
  /** Fields shown under one answer of a radio or checkbox field. */
  reveals?: { value: string; fields: FieldView[] }[];
  /** The fields inside a fieldset. */
  fields?: FieldView[];
}

type Problems = ReadonlyMap<string, string>;

export const problemsById = (problems: PageProblem[]): Problems => new Map(problems.flatMap((p) => (p.id ? [[p.id, p.text] as const] : [])));
const errorOf = (problems: Problems, id: string) => (problems.has(id) ? { errorMessage: { text: problems.get(id) } } : {});

interface InputOptions {
  label: string;
  labelClasses?: string;
  hint?: string;
  classes?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  spellcheck?: boolean;
}

function input(name: string, values: Entered, problems: Problems, o: InputOptions): FieldView {
  return {
    macro: 'input',
    params: {
      id: name,
      name,
      value: one(values[name]),
      label: { text: o.label, ...(o.labelClasses ? { classes: o.labelClasses } : {}) },
      ...(o.hint ? { hint: { text: o.hint } } : {}),
      ...(o.classes ? { classes: o.classes } : {}),
      ...(o.type ? { type: o.type } : {}),
      ...(o.autocomplete ? { autocomplete: o.autocomplete } : {}),
      ...(o.inputmode ? { inputmode: o.inputmode } : {}),
      ...(o.spellcheck === false ? { spellcheck: false } : {}),
      ...errorOf(problems, name),
    },
  };
}

/** "About you": the referrer. Their own details, so the browser may fill them in. */
export function referrerView(values: Entered, problems: Problems, sensitive: boolean): FieldView[] {
  const safe = sensitive ? ' Only give one that is safe for us to use.' : '';
  return [
    input('referrer-name', values, problems, { label: 'Your full name', autocomplete: 'name', spellcheck: false }),
    input('referrer-email', values, problems, {
      label: 'Email address (optional)',
      hint: `We will send your reference number to this address, and tell you when your referral has been looked at.${safe}`,
      type: 'email', autocomplete: 'email', spellcheck: false,
    }),
    input('referrer-phone', values, problems, {
      label: 'Telephone number (optional)', hint: `In case the team needs to ask you something.${safe}`,
      type: 'tel', autocomplete: 'tel', classes: 'govuk-input--width-20',
    }),
    input('referrer-organisation', values, problems, {
      label: 'Organisation (optional)', hint: 'If you are making this referral as part of your work, for example for a school or a housing association', autocomplete: 'organization',
    }),
    input('referrer-relationship', values, problems, { label: 'How do you know the person? (optional)', hint: 'For example, their teacher, neighbour or support worker' }),
  ];
}

function dateInput(name: string, values: Entered, problems: Problems, legend: string, legendClasses: string, hint: string): FieldView {
  const hasError = problems.has(`${name}-day`);
  return {
    macro: 'dateInput',
    params: {
      id: name,
      namePrefix: name,
      fieldset: { legend: { text: legend, classes: legendClasses } },
      hint: { text: hint },
      items: (['day', 'month', 'year'] as const).map((part) => ({
        name: part,
        value: one(values[`${name}-${part}`]),
        classes: `govuk-input--width-${part === 'year' ? 4 : 2}${hasError ? ' govuk-input--error' : ''}`,
      })),
      ...(hasError ? { errorMessage: { text: problems.get(`${name}-day`) } } : {}),
    },
  };
}

/** "About the person": someone else's details, so nothing the browser knows of its owner is offered. */
export function subjectView(values: Entered, problems: Problems): FieldView[] {
  const [dob] = dateOfBirthFields;
  return [
    input('subject-first-name', values, problems, { label: 'First name', autocomplete: 'off', spellcheck: false }),
    input('subject-last-name', values, problems, { label: 'Last name', autocomplete: 'off', spellcheck: false }),
    dateInput(dob!.replace(/-day$/, ''), values, problems, 'Date of birth (optional)', 'govuk-fieldset__legend--s', 'For example, 27 3 2007. Leave it blank if you do not know it.'),
    {
      macro: 'fieldset',
      params: { legend: { text: 'Address (optional)', classes: 'govuk-fieldset__legend--s' } },
      fields: [
        input('subject-address-line-1', values, problems, { label: 'Address line 1', autocomplete: 'off' }),
        input('subject-address-line-2', values, problems, { label: 'Address line 2 (optional)', autocomplete: 'off' }),
        input('subject-town', values, problems, { label: 'Town or city', autocomplete: 'off', classes: 'govuk-!-width-two-thirds' }),
        input('subject-postcode', values, problems, { label: 'Postcode', autocomplete: 'off', classes: 'govuk-input--width-10' }),
      ],
    },
    input('subject-phone', values, problems, { label: 'Telephone number (optional)', type: 'tel', autocomplete: 'off', classes: 'govuk-input--width-20' }),
  ];
}

/** The hint: when a question is asked, the form's guidance, and how to answer. */
const hintText = (question: FormQuestion, askedIf: string | null, extra?: string) => [askedIf, question.guidance, extra].filter(Boolean).join(' ');

function hintOf(question: FormQuestion, askedIf: string | null, extra?: string): Record<string, unknown> {
  const text = hintText(question, askedIf, extra);
  return text ? { hint: { text } } : {};
}

function questionView(shown: Shown, values: Entered, problems: Problems, nested: boolean): FieldView {
  const { question, askedIf } = shown;
  const name = fieldOf(question.key);
  const size = nested ? 's' : 'm';
  const legend = { legend: { text: question.text, classes: `govuk-fieldset__legend--${size}` } };
  const label = { label: { text: question.text, classes: `govuk-label--${size}` } };
  const number = { label: question.text, labelClasses: `govuk-label--${size}`, inputmode: 'numeric', spellcheck: false };
  const reveals = shown.reveals.map((r) => ({ value: r.value, fields: r.shown.map((s) => questionView(s, values, problems, true)) }));
  const error = errorOf(problems, name);
  switch (question.kind) {
    case 'yes_no':
    case 'single_choice':
      return {
        macro: 'radios',
        params: {
          name, idPrefix: name, value: one(values[name]), fieldset: legend, ...hintOf(question, askedIf), ...error,
          // GOV.UK: no inline radios with a conditional reveal, nor with more than two answers.
          ...(question.kind === 'yes_no' && reveals.length === 0 ? { classes: 'govuk-radios--inline' } : {}),
          items: question.options.map((o) => ({ value: o.value, text: o.label })),
        },
        reveals,
      };
    case 'multiple_choice':
      return {
        macro: 'checkboxes',
        params: {
          name, idPrefix: name, values: many(values[name]), fieldset: legend, ...hintOf(question, askedIf, 'Select all that apply.'), ...error,
          items: question.options.map((o) => ({ value: o.value, text: o.label })),
        },
        reveals,
      };
    case 'scale': {
      const { min, max } = scaleOf(question);
      const range = `From ${min} (lowest) to ${max} (highest).`;
      if (!scaleAsRadios(question)) {
        return input(name, values, problems, { ...number, hint: hintText(question, askedIf, range), classes: 'govuk-input--width-4' });
      }
      return {
        macro: 'radios',
        params: {
          name, idPrefix: name, value: one(values[name]), fieldset: legend, classes: 'govuk-radios--inline', ...hintOf(question, askedIf, range), ...error,
          items: Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), text: String(min + i) })),
        },
      };
    }
    case 'number':
      return input(name, values, problems, { ...number, hint: hintText(question, askedIf), classes: 'govuk-input--width-10' });
    case 'date':
      return dateInput(name, values, problems, question.text, `govuk-fieldset__legend--${size}`, hintText(question, askedIf, 'For example, 27 3 2024.'));
    default:
      return {
        macro: 'characterCount',
        params: { id: name, name, value: one(values[name]), maxlength: maxTextAnswer, rows: 5, ...label, ...hintOf(question, askedIf), ...error },
      };
  }
}

/** A section's page: its questions as `sectionPlan` shows them. */
export function sectionView(definition: FormDefinition, index: number, values: Entered, problems: Problems): FieldView[] {
  return sectionPlan(definition, index, typedAnswers(definition, values)).map((shown) => questionView(shown, values, problems, false));
}
