import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Stack, Text } from '@mantine/core';
import { casePage } from '../../shared/api/cases.ts';
import { get, withQuery } from '../api/client.ts';
import { OwnerLine } from '../records/OwnerLine.tsx';
import { Section } from '../records/Section.tsx';
import { profileKeys } from './keys.ts';

const statusWords = { open: 'Open', closed: 'Closed', archived: 'Archived' } as const;

/** The cases this person is linked to that the viewer can see; absent until cases exist on the server. */
export function ProfileCases({ profileId }: { profileId: string }) {
  const query = { profileId, limit: 50 };
  const cases = useQuery({
    queryKey: profileKeys.cases(profileId),
    queryFn: () => get(withQuery('/cases', query), casePage),
    retry: false,
  });
  if (!cases.data) return null;
  return (
    <Section title="Cases">
      {cases.data.items.length === 0 ? (
        <Text size="sm">Not linked to any case you can see.</Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {cases.data.items.map((c) => (
            <li key={c.id}>
              <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                {c.reference}: {c.title}
              </Anchor>
              <Text size="sm">
                {c.caseType.name} · {statusWords[c.status]}
              </Text>
              <OwnerLine owner={c.owner} c="dimmed" size="xs" />
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
