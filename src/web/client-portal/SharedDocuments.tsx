import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { documentList } from '../../shared/api/documents.ts';
import { profilePortalItems, type ProfilePortalItems } from '../../shared/api/portal.ts';
import { call, get } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { formatDateTime } from '../components/format.ts';
import { notifySaved } from '../components/notify.ts';
import { documentKeys, formatBytes, typeName } from '../documents/api.ts';
import { portalKeys } from './keys.ts';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 };

interface Props {
  profileId: string;
  documents: ProfilePortalItems['documents'];
  canEdit: boolean;
}

/** Documents on the profile the client may download in the portal; sharing one is undone by "Stop sharing". */
export function SharedDocuments({ profileId, documents, canEdit }: Props) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState('');
  const all = useQuery({ queryKey: documentKeys.record('profiles', profileId), queryFn: () => get(`/profiles/${profileId}/documents`, documentList), enabled: canEdit });
  const shared = new Set(documents.map((d) => d.id));
  const choices = (all.data?.items ?? []).filter((d) => d.readable && !shared.has(d.id));
  const change = useMutation({
    mutationFn: ({ documentId, share }: { documentId: string; share: boolean }) =>
      call(share ? 'PUT' : 'DELETE', `/profiles/${profileId}/portal/documents/${documentId}`, profilePortalItems),
    onSuccess: (items, { share }) => {
      setChosen('');
      queryClient.setQueryData(portalKeys.items(profileId), items);
      notifySaved(share ? 'Shared: the client can download it in the portal.' : 'The client can no longer see that document.');
    },
  });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Documents
      </Title>
      <FormAlert error={change.error} />
      {documents.length === 0 ? (
        <Text size="sm">No documents are shared with the client.</Text>
      ) : (
        <Stack component="ul" gap="xs" style={listStyle} aria-label="Documents shared with the client">
          {documents.map((d) => (
            <Paper component="li" key={d.id} withBorder p="sm">
              <Group justify="space-between" gap="xs">
                <div>
                  <Text size="sm" fw={700}>
                    {d.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.fileName} ({typeName(d.contentType)}, {formatBytes(d.size)}); shared {formatDateTime(d.sharedAt)} by {d.sharedBy.name}
                  </Text>
                </div>
                {canEdit && (
                  <Button size="xs" variant="default" loading={change.isPending && change.variables.documentId === d.id} onClick={() => change.mutate({ documentId: d.id, share: false })}>
                    Stop sharing<VisuallyHidden> {d.title}</VisuallyHidden>
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label="Share a document from this profile"
            value={chosen}
            onChange={(e) => setChosen(e.currentTarget.value)}
            disabled={choices.length === 0}
            data={[{ value: '', label: choices.length ? 'Choose a document' : 'No other documents to share' }, ...choices.map((d) => ({ value: d.id, label: d.title ?? d.fileName ?? 'Untitled' }))]}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button onClick={() => chosen && change.mutate({ documentId: chosen, share: true })} disabled={!chosen} loading={change.isPending && change.variables.share}>
            Share with the client
          </Button>
        </Group>
      )}
    </Stack>
  );
}
