import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, CloseButton, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { message, sendMessageBody, type MessageAttachment } from '../../shared/api/portal.ts';
import { portalLimits } from '../../shared/portal.ts';
import { call } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Form } from '../components/Form.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useFieldErrors } from '../components/useFieldErrors.ts';
import { changedFrom, useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { formatBytes } from '../documents/api.ts';
import { uploadAttachment } from './api.ts';
import { portalKeys } from './keys.ts';

const labels = { body: 'Your message', attachmentIds: 'Attached files' };

/**
 * A reply to the client. Files are uploaded as they are chosen (checked, stripped of their
 * metadata and scanned by the server), then sent with the words.
 */
export function SendMessageForm({ profileId, firstName }: { profileId: string; firstName: string }) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [body, setBody] = useState('');
  const [attached, setAttached] = useState<MessageAttachment[]>([]);
  const errors = useFieldErrors(labels);
  const guard = useLeaveGuard(changedFrom('', body) || attached.length > 0);
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(profileId, file),
    onSuccess: (attachment) => setAttached((a) => [...a, attachment]),
  });
  const send = useMutation({
    mutationFn: (input: unknown) => call('POST', `/profiles/${profileId}/portal/messages`, message, { body: input, idempotencyKey: idempotency.keyFor(input) }),
    onSuccess: () => {
      idempotency.reset();
      setBody('');
      setAttached([]);
      upload.reset();
      void queryClient.invalidateQueries({ queryKey: portalKeys.messages(profileId) });
    },
    onError: (error) => errors.fromServer(error),
  });
  const submit = () => {
    const input = errors.check(sendMessageBody, { body, attachmentIds: attached.map((a) => a.id) });
    if (input) send.mutate(input);
  };
  const full = attached.length >= portalLimits.attachmentsPerMessage;
  return (
    <Form onSubmit={submit}>
      <FormAlert error={send.error ?? upload.error} fieldErrors={errors.fieldErrors} />
      <Textarea
        label={labels.body}
        description={`${firstName} is told by email or text that there is a new message, never what it says.`}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={errors.fieldErrors.body}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={portalLimits.messageLength}
      />
      {attached.length > 0 && (
        <Stack component="ul" gap={4} aria-label={labels.attachmentIds} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {attached.map((a) => (
            <Group component="li" key={a.id} gap="xs">
              <Text size="sm">
                {a.name} ({formatBytes(a.size)})
              </Text>
              <CloseButton size="sm" aria-label={`Remove ${a.name}`} onClick={() => setAttached((list) => list.filter((x) => x.id !== a.id))} />
            </Group>
          ))}
        </Stack>
      )}
      <Group justify="space-between">
        <FileButton onChange={(file) => file && upload.mutate(file)} disabled={full}>
          {(props) => (
            <Button {...props} variant="default" loading={upload.isPending} disabled={full}>
              Attach a file
            </Button>
          )}
        </FileButton>
        <Button type="submit" loading={send.isPending} disabled={upload.isPending}>
          Send
        </Button>
      </Group>
      {guard.dialog}
    </Form>
  );
}
