import { useId } from 'react';
import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ProfileMatch } from '../../shared/api/profiles.ts';
import { MatchList } from './MatchList.tsx';

interface Props {
  matches: ProfileMatch[];
  checking: boolean;
}

function summary(count: number): string {
  if (count === 0) return 'No one already on Concord matches these details.';
  if (count === 1) return '1 person already on Concord may be this person. Check before creating a new profile.';
  return `${count} people already on Concord may be this person. Check before creating a new profile.`;
}

/** The live match check on the create form; its summary line is announced as it changes. */
export function LikelyMatches({ matches, checking }: Props) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" bg={matches.length > 0 ? 'yellow.0' : undefined}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          Possible matches
        </Title>
        <Text size="sm" role="status" fw={matches.length > 0 ? 600 : undefined}>
          {checking && matches.length === 0 ? 'Checking for people already on Concord…' : summary(matches.length)}
          {checking && <Loader size="xs" ml="xs" aria-hidden="true" />}
        </Text>
        {matches.length > 0 && <MatchList matches={matches} />}
      </Stack>
    </Paper>
  );
}
