import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { CaseRecord } from '../../shared/api/cases.ts';
import { profileRoleLabels } from '../../shared/records.ts';
import { callNoReply } from '../api/client.ts';
import { formatDate } from '../components/format.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { notifySaved } from '../components/notify.ts';
import { ownerText } from '../records/OwnerLine.tsx';
import { RequestAccessButton } from '../records/RequestAccessButton.tsx';
import { RiskBadge } from '../records/RiskBadge.tsx';
import { WarningMarkerBadges } from '../records/WarningMarkers.tsx';
import { AddProfileForm } from './AddProfileForm.tsx';
import { CaseSection } from './CaseSection.tsx';
import { useCaseRefresh } from './useCaseRefresh.ts';

type CaseProfile = CaseRecord['profiles'][number];

const nameOf = (p: CaseProfile) => `${p.firstName} ${p.lastName}`;

/** The people in a case and the part each plays; people this person cannot open are named with their owner. */
export function CaseProfiles({ c, editable }: { c: CaseRecord; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  const refresh = useCaseRefresh(c.id);
  const remove = useMutation({
    mutationFn: (p: CaseProfile) => callNoReply('DELETE', `/cases/${c.id}/profiles/${p.profileId}`),
    onSuccess: (_, p) => {
      refresh();
      notifySaved(`${nameOf(p)} removed from this case.`);
    },
  });

  return (
    <CaseSection title="People" actions={editable && <Button variant="default" onClick={() => setAdding(true)}>Add a person</Button>}>
      <FormAlert error={remove.error} />
      {c.profiles.length === 0 ? (
        <Text size="sm">No one is linked to this case yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Role in this case</Table.Th>
                <Table.Th scope="col">Date of birth</Table.Th>
                {editable && <Table.Th scope="col">Remove</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.profiles.map((p) => (
                <Table.Tr key={p.profileId}>
                  <Table.Th scope="row">
                    {p.accessible ? (
                      <Stack gap={4} align="flex-start">
                        <Anchor component={Link} to={`/profiles/${p.profileId}`} size="sm">
                          {nameOf(p)}
                        </Anchor>
                        {p.safety && (
                          <>
                            <WarningMarkerBadges markers={p.safety.warningMarkers} />
                            <RiskBadge level={p.safety.riskLevel} />
                          </>
                        )}
                      </Stack>
                    ) : (
                      <Stack gap={4} align="flex-start">
                        <Group gap="xs">
                          <Text size="sm" fw={600}>
                            {nameOf(p)}
                          </Text>
                          <Badge color="gray" variant="light">
                            No access
                          </Badge>
                        </Group>
                        <Text size="xs">Held by {ownerText(p.owner)}</Text>
                        <RequestAccessButton kind="profiles" id={p.profileId} title={nameOf(p)} owner={p.owner} />
                      </Stack>
                    )}
                  </Table.Th>
                  <Table.Td>{profileRoleLabels[p.role]}</Table.Td>
                  <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        loading={remove.isPending && remove.variables.profileId === p.profileId}
                        onClick={() => remove.mutate(p)}
                        aria-label={`Remove ${nameOf(p)} from this case`}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a person to this case" size="lg">
        {adding && (
          <AddProfileForm
            caseId={c.id}
            linked={c.profiles.map((p) => p.profileId)}
            onCancel={() => setAdding(false)}
            onAdded={(name, role) => {
              setAdding(false);
              refresh();
              notifySaved(`${name} added to this case as ${profileRoleLabels[role].toLowerCase()}.`);
            }}
          />
        )}
      </Modal>
    </CaseSection>
  );
}
