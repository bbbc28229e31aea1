import { Link } from 'react-router';
import { Anchor, Stack, Text } from '@mantine/core';
import type { Profile } from '../../shared/api/profiles.ts';
import { formatDateTime } from '../components/format.ts';
import { Section } from '../records/Section.tsx';
import { fullName } from './labels.ts';

/** Duplicates folded into this profile; their old links still lead here. */
export function MergedFrom({ merged }: { merged: Profile['mergedFrom'] }) {
  if (merged.length === 0) return null;
  return (
    <Section title="Merged from">
      <Stack component="ul" gap={4} style={{ paddingLeft: '1.2rem', margin: 0 }}>
        {merged.map((m) => (
          <li key={m.id}>
            <Text size="sm">
              <Anchor component={Link} to={`/profiles/${m.id}`} inherit>
                {fullName(m)}
              </Anchor>
              , merged {formatDateTime(m.mergedAt)}
              {m.mergedBy && ` by ${m.mergedBy.name}`}
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}
