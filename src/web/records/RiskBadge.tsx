import { Badge } from '@mantine/core';
import { riskLevelLabels, type RiskLevel } from '../../shared/records.ts';

const colours: Record<RiskLevel, { color: string; variant: 'light' | 'filled' }> = {
  standard: { color: 'green', variant: 'light' },
  medium: { color: 'orange', variant: 'light' },
  high: { color: 'red', variant: 'filled' },
};

/** The risk level from the latest assessment, with words as well as colour. */
export function RiskBadge({ level }: { level: RiskLevel | null }) {
  if (!level) {
    return (
      <Badge color="gray" variant="outline">
        Risk not assessed
      </Badge>
    );
  }
  return (
    <Badge {...colours[level]}>
      {riskLevelLabels[level]} risk
    </Badge>
  );
}
