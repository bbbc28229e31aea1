import { Badge } from '@mantine/core';
import { referralFormStatusLabels, type ReferralFormStatus } from '../../../shared/referrals.ts';

const colours: Record<ReferralFormStatus, string> = { draft: 'gray', published: 'green', closed: 'orange' };

export function FormStatusBadge({ status }: { status: ReferralFormStatus }) {
  return (
    <Badge color={colours[status]} variant="light" component="span">
      {referralFormStatusLabels[status]}
    </Badge>
  );
}
