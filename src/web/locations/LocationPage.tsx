import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Location } from '../../shared/api/locations.ts';
import { locationKindLabels } from '../../shared/records.ts';
import { Details } from '../components/Details.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { QueryStatus } from '../components/QueryStatus.tsx';
import { LocationMap } from '../maps/LocationMap.tsx';
import type { RecordPath } from '../records/kinds.ts';
import { LockedRecord } from '../records/LockedRecord.tsx';
import { ownerText } from '../records/OwnerLine.tsx';
import { RecordDocuments } from '../documents/RecordDocuments.tsx';
import { RecordHistory } from '../records/RecordHistory.tsx';
import { RecordTimeline } from '../reports/RecordTimeline.tsx';
import { RecordTasks } from '../tasks/RecordTasks.tsx';
import { refusedOwner } from '../records/refusal.ts';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { SharingPanel } from '../records/SharingPanel.tsx';
import { placeName } from './labels.ts';
import { LocationPeople } from './LocationPeople.tsx';
import { useLocationRecord } from './useLocation.ts';

export function LocationPage() {
  const { id = '' } = useParams();
  const query = useLocationRecord(id);
  const owner = refusedOwner(query.error);
  if (owner) return <LockedRecord kind="locations" id={id} owner={owner} />;
  const l = query.data;

  return (
    <Page
      title={l ? placeName(l) : 'Location'}
      actions={l?.permissions.canEdit && (
        <Button component={Link} to={`/locations/${l.id}/edit`}>
          Edit location
        </Button>
      )}
    >
      <Anchor component={Link} to="/locations" size="sm">
        Back to locations
      </Anchor>
      <QueryStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} label="Loading location" />
      {l && <LocationDetails l={l} />}
    </Page>
  );
}

function LocationDetails({ l }: { l: Location }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Details
          items={[
            { label: 'Type of place', value: locationKindLabels[l.kind] },
            ...(l.name ? [{ label: 'Name', value: l.name }] : []),
            { label: 'Address', value: [l.addressLine1, l.addressLine2, l.town].filter(Boolean).join(', ') },
            { label: 'Postcode', value: l.postcode },
            ...(l.uprn ? [{ label: 'UPRN', value: l.uprn }] : []),
            { label: 'Map position', value: l.latitude !== null && l.longitude !== null ? `${l.latitude}, ${l.longitude}` : 'Not recorded' },
            { label: 'Held by', value: ownerText(l.owner) },
            { label: 'Added', value: `${formatDateTime(l.createdAt)}${l.createdBy ? ` by ${l.createdBy.name}` : ''}` },
            { label: 'Last changed', value: formatDateTime(l.updatedAt) },
          ]}
        />
        <LocationMap
          label="Map of this location"
          withList={false}
          points={[{ id: l.id, latitude: l.latitude, longitude: l.longitude, label: placeName(l) }]}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Linked
          kind="cases"
          title="Cases at this location"
          empty="No cases are linked to this location."
          items={l.cases.map((c) => ({ id: c.id, text: `${c.reference}: ${c.title}`, href: `/cases/${c.id}`, accessible: c.accessible }))}
        />
        <LocationPeople people={l.profiles} />
      </SimpleGrid>
      <RecordTimeline kind="locations" id={l.id} />
      <RecordTasks kind="locations" id={l.id} />
      <RecordDocuments kind="locations" id={l.id} />
      <SharingPanel kind="locations" id={l.id} />
      <RecordHistory kind="locations" id={l.id} />
    </Stack>
  );
}

interface LinkedItem {
  id: string;
  text: string;
  href: string;
  accessible: boolean;
}

/** A record this person may not open is still named, so they know it exists and can ask for it. */
function Linked({ kind, title, empty, items }: { kind: RecordPath; title: string; empty: string; items: LinkedItem[] }) {
  return (
    <Paper component="section" withBorder p="lg" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        {items.length === 0 ? (
          <Text size="sm">{empty}</Text>
        ) : (
          <List size="sm" spacing="xs">
            {items.map((item) => (
              <List.Item key={item.id}>
                {item.accessible ? (
                  <Anchor component={Link} to={item.href} size="sm">
                    {item.text}
                  </Anchor>
                ) : (
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm">{item.text}</Text>
                    <Badge color="gray" variant="light">
                      No access
                    </Badge>
                    <RequestAccessButton kind={kind} id={item.id} title={item.text} />
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
