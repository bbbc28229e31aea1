import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Badge, Button, FileButton, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { template as templateSchema, templateList, type Template } from '../../shared/api/documents.ts';
import { call, get } from '../api/client.ts';
import { formatDate } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { postFile, templateContentUrl, templateKeys, typeName } from './api.ts';
import { EditTemplateForm } from './EditTemplateForm.tsx';
import { UploadTemplateForm } from './UploadTemplateForm.tsx';

/**
 * The partnership's template library: letters, consent forms and agreements that practitioners
 * copy onto records. Retiring a template stops it being offered; copies already made stay.
 */
export function TemplatesPage() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: templateKeys.list(true), queryFn: () => get('/templates?includeRetired=true', templateList) });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Template | null>(null);
  const refresh = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['templates'] });
    notifySaved(message);
  };
  const replace = useMutation({
    mutationFn: ({ template, file }: { template: Template; file: File }) =>
      postFile(`/templates/${template.id}/file`, { fileName: file.name, version: template.version }, file, templateSchema),
    onSuccess: (saved) => refresh(`The file of “${saved.title}” was replaced.`),
  });
  const setActive = useMutation({
    mutationFn: ({ template, active }: { template: Template; active: boolean }) =>
      call('PATCH', `/templates/${template.id}`, templateSchema, { body: { version: template.version, active } }),
    onSuccess: (saved) => refresh(saved.active ? `“${saved.title}” is offered again.` : `“${saved.title}” was retired.`),
  });
  const folders = query.data?.folders ?? [];
  const items = query.data?.items ?? [];

  return (
    <Page title="Templates" actions={<Button onClick={() => setAdding(true)}>Add a template</Button>}>
      <Text>
        Letters, consent forms and agreements that everyone in the partnership can add a copy of to a profile, case or location.
        A retired template is no longer offered; copies already made stay on their records.
      </Text>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading the template library" />
      <FormAlert error={replace.error ?? setActive.error} />
      {query.data && items.length === 0 && <Text>The library is empty. Add the partnership's first template.</Text>}
      {folders.map((folder) => (
        <Stack key={folder} gap="xs">
          <Title order={2} size="h3">{folder}</Title>
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Title</Table.Th>
                  <Table.Th scope="col">File</Table.Th>
                  <Table.Th scope="col">Changed</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.filter((t) => t.folder === folder).map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Th scope="row" fw={400}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>{t.title}</Text>
                        {!t.active && <Badge color="gray">Retired</Badge>}
                      </Group>
                      {t.description && <Text size="xs" c="dimmed">{t.description}</Text>}
                    </Table.Th>
                    <Table.Td>
                      <Anchor href={templateContentUrl(t.id)} aria-label={`Download ${t.title}`}>{t.fileName}</Anchor>
                      <Text size="xs" c="dimmed">{typeName(t.contentType)}</Text>
                    </Table.Td>
                    <Table.Td>{formatDate(t.updatedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(t)} aria-label={`Rename or move ${t.title}`}>Rename or move</Button>
                        <FileButton onChange={(file) => file && replace.mutate({ template: t, file })}>
                          {(props) => (
                            <Button {...props} size="xs" variant="default" aria-label={`Replace the file of ${t.title}`}
                              loading={replace.isPending && replace.variables.template.id === t.id}>
                              Replace file
                            </Button>
                          )}
                        </FileButton>
                        <Button size="xs" variant="default" color={t.active ? 'red' : undefined} onClick={() => setActive.mutate({ template: t, active: !t.active })}
                          aria-label={`${t.active ? 'Retire' : 'Restore'} ${t.title}`}>
                          {t.active ? 'Retire' : 'Restore'}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a template" size="lg">
        {adding && <UploadTemplateForm folders={folders} onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `Change “${editing.title}”` : ''} size="lg">
        {editing && <EditTemplateForm template={editing} folders={folders} onDone={() => setEditing(null)} />}
      </Modal>
    </Page>
  );
}
