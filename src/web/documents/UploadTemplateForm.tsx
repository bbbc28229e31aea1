import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Autocomplete, FileInput, Textarea, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { documentRules, template as templateSchema, uploadTemplateQuery } from '../../shared/api/documents.ts';
import { get } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { acceptedTypesText, documentKeys, formatBytes, postFile } from './api.ts';

const labels = { fileName: 'File', folder: 'Folder', title: 'Title', description: 'Description' };

/** Adding a letter, form or agreement to the partnership's template library. */
export function UploadTemplateForm({ folders, onDone }: { folders: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: documentKeys.rules, queryFn: () => get('/document-rules', documentRules), staleTime: Infinity });
  const [file, setFile] = useState<File | null>(null);
  const [folder, setFolder] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: ({ query, file }: { query: z.infer<typeof uploadTemplateQuery>; file: File }) => postFile('/templates', query, file, templateSchema),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
      notifySaved(`“${saved.title}” added to the library.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!file) problems.fileName = 'Choose a file to upload';
    else if (rules.data && file.size > rules.data.maxBytes) problems.fileName = `The file is ${formatBytes(file.size)}: the most you can upload is ${formatBytes(rules.data.maxBytes)}`;
    const query = errors.check(uploadTemplateQuery, { fileName: file?.name ?? 'none', folder, title, description: description || undefined });
    if (Object.keys(problems).length > 0) {
      errors.setFieldErrors((current) => ({ ...current, ...problems }));
      return;
    }
    if (query && file) save.mutate({ query, file });
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <FileInput
        label="File"
        description={rules.data ? `${acceptedTypesText(rules.data.allowedTypes)}, up to ${formatBytes(rules.data.maxBytes)}.` : undefined}
        placeholder="Choose a file"
        accept={rules.data?.allowedTypes.join(',')}
        value={file}
        onChange={setFile}
        error={errors.fieldErrors.fileName}
        required
        clearable
      />
      <Autocomplete label="Folder" description="For example Letters, Consent forms or Agreements." data={folders} value={folder} onChange={setFolder} error={errors.fieldErrors.folder} required maxLength={100} />
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.fieldErrors.title} required maxLength={200} />
      <Textarea label="Description" description="When to use it." value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.fieldErrors.description} autosize minRows={2} maxLength={2000} />
      <FormButtons submitLabel="Add to the library" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
