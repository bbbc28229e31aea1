import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Autocomplete, FileInput, Radio, Stack, TextInput } from '@mantine/core';
import { document as documentSchema, uploadDocumentQuery, type documentRules } from '../../shared/api/documents.ts';
import { visibilities, visibilityLabels, type Visibility } from '../../shared/work.ts';
import type { z } from 'zod';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import type { RecordPath } from '../records/kinds.ts';
import { acceptedTypesText, formatBytes, postFile } from './api.ts';

const labels = { fileName: 'File', folder: 'Folder', title: 'Title', visibility: 'Who can read it' };

interface Props {
  kind: RecordPath;
  id: string;
  rules: z.infer<typeof documentRules>;
  folders: string[];
  onDone: () => void;
}

/** Uploading a document to a record: the file, the folder it goes in, its title and who may read it. */
export function UploadDocumentForm({ kind, id, rules, folders, onDone }: Props) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [folder, setFolder] = useState('');
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: ({ query, file }: { query: z.infer<typeof uploadDocumentQuery>; file: File }) => postFile(`/${kind}/${id}/documents`, query, file, documentSchema),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifySaved(`“${saved.title ?? 'Document'}” uploaded.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const submit = () => {
    if (!file) {
      errors.setFieldErrors({ fileName: 'Choose a file to upload' });
      return;
    }
    if (file.size > rules.maxBytes) {
      errors.setFieldErrors({ fileName: `The file is ${formatBytes(file.size)}: the most you can upload is ${formatBytes(rules.maxBytes)}` });
      return;
    }
    const query = errors.check(uploadDocumentQuery, { fileName: file.name, folder, title: title || undefined, visibility });
    if (query) save.mutate({ query, file });
  };

  return (
    <Form onSubmit={submit}>
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <FileInput
        label="File"
        description={`${acceptedTypesText(rules.allowedTypes)}, up to ${formatBytes(rules.maxBytes)}.${rules.virusScanning ? ' Every file is checked for viruses.' : ''}`}
        placeholder="Choose a file"
        accept={rules.allowedTypes.join(',')}
        value={file}
        onChange={setFile}
        error={errors.fieldErrors.fileName}
        required
        clearable
      />
      <Autocomplete
        label="Folder"
        description="Choose a folder already used on this record, or type a new one. Left blank, it goes in General."
        data={folders}
        value={folder}
        onChange={setFolder}
        error={errors.fieldErrors.folder}
        maxLength={100}
      />
      <TextInput
        label="Title"
        description="Left blank, the file's name is used."
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.fieldErrors.title}
        maxLength={200}
      />
      <Radio.Group label="Who can read it" value={visibility} onChange={(v) => setVisibility(v as Visibility)} error={errors.fieldErrors.visibility}>
        <Stack gap="xs" mt="xs">
          {visibilities.map((v) => <Radio key={v} value={v} label={visibilityLabels[v]} />)}
        </Stack>
      </Radio.Group>
      <FormButtons submitLabel="Upload" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
