import { Badge, Group, Text } from '@mantine/core';
import type { BandColour } from '../../shared/assessments.ts';

interface ScoredBand {
  label: string;
  colour: BandColour;
}

const colours: Record<BandColour, { color: string; variant: 'light' | 'filled' | 'outline'; c?: string }> = {
  green: { color: 'green', variant: 'light' },
  yellow: { color: 'yellow', variant: 'light', c: 'dark.7' },
  orange: { color: 'orange', variant: 'light', c: 'orange.9' },
  red: { color: 'red.8', variant: 'filled' },
  blue: { color: 'blue', variant: 'light' },
  grey: { color: 'gray', variant: 'outline', c: 'dark.6' },
};

// Badges cut long labels short; a band ("Full risk assessment required") must be read whole.
const whole = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } } as const;

/** A band in its colour and always in words: colour alone never carries the meaning. */
export function AssessmentBand({ band }: { band: ScoredBand | null }) {
  if (!band) return null;
  return (
    <Badge {...colours[band.colour]} tt="none" styles={whole}>
      {band.label}
    </Badge>
  );
}

interface ScoreProps {
  score: number | null;
  finalScore: number | null;
  band: ScoredBand | null;
  finalBand: ScoredBand | null;
}

/** The band and score that count; when an adjustment changed them, the computed ones beside. */
export function AssessmentScore({ score, finalScore, band, finalBand }: ScoreProps) {
  if (score === null && finalScore === null) return <Text size="sm">Not scored</Text>;
  const adjusted = finalScore !== null && finalScore !== score;
  return (
    <Group gap="xs" wrap="wrap">
      <AssessmentBand band={finalBand ?? band} />
      <Text size="sm" component="span">
        Score {finalScore ?? score}
      </Text>
      {adjusted && (
        <Text size="xs" c="dimmed" component="span">
          (adjusted from {score}{band ? `, ${band.label}` : ''})
        </Text>
      )}
    </Group>
  );
}
