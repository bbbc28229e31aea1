import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Stack, Text } from '@mantine/core';
import { interest } from '../../shared/api/notifications.ts';
import { call, get } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { interestKeys } from './keys.ts';

interface Props {
  kind: 'profiles' | 'cases';
  id: string;
}

const nouns = { profiles: 'profile', cases: 'case' } as const;

/** Follow a profile or case: be told whenever someone else adds or changes anything on it. */
export function InterestButton({ kind, id }: Props) {
  const queryClient = useQueryClient();
  const key = interestKeys.one(kind, id);
  const path = `/${kind}/${id}/interest`;
  const current = useQuery({ queryKey: key, queryFn: () => get(path, interest) });
  const toggle = useMutation({
    mutationFn: (register: boolean) => call(register ? 'PUT' : 'DELETE', path, interest, { body: {} }),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      void queryClient.invalidateQueries({ queryKey: ['interests'] });
    },
  });
  if (!current.data) return null;
  const registered = current.data.registered;
  const helpId = `interest-help-${id}`;

  return (
    <Stack gap={2} maw={260}>
      <Button
        variant={registered ? 'light' : 'default'}
        aria-describedby={helpId}
        loading={toggle.isPending}
        onClick={() => toggle.mutate(!registered)}
      >
        {registered ? 'Drop interest' : 'Register an interest'}
      </Button>
      <Text id={helpId} size="xs" c="dimmed">
        {registered
          ? `You are told when someone else changes or adds to this ${nouns[kind]}.`
          : `Be told when someone else changes or adds to this ${nouns[kind]}.`}
      </Text>
      {toggle.error && (
        <Text size="xs" c="red.9" role="alert">
          {messageOf(toggle.error)}
        </Text>
      )}
    </Stack>
  );
}
