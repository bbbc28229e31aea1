import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Modal, Text } from '@mantine/core';
import { apiToken, type ApiToken } from '../../../shared/api/api-tokens.ts';
import { call } from '../../api/client.ts';
import { Form, FormButtons } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { notifySaved } from '../../components/notify.ts';

export function RevokeApiToken({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => call('POST', `/api-tokens/${token.id}/revoke`, apiToken, { body: {} }),
    onSuccess: (revoked) => {
      void queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
      notifySaved(`API token “${revoked.name}” revoked.`);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Revoke API token: ${token.name}`}>
      <Form onSubmit={() => revoke.mutate()}>
        <FormAlert error={revoke.error} />
        <Text>
          The system using this token is refused from now on. This cannot be undone: to connect it again, create a new
          token.
        </Text>
        <FormButtons submitLabel="Revoke token" pending={revoke.isPending} onCancel={onClose} danger />
      </Form>
    </Modal>
  );
}
