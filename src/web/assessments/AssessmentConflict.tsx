import type { AnswerValue, Assessment, FamilyMember, TemplateDefinition } from '../../shared/api/assessments.ts';
import { visibilityLabels, type Visibility } from '../../shared/work.ts';
import type { ComparedField } from '../components/changes.ts';
import { ConflictNotice } from '../components/ConflictNotice.tsx';
import { answerText } from './AnswerText.ts';
import type { DraftAnswers, DraftState } from './AssessmentDraftState.ts';

type Compared = Record<string, unknown>;

const asCompared = (answers: DraftAnswers, visibility: Visibility): Compared => ({ visibility, ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`answers.${k}`, v])) });
const ofRecord = (a: Assessment): Compared => asCompared(a.answers ?? {}, a.visibility ?? 'shared');

interface Props {
  state: DraftState;
  template: TemplateDefinition;
  members: FamilyMember[];
}

/** Someone in the team saved this draft first: their answers beside this person's, question by question. */
export function AssessmentConflict({ state, template, members }: Props) {
  if (!state.theirs) return null;
  const fields: ComparedField<Compared>[] = [
    { key: 'visibility', label: 'Who can read it', show: (v) => visibilityLabels[v as Visibility] },
    ...template.sections.flatMap((s) => s.questions).map((q) => ({
      key: `answers.${q.key}`,
      label: q.text,
      show: (v: unknown) => answerText(q, (v ?? null) as AnswerValue | null, members),
    })),
  ];
  return (
    <ConflictNotice
      fields={fields}
      loaded={ofRecord(state.base)}
      mine={asCompared(state.answers, state.visibility)}
      theirs={ofRecord(state.theirs)}
      onUseTheirs={state.takeTheirs}
      onKeepMine={state.keepMine}
    />
  );
}
