import { Badge } from '@mantine/core';
import { referralStateLabels, type ReferralState } from '../../shared/referrals.ts';
import { stateColours } from './labels.ts';

export function StateBadge({ state }: { state: ReferralState }) {
  return (
    <Badge color={stateColours[state]} variant="light" component="span">
      {referralStateLabels[state]}
    </Badge>
  );
}
