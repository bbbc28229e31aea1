import { Alert, List } from '@mantine/core';
import { messageOf } from '../api/errors.ts';
import type { FieldErrors } from './forms.ts';

interface Props {
  /** The error from the last attempt, if any. */
  error?: unknown;
  fieldErrors?: FieldErrors;
}

/**
 * The summary at the top of a form, announced at once (role=alert); the field messages also sit
 * under the fields themselves, tied to them for screen readers.
 */
export function FormAlert({ error, fieldErrors = {} }: Props) {
  const fields = Object.entries(fieldErrors);
  if (!error && fields.length === 0) return null;
  return (
    <Alert color="red" title="There is a problem" role="alert">
      {error ? messageOf(error) : null}
      {fields.length > 0 && (
        <List size="sm" mt={error ? 'xs' : 0}>
          {fields.map(([field, message]) => (
            <List.Item key={field}>
              {message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
