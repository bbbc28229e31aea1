import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AccessRequest } from '../../shared/api/records.ts';
import { callNoReply } from '../api/client.ts';
import { formatDateTime } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { recordHref, recordNoun } from '../records/kinds.ts';
import { ownerText } from '../records/OwnerLine.tsx';
import type { Decision } from './DecideForm.tsx';
import { statusColours, statusLabels } from './labels.ts';

interface Props {
  request: AccessRequest;
  box: 'mine' | 'to-decide';
  onDecide: (request: AccessRequest, decision: Decision) => void;
}

/** One request: the record, who asked and why, and where it stands. */
export function AccessRequestCard({ request: r, box, onDecide }: Props) {
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => callNoReply('POST', `/access-requests/${r.id}/withdraw`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['access-requests'] });
      notifySaved(`Request for ${r.record.title} withdrawn.`);
    },
  });
  // The requester can open the record once approved; the deciding team holds it anyway.
  const opens = box === 'to-decide' || r.status === 'approved';
  const noun = recordNoun(r.record.kind);

  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h4">
            {opens ? (
              <Anchor component={Link} to={recordHref(r.record.kind, r.record.id)} inherit>
                {r.record.title}
              </Anchor>
            ) : (
              r.record.title
            )}{' '}
            <Text span size="sm" fw={400} c="dimmed">
              ({noun})
            </Text>
          </Title>
          <Badge color={statusColours[r.status]} variant={r.status === 'pending' ? 'light' : 'filled'}>
            {statusLabels[r.status]}
          </Badge>
        </Group>
        {box === 'mine' ? (
          <Text size="sm">Held by {ownerText(r.owner)}</Text>
        ) : (
          <Text size="sm">
            Asked by {r.requester.name} ({r.requesterTeam.name})
          </Text>
        )}
        <Text size="sm">
          Reason: <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>
        </Text>
        <Text size="xs" c="dimmed">
          Asked {formatDateTime(r.createdAt)} · {r.level === 'edit' ? 'to see and change' : 'to see'} the {noun}
        </Text>
        {r.decidedAt && (
          <Text size="sm">
            {statusLabels[r.status]} {formatDateTime(r.decidedAt)}
            {r.decidedBy && ` by ${r.decidedBy.name}`}
            {r.decisionReason && `: ${r.decisionReason}`}
          </Text>
        )}
        <FormAlert error={withdraw.error} />
        {(r.permissions.canDecide || r.permissions.canWithdraw) && (
          <Group gap="xs" mt={4}>
            {r.permissions.canDecide && (
              <>
                <Button size="xs" onClick={() => onDecide(r, 'approve')} aria-label={`Approve access to ${r.record.title} for ${r.requesterTeam.name}`}>
                  Approve
                </Button>
                <Button size="xs" variant="default" color="red" onClick={() => onDecide(r, 'refuse')} aria-label={`Refuse access to ${r.record.title} for ${r.requesterTeam.name}`}>
                  Refuse
                </Button>
              </>
            )}
            {r.permissions.canWithdraw && (
              <Button size="xs" variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate()} aria-label={`Withdraw the request for ${r.record.title}`}>
                Withdraw
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
