import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Autocomplete, Radio, Select, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import { copyTemplateBody, document as documentSchema, templateList } from '../../shared/api/documents.ts';
import { visibilities, visibilityLabels, type Visibility } from '../../shared/work.ts';
import { call, get } from '../api/client.ts';
import { Form, FormButtons } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import type { RecordPath } from '../records/kinds.ts';
import { templateKeys } from './api.ts';

const labels = { templateId: 'Template', folder: 'Folder', visibility: 'Who can read it' };

/** Adding a copy of a letter, form or agreement from the partnership's template library to the record. */
export function FromTemplateForm({ kind, id, folders, onDone }: { kind: RecordPath; id: string; folders: string[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const library = useQuery({ queryKey: templateKeys.list(false), queryFn: () => get('/templates', templateList) });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const errors = useFieldErrors(labels);
  const save = useMutation({
    mutationFn: (body: z.infer<typeof copyTemplateBody>) => call('POST', `/${kind}/${id}/documents/from-template`, documentSchema, { body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifySaved(`A copy of “${saved.title ?? 'the template'}” was added.`);
      onDone();
    },
    onError: (error) => errors.fromServer(error),
  });

  const templates = library.data?.items ?? [];
  const options = (library.data?.folders ?? []).map((group) => ({
    group,
    items: templates.filter((t) => t.folder === group).map((t) => ({ value: t.id, label: t.title })),
  }));
  const submit = () => {
    const body = errors.check(copyTemplateBody, { templateId: templateId ?? '', folder: folder || undefined, visibility }, { templateId: 'Choose a template' });
    if (body) save.mutate(body);
  };

  return (
    <Form onSubmit={submit}>
      <QueryStatus isPending={library.isPending} error={library.error} onRetry={() => void library.refetch()} label="Loading the template library" />
      {library.data && templates.length === 0 && <Text>The template library is empty. Your organisation's administrators add templates to it.</Text>}
      <FormAlert error={save.error} fieldErrors={errors.fieldErrors} />
      <Select
        label="Template"
        placeholder="Choose a template"
        data={options}
        value={templateId}
        onChange={setTemplateId}
        error={errors.fieldErrors.templateId}
        searchable
        required
      />
      <Autocomplete
        label="Folder"
        description="Left blank, the copy goes in the template's own folder."
        data={folders}
        value={folder}
        onChange={setFolder}
        error={errors.fieldErrors.folder}
        maxLength={100}
      />
      <Radio.Group label="Who can read it" value={visibility} onChange={(v) => setVisibility(v as Visibility)}>
        <Stack gap="xs" mt="xs">
          {visibilities.map((v) => <Radio key={v} value={v} label={visibilityLabels[v]} />)}
        </Stack>
      </Radio.Group>
      <FormButtons submitLabel="Add a copy" pending={save.isPending} onCancel={onDone} />
    </Form>
  );
}
