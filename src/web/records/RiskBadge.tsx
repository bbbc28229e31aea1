import { Badge } from '@mantine/core';
import { riskLevelLabels, type RiskLevel } from '../../shared/records.ts';

const colours: Record<RiskLevel, { color: string; variant: 'light' | 'filled' }> = {
  standard: { color: 'green', variant: 'light' },
  medium: { color: 'orange', variant: 'light' },
  high: { color: 'red', variant: 'filled' },
};

/** The badge's words, for where they are read without it. */
export const riskWords = (level: RiskLevel | null) => (level ? `${riskLevelLabels[level]} risk` : 'Risk not assessed');

/** The risk level from the latest assessment, with words as well as colour. */
export function RiskBadge({ level }: { level: RiskLevel | null }) {
  if (!level) {
    return (
      <Badge color="gray" variant="outline">
        {riskWords(level)}
      </Badge>
    );
  }
  return <Badge {...colours[level]}>{riskWords(level)}</Badge>;
}
