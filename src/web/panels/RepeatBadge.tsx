import { Badge } from '@mantine/core';

/** Referred to the same panel in the 12 months before: SafeLives counts it as a repeat. */
export function RepeatBadge({ repeat }: { repeat: boolean }) {
  if (!repeat) return null;
  return (
    <Badge color="orange" variant="light" tt="none" c="orange.9">
      Repeat referral
    </Badge>
  );
}
