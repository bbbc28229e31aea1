import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import type { Agreement } from '../../../shared/api/agreements.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';
import { putFile } from '../../records/upload.ts';
import { dataProtectionKeys } from '../api.ts';

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The signed agreement: a download for all staff, and an upload (a PDF) for its keepers. */
export function SignedDocument({ agreement }: { agreement: Agreement }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => putFile(`/sharing-agreements/${agreement.id}/document?fileName=${encodeURIComponent(chosen.name)}`, chosen),
    onSuccess: () => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: dataProtectionKeys.allAgreements });
      notifySaved('Signed agreement uploaded.');
    },
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="signed-document-heading">
      <Title order={2} size="h4" id="signed-document-heading">
        Signed agreement
      </Title>
      {agreement.document ? (
        <Text size="sm">
          <Anchor href={`/api/v1/sharing-agreements/${agreement.id}/document`} download>
            {agreement.document.name}
          </Anchor>{' '}
          ({kilobytes(agreement.document.size)})
        </Text>
      ) : (
        <Text size="sm">No signed copy has been uploaded.</Text>
      )}
      {agreement.permissions.canEdit && (
        <Group align="flex-end">
          <FileInput label={agreement.document ? 'Replace with a new signed copy (PDF)' : 'Upload the signed copy (PDF)'} accept="application/pdf" value={file} onChange={setFile} clearable w={320} />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            Upload
          </Button>
        </Group>
      )}
      <FormAlert error={upload.error} />
    </Stack>
  );
}
