import { Link } from 'react-router';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { ProfileMatch } from '../../shared/api/profiles.ts';
import { formatDate } from '../components/format.ts';
import { OwnerLine } from '../records/OwnerLine.tsx';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { fullName } from './labels.ts';

/** Each possible match: who it is, who holds it, why it matched, and how to get to it. */
export function MatchList({ matches }: { matches: ProfileMatch[] }) {
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {matches.map((m) => {
        const name = fullName(m.profile);
        return (
          <Paper component="li" key={m.profile.id} withBorder p="sm" bg="white">
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={2}>
                <Text fw={700}>{name}</Text>
                <Text size="sm">Born {formatDate(m.profile.dateOfBirth, 'not known')}</Text>
                <OwnerLine owner={m.owner} />
                {m.reasons.length > 0 && <Text size="sm">Why it matched: {m.reasons.join('; ')}</Text>}
                {m.safety && <PersonSafetyLine safety={m.safety} />}
              </Stack>
              {m.accessible ? (
                <Anchor component={Link} to={`/profiles/${m.profile.id}`} aria-label={`Open ${name}`}>
                  Open
                </Anchor>
              ) : (
                <RequestAccessButton kind="profiles" id={m.profile.id} title={name} owner={m.owner} />
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
