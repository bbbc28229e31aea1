import type { ReactNode } from 'react';
import { TextInput } from '@mantine/core';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import type { FieldErrors } from '../components/forms.ts';

interface Props {
  name: string;
  onNameChange: (name: string) => void;
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  fieldErrors: FieldErrors;
  onSubmit: () => void;
  onCancel: () => void;
  /** Shown above the field, e.g. a conflict notice or the organisation a team belongs to. */
  children?: ReactNode;
}

/** The form for records whose only editable detail is their name: partnerships and teams. */
export function NameForm(props: Props) {
  const { name, onNameChange, label, submitLabel, pending, error, fieldErrors, onSubmit, onCancel, children } = props;
  return (
    <Form onSubmit={onSubmit}>
      <FormAlert error={error} fieldErrors={fieldErrors} />
      {children}
      <TextInput
        label={label}
        value={name}
        onChange={(e) => onNameChange(e.currentTarget.value)}
        error={fieldErrors.name}
        required
        data-autofocus
      />
      <FormButtons submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </Form>
  );
}
