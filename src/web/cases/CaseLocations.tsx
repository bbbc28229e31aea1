import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CaseRecord } from '../../shared/api/cases.ts';
import { callNoReply } from '../api/client.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { placeName } from '../locations/labels.ts';
import { LocationMap } from '../maps/LocationMap.tsx';
import { ownerText } from '../records/OwnerLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { AddLocationPanel } from './AddLocationPanel.tsx';
import { CaseSection } from './CaseSection.tsx';
import { useCaseRefresh } from './useCaseRefresh.ts';

type CaseLocation = CaseRecord['locations'][number];

/** The places in a case, on a map and in a list beside it; the list is the way in without a mouse. */
export function CaseLocations({ c, editable }: { c: CaseRecord; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  const refresh = useCaseRefresh(c.id);
  const remove = useMutation({
    mutationFn: (l: CaseLocation) => callNoReply('DELETE', `/cases/${c.id}/locations/${l.locationId}`),
    onSuccess: (_, l) => {
      refresh();
      notifySaved(`${placeName(l)} removed from this case.`);
    },
  });

  return (
    <CaseSection title="Locations" actions={editable && <Button variant="default" onClick={() => setAdding(true)}>Add a location</Button>}>
      <FormAlert error={remove.error} />
      {c.locations.length === 0 ? (
        <Text size="sm">No locations are linked to this case yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <LocationMap
            label="Map of the case's locations"
            withList={false}
            points={c.locations.map((l) => ({
              id: l.locationId,
              latitude: l.latitude,
              longitude: l.longitude,
              label: placeName(l),
              href: l.accessible ? `/locations/${l.locationId}` : undefined,
            }))}
          />
          <List spacing="sm" listStyleType="none" ml={0} aria-label="The case's locations">
            {c.locations.map((l) => (
              <List.Item key={l.locationId}>
                <Stack gap={4} align="flex-start">
                  <Group gap="xs">
                    {l.accessible ? (
                      <Anchor component={Link} to={`/locations/${l.locationId}`} size="sm" fw={600}>
                        {placeName(l)}
                      </Anchor>
                    ) : (
                      <>
                        <Text size="sm" fw={600}>
                          {placeName(l)}
                        </Text>
                        <Badge color="gray" variant="light">
                          No access
                        </Badge>
                      </>
                    )}
                    {l.latitude === null && <Text size="xs">(no map position)</Text>}
                  </Group>
                  {!l.accessible && (
                    <>
                      <Text size="xs">Held by {ownerText(l.owner)}</Text>
                      <RequestAccessButton kind="locations" id={l.locationId} title={placeName(l)} owner={l.owner} />
                    </>
                  )}
                  {editable && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={remove.isPending && remove.variables.locationId === l.locationId}
                      onClick={() => remove.mutate(l)}
                      aria-label={`Remove ${placeName(l)} from this case`}
                    >
                      Remove
                    </Button>
                  )}
                </Stack>
              </List.Item>
            ))}
          </List>
        </SimpleGrid>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a location to this case" size="xl">
        {adding && (
          <AddLocationPanel
            caseId={c.id}
            linked={c.locations.map((l) => l.locationId)}
            onCancel={() => setAdding(false)}
            onAdded={(name) => {
              setAdding(false);
              refresh();
              notifySaved(`${name} added to this case.`);
            }}
          />
        )}
      </Modal>
    </CaseSection>
  );
}
