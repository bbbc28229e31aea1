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
     * select left empty ("Choose a team"), which reads better than the schema's "Invalid UUID".
     */
    check<S extends z.ZodType>(schema: S, input: Record<string, unknown>, choices: Record<string, string> = {}): z.infer<S> | null {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const errors = fieldErrorsFromIssues(parsed.error.issues, labels);
        for (const [field, message] of Object.entries(choices)) {
          if (errors[field] && !input[field]) errors[field] = message;
        }
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
