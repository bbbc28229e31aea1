import { useRef, useState } from 'react';
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

/** What a save sent: the answers and visibility on screen when it went. */
export interface Sent {
  answers: DraftAnswers;
  visibility: Visibility;
}

/**
 * The answers once a save has come back: the saved ones, except where the person has changed an
 * answer again while the save was on its way.
 */
export function keepTypedSince(sent: DraftAnswers, now: DraftAnswers, saved: Answers): DraftAnswers {
  const kept: DraftAnswers = { ...saved };
  for (const [key, value] of Object.entries(now)) {
    if (JSON.stringify(value ?? null) !== JSON.stringify(sent[key] ?? null)) kept[key] = value;
  }
  return kept;
}

/**
 * A draft's answers as this person edits them. A save sends only the answers they changed, with
 * the version they were based on; when someone in the team saved first (409), their draft is kept
 * beside this one until the person chooses, answer by answer rather than all or nothing.
 */
export function useDraftState(record: Assessment) {
  const [base, setShownBase] = useState(record);
  // For a step that follows a save at once (completing), before the screen has the saved version.
  const latest = useRef(record);
  const setBase = (next: Assessment) => {
    latest.current = next;
    setShownBase(next);
  };
  const [answers, setAnswers] = useState<DraftAnswers>(() => ({ ...answersOf(record) }));
  const [visibility, setVisibility] = useState<Visibility>(() => visibilityOf(record));
  const [theirs, setTheirs] = useState<Assessment | null>(null);

  const changed = changedKeys(answers, answersOf(base));
  return {
    base,
    latest: () => latest.current,
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
    sent: (): Sent => ({ answers, visibility }),
    /** After a save: the saved draft is the new starting point, with what was changed since on top. */
    saved(next: Assessment, sent: Sent) {
      setBase(next);
      setAnswers((now) => keepTypedSince(sent.answers, now, answersOf(next)));
      setVisibility((now) => (now === sent.visibility ? visibilityOf(next) : now));
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
