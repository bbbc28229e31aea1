import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Autocomplete, Textarea, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { template as templateSchema, updateTemplateBody, type Template } from '../../shared/api/documents.ts';
import { call } from '../api/client.ts';
import type { ComparedField } from '../components/changes.ts';
import { EditFormAlerts } from '../components/EditFormAlerts.tsx';
import { Form, FormButtons } from '../components/Form.tsx';
import { changedFields } from '../components/forms.ts';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { useVersionedForm } from '../components/useVersionedForm.ts';

interface Values {
  title: string;
  folder: string;
  description: string;
}

const labels = { title: 'Title', folder: 'Folder', description: 'Description' };
const compared: ComparedField<Values>[] = [{ key: 'title', label: 'Title' }, { key: 'folder', label: 'Folder' }, { key: 'description', label: 'Description' }];
const valuesOf = (t: Template): Values => ({ title: t.title, folder: t.folder, description: t.description ?? '' });

/** Renaming, moving or describing a template; someone else's change meanwhile is shown, never overwritten. */
export function EditTemplateForm({ template, folders, onDone }: { template: Template; folders: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useVersionedForm(template, valuesOf, templateSchema);
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: (body: z.infer<typeof updateTemplateBody>) => call('PATCH', `/templates/${template.id}`, templateSchema, { body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
      notifySaved(`“${saved.title}” saved.`);
      onDone();
    },
    onError: (error) => {
      if (!form.noticeConflict(error)) errors.fromServer(error);
    },
  });

  const submit = () => {
    const changes = changedFields({ ...form.values }, { ...valuesOf(form.base) }, form.base.version);
    if (Object.keys(changes).length === 1) {
      onDone();
      return;
    }
    const body = errors.check(updateTemplateBody, changes);
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <EditFormAlerts form={form} save={save} fields={compared} valuesOf={valuesOf} fieldErrors={errors.fieldErrors} />
      <TextInput label="Title" value={form.values.title} onChange={(e) => form.set('title', e.currentTarget.value)} error={errors.fieldErrors.title} required maxLength={200} />
      <Autocomplete label="Folder" data={folders} value={form.values.folder} onChange={(v) => form.set('folder', v)} error={errors.fieldErrors.folder} required maxLength={100} />
      <Textarea label="Description" value={form.values.description} onChange={(e) => form.set('description', e.currentTarget.value)} error={errors.fieldErrors.description} autosize minRows={2} maxLength={2000} />
      <FormButtons submitLabel="Save" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
