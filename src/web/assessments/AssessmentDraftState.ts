import { useState } from 'react';
import { assessment as assessmentSchema, type AnswerValue, type Answers, type Assessment } from '../../shared/api/assessments.ts';
import type { Visibility } from '../../shared/work.ts';
import { isApiError } from '../api/errors.ts';

export type DraftAnswers = Record<string, AnswerValue | null>;

const answersOf = (a: Assessment): Answers => a.answers ?? {};
const visibilityOf = (a: Assessment): Visibility => a.visibility ?? 'shared';

/** The keys whose answer this person changed since the draft was loaded (a cleared answer counts). */
function changedKeys(mine: DraftAnswers, loaded: Answers): string[] {
  const keys = new Set([...Object.keys(mine), ...Object.keys(loaded)]);
  return [...keys].filter((k) => JSON.stringify(mine[k] ?? null) !== JSON.stringify(loaded[k] ?? null));
}

/**
 * A draft's answers as this person edits them. A save sends only the answers they changed, with
 * the version they were based on; when someone in the team saved first (409), their draft is kept
 * beside this one until the person chooses, answer by answer rather than all or nothing.
 */
export function useDraftState(record: Assessment) {
  const [base, setBase] = useState(record);
  const [answers, setAnswers] = useState<DraftAnswers>(() => ({ ...answersOf(record) }));
  const [visibility, setVisibility] = useState<Visibility>(() => visibilityOf(record));
  const [theirs, setTheirs] = useState<Assessment | null>(null);

  const changed = changedKeys(answers, answersOf(base));
  return {
    base,
    answers,
    visibility,
    setVisibility,
    theirs,
    /** The answers that count for showing and scoring: cleared ones left out. */
    given: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)) as Answers,
    dirty: changed.length > 0 || visibility !== visibilityOf(base),
    /** The answers this person changed and has not saved, a cleared one as null. */
    unsaved: Object.fromEntries(changed.map((k) => [k, answers[k] ?? null])) as DraftAnswers,
    answer: (key: string, value: AnswerValue | null) => setAnswers((a) => ({ ...a, [key]: value })),
    /** The PATCH body: only what changed, null clearing an answer. */
    body() {
      const body: { version: number; answers?: DraftAnswers; visibility?: Visibility } = { version: base.version };
      if (changed.length > 0) body.answers = Object.fromEntries(changed.map((k) => [k, answers[k] ?? null]));
      if (visibility !== visibilityOf(base)) body.visibility = visibility;
      return body;
    },
    /** After a save: the saved draft is the new starting point. */
    saved(next: Assessment) {
      setBase(next);
      setAnswers({ ...answersOf(next) });
      setVisibility(visibilityOf(next));
      setTheirs(null);
    },
    noticeConflict(error: unknown): boolean {
      if (!isApiError(error, 'conflict')) return false;
      const current = assessmentSchema.safeParse(error.currentRecord);
      if (current.success) setTheirs(current.data);
      return current.success;
    },
    takeTheirs() {
      if (!theirs) return;
      setBase(theirs);
      setAnswers({ ...answersOf(theirs) });
      setVisibility(visibilityOf(theirs));
      setTheirs(null);
    },
    keepMine() {
      if (!theirs) return;
      const merged: DraftAnswers = { ...answersOf(theirs) };
      for (const k of changed) merged[k] = answers[k] ?? null;
      setBase(theirs);
      setAnswers(merged);
      if (visibility === visibilityOf(base)) setVisibility(visibilityOf(theirs));
      setTheirs(null);
    },
  };
}

export type DraftState = ReturnType<typeof useDraftState>;
