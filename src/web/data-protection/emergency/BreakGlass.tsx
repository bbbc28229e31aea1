import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { emergencyAccessBody, emergencyAccessGranted, emergencyAccessState } from '../../../shared/api/privacy.ts';
import { emergencyAccessMinutes } from '../../../shared/emergency-access.ts';
import { call, get } from '../../api/client.ts';
import { useIdempotencyKey } from '../../api/idempotency.ts';
import { Form } from '../../components/Form.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { privacyKeys } from '../keys.ts';

const labels = { reason: 'Why you need to open this profile now' };

/**
 * Breaking the glass, on the page of a profile the person may not open: a clear warning, their
 * acknowledgement that it is recorded and reviewed, and a reason. The profile then opens to them
 * alone for an hour and its owning team's administrators are told at once.
 */
export function BreakGlass({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: privacyKeys.emergencyState(id), queryFn: () => get(`/profiles/${id}/emergency-access`, emergencyAccessState) });
  const [open, setOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(labels);
  const idempotency = useIdempotencyKey();
  const breakGlass = useMutation({
    mutationFn: (body: { reason: string }) => call('POST', `/profiles/${id}/emergency-access`, emergencyAccessGranted, { body, idempotencyKey: idempotency.keyFor(body) }),
    onSuccess: () => {
      idempotency.reset();
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
    },
    onError: (error) => errors.fromServer(error),
  });

  if (!state.data?.canBreakGlass) return null;
  const submit = () => {
    const body = errors.check(emergencyAccessBody, { reason });
    if (body && understood) breakGlass.mutate(body);
  };

  return (
    <Paper withBorder p="lg" maw={640}>
      <Stack gap="md">
        <Title order={2} size="h3">
          Emergency access
        </Title>
        {!open ? (
          <Group justify="space-between" align="center">
            <Text size="sm">If someone is at risk and you cannot wait for the team to answer, you can open this profile yourself.</Text>
            <Button variant="outline" color="red" onClick={() => setOpen(true)}>
              Use emergency access
            </Button>
          </Group>
        ) : (
          <Form onSubmit={submit}>
            <Alert color="red" title="Only for a risk to someone's safety that cannot wait">
              <Text size="sm">
                Emergency access is for a risk to someone&apos;s safety that cannot wait for the team that holds this profile. It opens the
                profile to you alone for {emergencyAccessMinutes} minutes. The team&apos;s administrators are told straight away, and they
                review why you used it.
              </Text>
            </Alert>
            <FormAlert error={breakGlass.error} fieldErrors={errors.fieldErrors} />
            <Textarea
              label={labels.reason}
              description="The team that holds this profile reads this when they review the access."
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.fieldErrors.reason}
              autosize
              minRows={3}
              maxLength={1000}
              required
              data-autofocus
            />
            <Checkbox
              label="I understand that my reason and everything I look at are recorded and reviewed"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={breakGlass.isPending} disabled={!understood}>
                Open for {emergencyAccessMinutes} minutes
              </Button>
            </Group>
          </Form>
        )}
      </Stack>
    </Paper>
  );
}
