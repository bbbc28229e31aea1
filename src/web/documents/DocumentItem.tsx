import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Badge, Button, FileButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { document as documentSchema, type Document } from '../../shared/api/documents.ts';
import { visibilityLabels } from '../../shared/work.ts';
import { messageOf } from '../api/errors.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { documentContentUrl, formatBytes, postFile, typeName } from './api.ts';

interface Props {
  document: Document;
  accept: string;
  onPreview: (document: Document) => void;
}

/** One document the person may read: what it is, who added it, its versions, and what they may do with it. */
export function DocumentItem({ document: d, accept, onPreview }: Props) {
  const queryClient = useQueryClient();
  const [showVersions, setShowVersions] = useState(false);
  const title = d.title ?? 'Document';
  const newVersion = useMutation({
    mutationFn: (file: File) => postFile(`/documents/${d.id}/versions`, { fileName: file.name, version: d.version }, file, documentSchema),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifySaved(`Version ${saved.currentVersion} of “${title}” uploaded.`);
    },
  });
  const earlier = d.versions.filter((v) => v.version !== d.currentVersion);

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={600}>{title}</Text>
            <Text size="sm" c="dimmed">
              {typeName(d.contentType)}, {formatBytes(d.byteSize)} · {d.fileName}
              {d.currentVersion > 1 ? ` · version ${d.currentVersion}` : ''}
            </Text>
            <Text size="sm">
              Added by {d.author?.name} ({d.team.name}, {d.organisation.name}) on {formatDate(d.createdAt)}
            </Text>
          </div>
          {d.visibility && d.visibility !== 'shared' && <Badge color="grape" variant="light">{visibilityLabels[d.visibility]}</Badge>}
        </Group>
        {d.description && <Text size="sm">{d.description}</Text>}
        <Group gap="xs">
          {d.previewable && (
            <Button size="xs" variant="default" onClick={() => onPreview(d)} aria-label={`Preview ${title}`}>
              Preview
            </Button>
          )}
          <Button size="xs" variant="default" component="a" href={documentContentUrl(d.id)} aria-label={`Download ${title}`}>
            Download
          </Button>
          {earlier.length > 0 && (
            <Button size="xs" variant="subtle" onClick={() => setShowVersions((s) => !s)} aria-expanded={showVersions}>
              {showVersions ? 'Hide earlier versions' : `Earlier versions (${earlier.length})`}
            </Button>
          )}
          {d.permissions.canChange && (
            <FileButton onChange={(file) => file && newVersion.mutate(file)} accept={accept}>
              {(props) => (
                <Button {...props} size="xs" variant="default" loading={newVersion.isPending} aria-label={`Upload a new version of ${title}`}>
                  Upload a new version
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {showVersions && (
          <List size="sm" aria-label={`Earlier versions of ${title}`}>
            {earlier.map((v) => (
              <List.Item key={v.version}>
                Version {v.version}: {v.fileName}, {formatBytes(v.byteSize)}, by {v.uploadedBy.name} on {formatDateTime(v.uploadedAt)} ·{' '}
                <Anchor href={documentContentUrl(d.id, { version: v.version })}>Download version {v.version}</Anchor>
              </List.Item>
            ))}
          </List>
        )}
        {newVersion.error && (
          <Text size="sm" c="red.9" role="alert">
            {messageOf(newVersion.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
