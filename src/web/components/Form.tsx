import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';

/** A form that checks its own fields (noValidate) and hands over on submit. */
export function Form({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">{children}</Stack>
    </form>
  );
}

interface ButtonsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** For actions that take something away, such as disabling a user. */
  danger?: boolean;
}

export function FormButtons({ submitLabel, pending, onCancel, danger = false }: ButtonsProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending} color={danger ? 'red' : undefined}>
        {submitLabel}
      </Button>
    </Group>
  );
}
