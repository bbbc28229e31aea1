import type { ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../api/client.ts';
import { ConflictNotice } from '../components/ConflictNotice.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';
import { NameForm } from './NameForm.tsx';

interface Named {
  id: string;
  name: string;
  version: number;
}

interface Props<R extends Named> {
  record: R;
  /** The record's API path, e.g. `/teams/<id>`. */
  path: string;
  reply: z.ZodType<R>;
  body: z.ZodType<{ version: number; name?: string }>;
  label: string;
  /** What the record is, for the confirmation: "Team". */
  noun: string;
  /** Lists that show the name and must refresh once it changes. */
  invalidates: string[];
  onDone: () => void;
  children?: ReactNode;
}

/** Renames a versioned record; a save that crossed with someone else's shows both names to choose from. */
export function EditNameForm<R extends Named>({ record, path, reply, body, label, noun, invalidates, onDone, children }: Props<R>) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(record, (r) => ({ name: r.name }), reply);
  const errors = useFieldErrors({ name: label });
  const save = useMutation({
    mutationFn: (values: { version: number; name?: string }) => call('PATCH', path, reply, { body: values }),
    onSuccess: (saved) => {
      for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: [key] });
      notifySaved(`${noun} “${saved.name}” saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });
  return (
    <NameForm
      name={form.values.name}
      onNameChange={(name) => form.set('name', name)}
      label={label}
      submitLabel="Save"
      pending={save.isPending}
      error={form.theirs ? null : save.error}
      fieldErrors={errors.fieldErrors}
      onSubmit={() => {
        const values = errors.check(body, { version: form.base.version, name: form.values.name });
        if (values) save.mutate(values);
      }}
      onCancel={onDone}
    >
      {children}
      {form.theirs && (
        <ConflictNotice
          fields={[{ key: 'name', label }]}
          loaded={{ name: form.base.name }}
          mine={form.values}
          theirs={{ name: form.theirs.name }}
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
    </NameForm>
  );
}
