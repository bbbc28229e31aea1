import { Text } from '@mantine/core';
import type { ProfileMatch } from '../../shared/api/profiles.ts';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { MatchList } from '../profiles/MatchList.tsx';
import { Section } from '../records/Section.tsx';

interface Props {
  matches: ProfileMatch[] | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}

/** People already on Concord who may be the one referred: those the reader cannot open show as stubs with their team. */
export function MatchesSection({ matches, isPending, error, onRetry }: Props) {
  return (
    <Section title="Likely matches">
      <QueryStatus isPending={isPending} error={error} onRetry={onRetry} label="Looking for people already on Concord" />
      {matches && (
        <>
          <Text size="sm">
            {matches.length === 0
              ? 'No one already on Concord matches this person.'
              : `${matches.length === 1 ? '1 person' : `${matches.length} people`} already on Concord may be this person. Accepting into a case can link them instead of adding someone new.`}
          </Text>
          {matches.length > 0 && <MatchList matches={matches} />}
        </>
      )}
    </Section>
  );
}
