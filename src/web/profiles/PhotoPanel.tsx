import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { callNoReply, withQuery } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { notifySaved } from '../components/notify.ts';
import { putFile } from '../records/upload.ts';
import { fullName } from './labels.ts';

const accepted = 'image/jpeg,image/png,image/webp';

export function initials(p: { firstName: string; lastName: string }): string {
  return `${p.firstName.charAt(0)}${p.lastName.charAt(0)}`.toUpperCase();
}

/** The person's photo, and for those who may edit, replacing or removing it. */
export function PhotoPanel({ profile: p }: { profile: Profile }) {
  const queryClient = useQueryClient();
  const path = withQuery(`/profiles/${p.id}/photo`, { version: p.version });
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['profiles'] });
    notifySaved(message);
  };
  const upload = useMutation({ mutationFn: (file: File) => putFile(path, file), onSuccess: () => done('Photo saved.') });
  const remove = useMutation({ mutationFn: () => callNoReply('DELETE', path), onSuccess: () => done('Photo removed.') });
  const error = upload.error ?? remove.error;

  return (
    <Stack gap="xs" align="flex-start">
      {p.photo ? (
        <Image src={p.photo.url} alt={`Photo of ${fullName(p)}`} w={200} h={240} fit="cover" radius="sm" />
      ) : (
        <Avatar size={120} radius="sm" color="blue" aria-label={`No photo of ${fullName(p)}`} role="img">
          {initials(p)}
        </Avatar>
      )}
      {p.permissions.canEdit && (
        <Group gap="xs">
          <FileButton onChange={(file) => file && upload.mutate(file)} accept={accepted}>
            {(props) => (
              <Button {...props} size="xs" variant="default" loading={upload.isPending}>
                {p.photo ? 'Replace photo' : 'Add a photo'}
              </Button>
            )}
          </FileButton>
          {p.photo && (
            <Button size="xs" variant="default" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove photo
            </Button>
          )}
        </Group>
      )}
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {messageOf(error)}
        </Text>
      )}
    </Stack>
  );
}
