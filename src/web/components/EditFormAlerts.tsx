import type { ComparedField } from './changes.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { FormAlert } from './FormAlert.tsx';
import type { FieldErrors } from './forms.ts';

interface Props<R, V> {
  /** The state from useVersionedForm. */
  form: { base: R; values: V; theirs: R | null; takeTheirs: () => void; keepMine: () => void };
  save: { error: unknown; reset: () => void };
  fields: ComparedField<V>[];
  /** How a record becomes the form's values, to compare theirs with what was loaded. */
  valuesOf: (record: R) => V;
  fieldErrors: FieldErrors;
}

/**
 * What an edit form shows above its fields: the reason a save failed, or, when someone else
 * saved first, their changes beside this person's with the choice of what to do.
 */
export function EditFormAlerts<R, V>({ form, save, fields, valuesOf, fieldErrors }: Props<R, V>) {
  return (
    <>
      <FormAlert error={form.theirs ? null : save.error} fieldErrors={fieldErrors} />
      {form.theirs && (
        <ConflictNotice
          fields={fields}
          loaded={valuesOf(form.base)}
          mine={form.values}
          theirs={valuesOf(form.theirs)}
          onUseTheirs={() => {
            form.takeTheirs();
            save.reset();
          }}
          onKeepMine={() => {
            form.keepMine();
            save.reset();
          }}
        />
      )}
    </>
  );
}
