import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { documentList, documentRules, type Document } from '../../shared/api/documents.ts';
import { get } from '../api/client.ts';
import { can, useMe } from '../app/session.ts';
import { formatDate } from '../components/format.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { recordNoun, type RecordPath } from '../records/kinds.ts';
import { Section } from '../records/Section.tsx';
import { documentKeys } from './api.ts';
import { DocumentItem } from './DocumentItem.tsx';
import { FromTemplateForm } from './FromTemplateForm.tsx';
import { PreviewModal } from './PreviewModal.tsx';
import { UploadDocumentForm } from './UploadDocumentForm.tsx';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 };

function Restricted({ documents }: { documents: Document[] }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">Restricted documents</Title>
      <Text size="sm">Only their author, or the author's team, can read these.</Text>
      <Stack component="ul" gap="xs" style={listStyle}>
        {documents.map((d) => (
          <Paper component="li" key={d.id} withBorder p="sm" bg="gray.0">
            <Text size="sm">
              A document restricted to {d.visibility === 'private' ? 'its author' : 'its team'}, from {d.team.name} ({d.organisation.name}), added on {formatDate(d.createdAt)}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/**
 * The documents on a profile, case or location, grouped by folder: uploading, previewing PDFs
 * and images, downloading (each one audited), new versions, and copies from the template
 * library. Documents the person may not read show as stubs, so they know to ask.
 */
export function RecordDocuments({ kind, id }: { kind: RecordPath; id: string }) {
  const list = useQuery({ queryKey: documentKeys.record(kind, id), queryFn: () => get(`/${kind}/${id}/documents`, documentList) });
  const rules = useQuery({ queryKey: documentKeys.rules, queryFn: () => get('/document-rules', documentRules), staleTime: Infinity });
  const mayAdd = can(useMe(), 'records.edit');
  const [adding, setAdding] = useState<'upload' | 'template' | null>(null);
  const [preview, setPreview] = useState<Document | null>(null);
  const items = list.data?.items ?? [];
  const folders = list.data?.folders ?? [];
  const readable = items.filter((d) => d.readable);
  const restricted = items.filter((d) => !d.readable);
  const accept = rules.data?.allowedTypes.join(',') ?? '';

  return (
    <Section
      title="Documents"
      actions={mayAdd && (
        <>
          <Button size="xs" onClick={() => setAdding('upload')} disabled={!rules.data}>Upload a document</Button>
          <Button size="xs" variant="default" onClick={() => setAdding('template')}>Add from template library</Button>
        </>
      )}
    >
      <QueryStatus isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} label="Loading documents" />
      {list.data && items.length === 0 && <Text>There are no documents on this {recordNoun(kind)} yet.</Text>}
      {folders.map((folder) => (
        <Stack key={folder} gap="xs">
          <Title order={3} size="h4">{folder}</Title>
          <Stack component="ul" gap="xs" style={listStyle}>
            {readable.filter((d) => d.folder === folder).map((d) => (
              <DocumentItem key={d.id} document={d} accept={accept} onPreview={setPreview} />
            ))}
          </Stack>
        </Stack>
      ))}
      {restricted.length > 0 && <Restricted documents={restricted} />}
      <PreviewModal document={preview} onClose={() => setPreview(null)} />
      <Modal opened={adding === 'upload'} onClose={() => setAdding(null)} title={`Upload a document to this ${recordNoun(kind)}`} size="lg">
        {adding === 'upload' && rules.data && <UploadDocumentForm kind={kind} id={id} rules={rules.data} folders={folders} onDone={() => setAdding(null)} />}
      </Modal>
      <Modal opened={adding === 'template'} onClose={() => setAdding(null)} title="Add from the template library" size="lg">
        {adding === 'template' && <FromTemplateForm kind={kind} id={id} folders={folders} onDone={() => setAdding(null)} />}
      </Modal>
    </Section>
  );
}
