import { useState } from 'react';
import type { z } from 'zod';
import { fieldErrorsFromApi, fieldErrorsFromIssues, type FieldErrors, type Labels } from './forms.ts';

/**
 * Field messages for a form: checked first against the same shared schema the server uses, then
 * filled from the server's own 422 reply.
 */
export function useFieldErrors(labels: Labels) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  return {
    fieldErrors,
    setFieldErrors,
    /**
     * The parsed body, or null after showing what is wrong. `choices` gives the message for each
     * select left empty ("Choose a team"), which reads better than the schema's "Invalid UUID";
     * `explained` a message for a field whose input says more than the schema can (a date typed
     * in three boxes), used whenever it has one.
     */
    check<S extends z.ZodType>(
      schema: S,
      input: Record<string, unknown>,
      choices: Record<string, string> = {},
      explained: Record<string, string | null> = {},
    ): z.infer<S> | null {
      const parsed = schema.safeParse(input);
      const explainedErrors = Object.fromEntries(Object.entries(explained).filter((e): e is [string, string] => e[1] !== null));
      if (!parsed.success || Object.keys(explainedErrors).length > 0) {
        const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, labels);
        for (const [field, message] of Object.entries(choices)) {
          if (errors[field] && !input[field]) errors[field] = message;
        }
        Object.assign(errors, explainedErrors);
        setFieldErrors(errors);
        return null;
      }
      setFieldErrors({});
      return parsed.data;
    },
    fromServer(error: unknown) {
      setFieldErrors(fieldErrorsFromApi(error, labels));
    },
  };
}
