import { Badge, Group, Text } from '@mantine/core';
import type { ReferralListItem } from '../../shared/api/referrals.ts';
import { openReferralStates } from '../../shared/referrals.ts';
import { formatDateTime } from '../components/format.ts';

type Clock = Pick<ReferralListItem, 'status' | 'decisionDueAt' | 'overdue' | 'paused'>;

/** When the decision is due, with "Overdue" or "Paused" in words as well as colour. */
export function ReferralClock({ referral }: { referral: Clock }) {
  if (referral.paused) {
    return (
      <Group gap={6} wrap="wrap">
        <Badge color="yellow" variant="light" component="span">
          Paused
        </Badge>
        <Text size="sm" component="span">
          Waiting for information
        </Text>
      </Group>
    );
  }
  if (!openReferralStates.includes(referral.status) || !referral.decisionDueAt) {
    return <Text size="sm" component="span">No longer due</Text>;
  }
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" component="span">
        {formatDateTime(referral.decisionDueAt)}
      </Text>
      {referral.overdue && (
        <Badge color="red" variant="filled" component="span">
          Overdue
        </Badge>
      )}
    </Group>
  );
}
