import { useId } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LocationPerson } from '../../shared/api/locations.ts';
import { formatDate } from '../components/format.ts';
import { OwnerLine, ownerText } from '../records/OwnerLine.tsx';
import { PersonSafetyLine } from '../records/PersonSafetyLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';

type Openable = Extract<LocationPerson, { accessible: true }>;
type Stub = Extract<LocationPerson, { accessible: false }>;

function when(p: Openable): string {
  if (p.current) return p.fromDate ? `Since ${formatDate(p.fromDate)}` : 'Since: not known';
  // Not living here yet: the address starts later.
  if (!p.toDate) return `From ${formatDate(p.fromDate)}`;
  return `${formatDate(p.fromDate, 'Not known')} to ${formatDate(p.toDate)}`;
}

function Person({ p }: { p: Openable }) {
  const name = `${p.firstName} ${p.lastName}`;
  return (
    <Stack gap={4}>
      <Anchor component={Link} to={`/profiles/${p.profileId}`} fw={600} size="sm">
        {name}
      </Anchor>
      <Text size="sm">{when(p)}</Text>
      <PersonSafetyLine safety={p.safety} />
    </Stack>
  );
}

/** Someone the reader may not open: who holds them, never who they are, since that would say where they live. */
function Locked({ p }: { p: Stub }) {
  const title = `a person ${p.current ? 'living here now' : 'who lived here before'}, held by ${ownerText(p.owner)}`;
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Stack gap={4}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            A person you cannot open
          </Text>
          <Badge color="gray" variant="light">
            No access
          </Badge>
        </Group>
        <OwnerLine owner={p.owner} />
      </Stack>
      <RequestAccessButton kind="profiles" id={p.profileId} title={title} owner={p.owner} />
    </Group>
  );
}

function PeopleGroup({ title, empty, people }: { title: string; empty: string; people: LocationPerson[] }) {
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {title} ({people.length})
      </Title>
      {people.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {people.map((p) => (
            <Paper component="li" key={p.addressId} withBorder p="sm">
              {p.accessible ? <Person p={p} /> : <Locked p={p} />}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The people recorded with this address: those living here now first, then those who lived here before. */
export function LocationPeople({ people }: { people: LocationPerson[] }) {
  const title = 'People at this address';
  return (
    <Paper component="section" withBorder p="lg" aria-label={title}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {title}
        </Title>
        {people.length === 0 ? (
          <Text size="sm">No one on the record has this address. A person's address is linked here when it is the same as this location's.</Text>
        ) : (
          <>
            <PeopleGroup title="Living here now" empty="No one is recorded as living here now." people={people.filter((p) => p.current)} />
            <PeopleGroup title="Lived here before" empty="No one is recorded as having lived here before." people={people.filter((p) => !p.current)} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
