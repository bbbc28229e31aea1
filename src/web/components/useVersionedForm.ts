import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/errors.ts';

/**
 * The state of a form that edits a versioned record. The form sends the version it was loaded
 * with; when someone else saved first (409), it keeps the other person's record beside the
 * form so the screen can show what changed, and never overwrites it without the person choosing.
 */
export function useVersionedForm<R extends { version: number }, V extends object>(
  record: R,
  toValues: (record: R) => V,
  schema: z.ZodType<R>,
) {
  const [base, setBase] = useState(record);
  const [values, setValues] = useState(() => toValues(record));
  const [theirs, setTheirs] = useState<R | null>(null);

  return {
    /** The record the form is based on; its version goes with the next save. */
    base,
    values,
    setValues,
    set: <K extends keyof V>(field: K, value: V[K]) => setValues((v) => ({ ...v, [field]: value })),
    /** The other person's record after a conflict, until the person decides what to do. */
    theirs,
    /** Call with a failed save's error; returns true when it was a conflict. */
    noticeConflict(error: unknown): boolean {
      if (!isApiError(error, 'conflict')) return false;
      const current = schema.safeParse(error.currentRecord);
      if (current.success) setTheirs(current.data);
      return current.success;
    },
    /** Start again from their record: the person then re-applies their own changes. */
    takeTheirs() {
      if (!theirs) return;
      setBase(theirs);
      setValues(toValues(theirs));
      setTheirs(null);
    },
    /**
     * Their record with this person's own edits on top (only the fields they changed), based on
     * the latest version; they still choose whether to save.
     */
    keepMine() {
      if (!theirs) return;
      const loaded = toValues(base);
      const merged = toValues(theirs);
      for (const field of Object.keys(merged) as (keyof V)[]) {
        if (values[field] !== loaded[field]) merged[field] = values[field];
      }
      setBase(theirs);
      setValues(merged);
      setTheirs(null);
    },
  };
}
